import { describe, expect, it } from 'vitest';
import type { ComplaintStatus, ComplaintTrack } from '../../schema/contracts/complaint';
import { type CaseCommand, type CaseState, decide } from '../../worker/cases/case-machine';
import { OTHER_UNIT, people, state, type Who } from './support/case-actors';

const owned = (track: ComplaintTrack, status: ComplaintStatus, assigneeId: number) =>
  state({ track, status, assigneeId });

const cmd = {
  accept: { type: 'accept' },
  ask: { type: 'ask_info' },
  update: { type: 'update' },
  forward: { type: 'forward' },
  resolve: { type: 'close', outcome: 'resolved' },
  unsubstantiated: { type: 'close', outcome: 'not_substantiated' },
  outside: { type: 'close', outcome: 'outside_authority' },
  referred: { type: 'close', outcome: 'referred' },
  duplicate: { type: 'close', outcome: 'duplicate' },
  reopen: { type: 'reopen' },
  toUnit: { type: 'assign_unit', unitId: OTHER_UNIT },
  toColleague: { type: 'assign_staff', target: people.colleague },
  toIntegrity2: { type: 'assign_staff', target: people.integrity2 },
  toExecutive: { type: 'assign_staff', target: people.executive },
  escalate: { type: 'escalate' },
  instruct: { type: 'instruct' },
} satisfies Record<string, CaseCommand>;
type Cmd = keyof typeof cmd;

