import { describe, expect, it } from 'vitest';
import { type InvolvedRole, involvedRoles } from '../../schema/contracts/complaint-rules';
import { type AudienceAction, audienceActions, mayStaff } from '../../worker/cases/case-audience';
import { type CaseState, decide, type StaffActor } from '../../worker/cases/case-machine';
import { type Involvement, keptOut, noInvolvement } from '../../worker/cases/involvement-policy';
import { state } from './support/case-actors';

// A corruption tip routed, as its categories are, to the integrity unit; another unit is named in tips.
const INTEGRITY_UNIT = 30;
const ENGINEERING = 40;

const staff = {
  admin: { id: 1, roles: ['admin'], unitIds: [] },
  officer: { id: 2, roles: ['officer'], unitIds: [ENGINEERING] },
  integrity: { id: 3, roles: ['integrity'], unitIds: [] },
  integrityOfUnit: { id: 4, roles: ['integrity', 'officer'], unitIds: [INTEGRITY_UNIT] },
  executive: { id: 5, roles: ['executive'], unitIds: [] },
  executiveIntegrity: { id: 6, roles: ['executive', 'integrity'], unitIds: [] },
} satisfies Record<string, StaffActor>;
type Staff = keyof typeof staff;

// Every way a tip can name someone: each role, staff of either unit, and a recusal by `integrity`.
type Named = InvolvedRole | 'none' | 'unit_staff_named' | 'integrity_unit_named' | 'recused';
const involvements: Record<Named, Involvement> = {
  none: noInvolvement,
  ...(Object.fromEntries(involvedRoles.map((role) => [role, { ...noInvolvement, role }])) as Record<
    InvolvedRole,
    Involvement
  >),
  unit_staff_named: { role: 'unit_staff', unitId: ENGINEERING, recusedIds: [] },
  integrity_unit_named: { role: 'unit_staff', unitId: INTEGRITY_UNIT, recusedIds: [] },
  recused: { ...noInvolvement, recusedIds: [staff.integrity.id] },
};

const tip = (involvement: Involvement): CaseState =>
  state({ track: 'corruption', unitId: INTEGRITY_UNIT, involvement });

// Per staff member, the actions allowed: S see, N notify, E escalate_to, A act ('-' where not).
const unchanged: Record<Staff, string> = {
  admin: '----',
  officer: '----',
  integrity: 'SN-A',
  integrityOfUnit: 'SN-A',
  executive: 'S-E-',
  executiveIntegrity: 'SNEA',
};
const executivesOut: Record<Staff, string> = { ...unchanged, executive: '----', executiveIntegrity: '----' };
const expected: Record<Named, Record<Staff, string>> = {
  none: unchanged,
  executive: executivesOut,
  // The clerk too (docs/staff.md): the roster's ผู้บริหาร role cannot tell the นายก from the ปลัด.
  clerk: executivesOut,
  council: unchanged,
  // A unit role without a unit named keeps nobody out: there is no one to tell apart.
  unit_staff: unchanged,
  contractor: unchanged,
  other: unchanged,
  unit_staff_named: unchanged,
  integrity_unit_named: { ...unchanged, integrityOfUnit: '----' },
  recused: { ...unchanged, integrity: '----' },
};

const letters: Record<AudienceAction, string> = { see: 'S', notify: 'N', escalate_to: 'E', act: 'A' };
const rows = (Object.keys(involvements) as Named[]).flatMap((named) =>
  (Object.keys(staff) as Staff[]).flatMap((who) =>
    audienceActions.map((action, i) => {
      const allowed = expected[named][who][i] === letters[action];
      return [named, who, action, allowed] as const;
    }),
  ),
);

describe('involvement policy: involved role × staff role × action', () => {
  it('covers every combination', () => {
    expect(rows).toHaveLength(
      (involvedRoles.length + 4) * Object.keys(staff).length * audienceActions.length,
    );
  });
  it.each(rows)('tip naming %s · %s · %s → %s', (named, who, action, allowed) => {
    expect(mayStaff(tip(involvements[named]), staff[who], action)).toBe(allowed);
  });
});

describe('involvement policy in the state machine', () => {
  it.each([
    ['executive', 'escalation_barred'],
    ['clerk', 'escalation_barred'],
    ['council', 'accepted'],
    ['contractor', 'accepted'],
  ] as const)('escalating a tip about the %s: %s', (role, outcome) => {
    const owned = state({
      track: 'corruption',
      status: 'accepted',
      assigneeId: staff.integrity.id,
      involvement: { ...noInvolvement, role },
    });
    const decision = decide(owned, { type: 'escalate' }, staff.integrity);
    expect(decision.ok ? decision.next.status : decision.refusal).toBe(outcome);
  });

  it('an owner whose unit is named loses the case; it cannot be assigned to someone kept out', () => {
    const named = { role: 'unit_staff', unitId: INTEGRITY_UNIT, recusedIds: [] } as const;
    const owned = state({ track: 'corruption', status: 'accepted', assigneeId: 4, involvement: named });
    expect(decide(owned, { type: 'update' }, staff.integrityOfUnit)).toEqual({
      ok: false,
      refusal: 'no_access',
    });
    const toKeptOut = { type: 'assign_staff', target: staff.integrityOfUnit } as const;
    expect(decide(owned, toKeptOut, staff.integrity)).toEqual({ ok: false, refusal: 'bad_target' });
  });

  it('says why someone is kept out', () => {
    expect(keptOut(involvements.executive, staff.executive)).toBe('executive_involved');
    expect(keptOut(involvements.integrity_unit_named, staff.integrityOfUnit)).toBe('unit_involved');
    expect(keptOut(involvements.recused, staff.integrity)).toBe('recused');
    expect(keptOut(involvements.council, staff.executive)).toBeNull();
  });
});
