import { describe, expect, it } from 'vitest';
import { type ComplaintStatus, complaintStatuses } from '../../schema/contracts/complaint';
import { type CaseState, canRead, decide } from '../../worker/cases/case-machine';
import { refusalText } from '../../worker/cases/case-refusals';
import { nextDigestAt } from '../../worker/notices/digest-time';
import { somePeople, state, UNIT } from './support/case-actors';

// The readers test lists these, in this order.
const people = somePeople('admin', 'officer', 'colleague', 'otherUnit', 'integrity', 'executive');
type Who = keyof typeof people;

describe('case state machine: owners, versions, residents, readers', () => {
  it('accepting makes the actor the owner; routing to a unit clears the owner', () => {
    expect(decide(state(), { type: 'accept' }, people.officer)).toEqual({
      ok: true,
      next: { status: 'accepted', unitId: UNIT, assigneeId: 2 },
    });
    expect(
      decide(
        state({ status: 'accepted', assigneeId: 2 }),
        { type: 'assign_unit', unitId: 20 },
        people.officer,
      ),
    ).toEqual({
      ok: true,
      next: { status: 'received', unitId: 20, assigneeId: null },
    });
  });

  it('refuses any action on an old version before looking further', () => {
    for (const command of [
      { type: 'accept' },
      { type: 'reopen' },
      { type: 'close', outcome: 'resolved' },
    ] as const) {
      expect(decide(state(), command, people.admin, 2)).toEqual({ ok: false, refusal: 'stale' });
    }
  });

  it('only the complainant answers a question, and only while it is asked', () => {
    const waiting = state({ status: 'awaiting_info', assigneeId: 2 });
    expect(decide(waiting, { type: 'info_received' }, 'resident')).toEqual({
      ok: true,
      next: { status: 'in_progress', unitId: UNIT, assigneeId: 2 },
    });
    expect(
      decide(state({ status: 'in_progress', assigneeId: 2 }), { type: 'info_received' }, 'resident').ok,
    ).toBe(false);
    expect(decide(waiting, { type: 'info_received' }, people.officer).ok).toBe(false);
    expect(decide(waiting, { type: 'update' }, 'resident')).toEqual({ ok: false, refusal: 'no_access' });
  });

  it('reading: corruption cases only for integrity officers and executives', () => {
    const readers = (s: CaseState) => (Object.keys(people) as Who[]).filter((w) => canRead(s, people[w]));
    expect(readers(state({ track: 'corruption' }))).toEqual(['integrity', 'executive']);
    expect(readers(state())).toEqual(['admin', 'officer', 'colleague', 'executive']);
    expect(readers(state({ status: 'accepted', assigneeId: 4 }))).toContain('otherUnit');
  });

  it('has a Thai reason for every refusal in every status', () => {
    const refusals = [
      'stale',
      'no_access',
      'not_handler',
      'already_taken',
      'finished',
      'wrong_status',
      'bad_target',
      'unit_on_corruption',
    ] as const;
    for (const r of refusals) {
      for (const s of complaintStatuses as readonly ComplaintStatus[])
        expect(refusalText(r, s)).toMatch(/[\u0E00-\u0E7F]/);
    }
  });
});

describe('digest times (Bangkok wall clock)', () => {
  const at = (iso: string) => Date.parse(iso);
  it.each([
    ['before the morning slot', '2026-03-02T00:00:00Z', '2026-03-02T01:30:00Z'],
    ['between the slots', '2026-03-02T02:00:00Z', '2026-03-02T06:30:00Z'],
    ['exactly at a slot: the next one', '2026-03-02T06:30:00Z', '2026-03-03T01:30:00Z'],
    ['late evening, after Bangkok midnight', '2026-03-02T18:00:00Z', '2026-03-03T01:30:00Z'],
  ])('%s', (_name, now, expected) => {
    expect(nextDigestAt(at(now), '08:30,13:30')).toBe(at(expected));
  });
  it('ignores malformed times and falls back to 08:30', () => {
    expect(nextDigestAt(at('2026-03-02T00:00:00Z'), '25:00, x')).toBe(at('2026-03-02T01:30:00Z'));
  });
});