// [case, command, who, expected: next status | refusal]
const table: [string, CaseState, Cmd, Who, ComplaintStatus | `!${string}`][] = [
  // accept
  ['officer of the unit accepts a new grievance', state(), 'accept', 'officer', 'accepted'],
  ['admin accepts a new grievance', state(), 'accept', 'admin', 'accepted'],
  ['officer of another unit cannot accept', state(), 'accept', 'otherUnit', '!no_access'],
  ['any officer accepts an unrouted grievance', state({ unitId: null }), 'accept', 'otherUnit', 'accepted'],
  ['executive reads but cannot accept', state(), 'accept', 'executive', '!not_handler'],
  ['second accept is refused', owned('grievance', 'accepted', 2), 'accept', 'colleague', '!already_taken'],
  ['accept of a finished case', owned('grievance', 'resolved', 2), 'accept', 'officer', '!finished'],
  [
    'integrity officer accepts a corruption case',
    state({ track: 'corruption' }),
    'accept',
    'integrity',
    'accepted',
  ],
  ['admin cannot touch a corruption case', state({ track: 'corruption' }), 'accept', 'admin', '!no_access'],
  [
    'officer cannot touch a corruption case',
    state({ track: 'corruption' }),
    'accept',
    'officer',
    '!no_access',
  ],
  ['integrity officer is not a grievance officer', state(), 'accept', 'integrity', '!no_access'],
  // assign
  ['officer routes a new grievance to another unit', state(), 'toUnit', 'officer', 'received'],
  ['admin assigns to an officer', state(), 'toColleague', 'admin', 'accepted'],
  [
    'owner hands over, status kept',
    owned('grievance', 'in_progress', 2),
    'toColleague',
    'officer',
    'in_progress',
  ],
  [
    'colleague cannot take over an owned case',
    owned('grievance', 'in_progress', 2),
    'toColleague',
    'colleague',
    '!not_handler',
  ],
  ['an executive cannot be made owner', state(), 'toExecutive', 'admin', '!bad_target'],
  [
    'corruption case to another integrity officer',
    state({ track: 'corruption' }),
    'toIntegrity2',
    'integrity',
    'accepted',
  ],
  [
    'corruption case to a grievance officer',
    state({ track: 'corruption' }),
    'toColleague',
    'integrity',
    '!bad_target',
  ],
  ['corruption case to a unit', state({ track: 'corruption' }), 'toUnit', 'integrity', '!unit_on_corruption'],
  ['assign a finished case', owned('grievance', 'closed', 2), 'toUnit', 'admin', '!finished'],
  // ask for information
  ['owner asks the complainant', owned('grievance', 'accepted', 2), 'ask', 'officer', 'awaiting_info'],
  ['ask before accepting', state(), 'ask', 'officer', '!wrong_status'],
  ['ask twice', owned('grievance', 'awaiting_info', 2), 'ask', 'officer', '!wrong_status'],
  ['non-owner asks', owned('grievance', 'accepted', 2), 'ask', 'colleague', '!not_handler'],
  ['corruption owner asks', owned('corruption', 'in_progress', 5), 'ask', 'integrity', 'awaiting_info'],
  // progress updates
  ['update after accepting', owned('grievance', 'accepted', 2), 'update', 'officer', 'in_progress'],
  [
    'update while waiting for information',
    owned('grievance', 'awaiting_info', 2),
    'update',
    'officer',
    'awaiting_info',
  ],
  ['update of a forwarded case', owned('grievance', 'forwarded', 2), 'update', 'officer', 'forwarded'],
  ['update of a new case', state(), 'update', 'officer', '!wrong_status'],
  ['update of a finished case', owned('grievance', 'resolved', 2), 'update', 'officer', '!finished'],
  // forward
  ['forward to an outside body', owned('corruption', 'in_progress', 5), 'forward', 'integrity', 'forwarded'],
  ['forward twice', owned('corruption', 'forwarded', 5), 'forward', 'integrity', '!wrong_status'],
  ['forward a new case', state({ track: 'corruption' }), 'forward', 'integrity', '!wrong_status'],
  // close
  ['resolved', owned('grievance', 'in_progress', 2), 'resolve', 'officer', 'resolved'],
  ['not substantiated', owned('corruption', 'in_progress', 5), 'unsubstantiated', 'integrity', 'rejected'],
  ['outside our authority, straight from new', state(), 'outside', 'officer', 'rejected'],
  ['referred after forwarding', owned('corruption', 'forwarded', 5), 'referred', 'integrity', 'closed'],
  ['duplicate, from new', state(), 'duplicate', 'admin', 'closed'],
  ['close twice', owned('grievance', 'resolved', 2), 'resolve', 'officer', '!finished'],
  ['close by a colleague', owned('grievance', 'in_progress', 2), 'resolve', 'colleague', '!not_handler'],
  // reopen
  ['former owner reopens', owned('grievance', 'resolved', 2), 'reopen', 'officer', 'in_progress'],
  ['admin reopens', owned('grievance', 'closed', 2), 'reopen', 'admin', 'in_progress'],
  ['colleague cannot reopen', owned('grievance', 'resolved', 2), 'reopen', 'colleague', '!not_handler'],
  ['reopen an open case', owned('grievance', 'in_progress', 2), 'reopen', 'officer', '!wrong_status'],
  [
    'integrity officer reopens a corruption case',
    owned('corruption', 'rejected', 6),
    'reopen',
    'integrity',
    'in_progress',
  ],
  ['admin with officer role in another unit', state(), 'accept', 'adminOfficer', 'accepted'],
  // escalate and instruct: the status stays
  ['owner escalates', owned('grievance', 'in_progress', 2), 'escalate', 'officer', 'in_progress'],
  ['admin escalates a new case', state(), 'escalate', 'admin', 'received'],
  [
    'colleague cannot escalate an owned case',
    owned('grievance', 'in_progress', 2),
    'escalate',
    'colleague',
    '!not_handler',
  ],
  [
    'executive does not escalate',
    owned('grievance', 'in_progress', 2),
    'escalate',
    'executive',
    '!not_handler',
  ],
  ['no escalation of a finished case', owned('grievance', 'resolved', 2), 'escalate', 'officer', '!finished'],
  [
    'integrity officer escalates a corruption case',
    owned('corruption', 'forwarded', 5),
    'escalate',
    'integrity',
    'forwarded',
  ],
  [
    'admin cannot escalate a corruption case',
    owned('corruption', 'accepted', 5),
    'escalate',
    'admin',
    '!no_access',
  ],
  ['executive instructs', owned('grievance', 'awaiting_info', 2), 'instruct', 'executive', 'awaiting_info'],
  [
    'executive instructs on a corruption case',
    owned('corruption', 'accepted', 5),
    'instruct',
    'executive',
    'accepted',
  ],
  ['officer cannot instruct', owned('grievance', 'in_progress', 2), 'instruct', 'officer', '!not_executive'],
  ['admin cannot instruct', owned('grievance', 'in_progress', 2), 'instruct', 'admin', '!not_executive'],
  [
    'no instruction on a finished case',
    owned('grievance', 'closed', 2),
    'instruct',
    'executive',
    '!finished',
  ],
];

describe('case state machine', () => {
  it.each(table)('%s', (_name, s, command, who, expected) => {
    const decision = decide(s, cmd[command], people[who], s.version);
    if (expected.startsWith('!')) {
      expect(decision).toEqual({ ok: false, refusal: expected.slice(1) });
    } else {
      expect(decision.ok && decision.next.status).toBe(expected);
    }
  });
});
