import type { InvolvedRole } from '../../schema/contracts/complaint-rules';
import type { StaffRole } from '../../schema/contracts/staff';

/**
 * Who must not see a corruption tip because of who it is about, or because they declared a conflict.
 * Pure; the one place the rule lives: canRead/isHandler (case-machine.ts), the list's SQL
 * (case-list-data.ts), new-case notices, escalations, relays and reminders all ask it. The roles and
 * the reasons are in docs/staff.md ("Who is involved").
 */

/** What a case says about who is involved, and who stepped aside. Grievances: nobody, no one recused. */
export interface Involvement {
  role: InvolvedRole | null;
  /** The unit whose staff are involved (role `unit_staff`); null when not named. */
  unitId: number | null;
  /** Staff who declared a conflict of interest on the case (case_recusals). */
  recusedIds: readonly number[];
}

/** A staff member as the policy needs them (structurally the state machine's StaffActor). */
export interface PolicyActor {
  id: number;
  roles: readonly StaffRole[];
  unitIds: readonly number[];
}

/** Why a staff member is kept out of a case. */
export type Exclusion = 'executive_involved' | 'unit_involved' | 'recused';

export const noInvolvement: Involvement = { role: null, unitId: null, recusedIds: [] };

/**
 * The tips that keep every executive out. `clerk` too: the roster has one ผู้บริหาร role, which a ปลัด
 * who receives escalations and reports holds as well as the นายก, and nothing tells them apart, so a tip
 * about the ปลัด shown to "the executives" would reach the ปลัด (docs/staff.md explains the choice).
 */
export const executiveBarred: readonly InvolvedRole[] = ['executive', 'clerk'];

/** Why this staff member may not see, be told of, be escalated to or act on the case; null when they may. */
export function keptOut(involvement: Involvement, actor: PolicyActor): Exclusion | null {
  if (involvement.recusedIds.includes(actor.id)) return 'recused';
  if (
    involvement.role !== null &&
    executiveBarred.includes(involvement.role) &&
    actor.roles.includes('executive')
  )
    return 'executive_involved';
  if (
    involvement.role === 'unit_staff' &&
    involvement.unitId !== null &&
    actor.unitIds.includes(involvement.unitId)
  )
    return 'unit_involved';
  return null;
}

/**
 * Escalation to the executives is refused outright when the tip is about the executive or the clerk:
 * the case goes to the bodies that oversee local executives instead (the forward choices offer the
 * district chief and the governor first).
 */
export function escalationBarred(involvement: Pick<Involvement, 'role'>): boolean {
  return involvement.role !== null && executiveBarred.includes(involvement.role);
}

/**
 * The same rule as keptOut, as a SQL condition on a complaint `c` for one staff member (true when they
 * are not kept out), with its parameters.
 */
export function notKeptOutSql(actor: PolicyActor): { sql: string; params: number[] } {
  const parts = ['not exists (select 1 from case_recusals r where r.complaint_id = c.id and r.staff_id = ?)'];
  const params = [actor.id];
  if (actor.roles.includes('executive'))
    parts.push(`coalesce(c.involved_role, '') not in (${executiveBarred.map((r) => `'${r}'`).join(', ')})`);
  if (actor.unitIds.length > 0) {
    parts.push(
      `(c.involved_unit_id is null or c.involved_unit_id not in (${actor.unitIds.map(() => '?').join(',')}))`,
    );
    params.push(...actor.unitIds);
  }
  return { sql: `(${parts.join(' and ')})`, params };
}
