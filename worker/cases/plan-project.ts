import type { PlanProjectRef } from '../../schema/contracts/staff-api';
import type { Db } from '../db/client';
import type { StaffMember } from '../staff/staff-data';
import { canRead } from './case-machine';
import { type CaseRecord, getCase } from './cases-data';

export type PlanProjectResult =
  | { ok: true; case: CaseRecord; changed: boolean }
  | { ok: false; reason: 'no_access' | 'not_integrity' | 'no_project'; text: string };

/** A project of one of the organisation's active plans, by its public ref; null when there is none. */
export async function findPlanProject(
  db: Db,
  orgId: number,
  plan: string,
  sequence: number,
): Promise<PlanProjectRef | null> {
  const row = await db.$client
    .prepare(
      `select pp.number, pp.name from plans p join plan_projects pp on pp.plan_id = p.id
       where p.org_id = ? and p.plan_key = ? and p.status = 'active' and pp.sequence = ?`,
    )
    .bind(orgId, plan, sequence)
    .first<{ number: string; name: string }>();
  return row ? { plan, sequence, number: row.number, name: row.name } : null;
}

/** The case's plan project as staff see it; the name is null when the active plan no longer has it. */
export async function planProjectOf(db: Db, c: CaseRecord): Promise<PlanProjectRef | null> {
  if (c.planKey === null || c.planProjectSeq === null) return null;
  return (
    (await findPlanProject(db, c.orgId, c.planKey, c.planProjectSeq)) ?? {
      plan: c.planKey,
      sequence: c.planProjectSeq,
      number: null,
      name: null,
    }
  );
}

/** How an event note names a project (or none): the plan, the project's sequence, number and name. */
function noteOf(p: PlanProjectRef | null): string {
  if (!p) return 'ไม่ระบุ';
  const named = p.name ? ` (${[p.number, p.name].filter(Boolean).join(' ')})` : '';
  return `แผน ${p.plan} โครงการลำดับที่ ${p.sequence}${named}`;
}

/**
 * An integrity officer who may see a corruption case sets the plan project it concerns, or clears it
 * (`to` null). Stored on the case as the plan's key and the project's sequence; one batch writes it and
 * an event `plan_project_set` (who, when, from → to in the note) and bumps the version. Setting the same
 * project again writes nothing.
 */
export async function setPlanProject(
  db: Db,
  actor: StaffMember,
  c: CaseRecord,
  to: { plan: string; sequence: number } | null,
  now: number,
): Promise<PlanProjectResult> {
  if (!canRead(c, actor)) return { ok: false, reason: 'no_access', text: 'ไม่พบเรื่องนี้' };
  if (c.track !== 'corruption' || !actor.roles.includes('integrity'))
    return {
      ok: false,
      reason: 'not_integrity',
      text: 'การระบุโครงการตามแผนใช้กับเรื่องร้องเรียนการทุจริต โดยเจ้าหน้าที่ป้องกันการทุจริตเท่านั้น',
    };
  const project = to ? await findPlanProject(db, c.orgId, to.plan, to.sequence) : null;
  if (to && !project)
    return { ok: false, reason: 'no_project', text: 'ไม่พบโครงการนี้ในแผนป้องกันการทุจริตของหน่วยงาน' };
  if (c.planKey === (to?.plan ?? null) && c.planProjectSeq === (to?.sequence ?? null))
    return { ok: true, case: c, changed: false };
  const from = await planProjectOf(db, c);
  const client = db.$client;
  await client.batch([
    client
      .prepare(
        `update complaints set plan_key = ?, plan_project_seq = ?, version = version + 1, updated_at = ?
         where id = ? and org_id = ?`,
      )
      .bind(to?.plan ?? null, to?.sequence ?? null, now, c.id, c.orgId),
    client
      .prepare(
        `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, from_status, to_status, note)
         values (?, ?, ?, 'staff', ?, 'plan_project_set', ?, ?, ?)`,
      )
      .bind(c.id, c.orgId, now, String(actor.id), c.status, c.status, `${noteOf(from)} → ${noteOf(project)}`),
  ]);
  return { ok: true, case: (await getCase(db, c.orgId, c.id)) ?? c, changed: true };
}
