import type { Db } from '../db/client';
import { guardedEvent, runSetupBatch } from './setup-batch';
import type { SetupResult } from './setup-refusals';
import { getStaff, listUnits, type StaffMember } from './staff-data';

/**
 * Replaces the units of an active officer (the grievances routed to those units become theirs), with
 * its event. Integrity units are refused: corruption reports belong to the integrity role, not to a
 * unit's officers.
 */
export async function setOfficerUnits(
  db: Db,
  args: { orgId: number; staffId: number; unitIds: number[]; by: number; now: number },
): Promise<SetupResult<StaffMember>> {
  const member = await getStaff(db, args.orgId, args.staffId);
  if (!member?.active) return { ok: false, problem: 'member_not_found' };
  if (!member.roles.includes('officer')) return { ok: false, problem: 'not_officer' };
  const units = await listUnits(db, args.orgId);
  for (const id of args.unitIds) {
    const unit = units.find((u) => u.id === id);
    if (!unit) return { ok: false, problem: 'unit_not_found' };
    if (unit.handlesIntegrity) return { ok: false, problem: 'integrity_unit_for_officer' };
  }
  const before = [...member.unitIds].sort((a, b) => a - b);
  const after = [...args.unitIds].sort((a, b) => a - b);
  if (before.join(',') === after.join(',')) return { ok: true, value: member };

  const c = db.$client;
  const ids = after.map(() => '?').join(',');
  const outcome = await runSetupBatch(c, [
    guardedEvent(
      c,
      {
        orgId: args.orgId,
        entity: 'staff_member',
        action: 'units_set',
        by: args.by,
        from: JSON.stringify(before),
        to: JSON.stringify(after),
        now: args.now,
      },
      {
        sql: `select cast(s.id as text) from staff_members s where s.id = ? and s.org_id = ? and s.status = 'active'
              and exists (select 1 from staff_roles r where r.staff_id = s.id and r.role = 'officer')
              ${after.length ? `and (select count(*) from units where org_id = s.org_id and handles_integrity = 0 and id in (${ids})) = ?` : ''}`,
        params: [args.staffId, args.orgId, ...(after.length ? [...after, after.length] : [])],
      },
    ),
    c.prepare('delete from staff_units where staff_id = ?').bind(args.staffId),
    ...after.map((unitId) =>
      c.prepare('insert into staff_units (staff_id, unit_id) values (?, ?)').bind(args.staffId, unitId),
    ),
  ]);
  if (outcome !== 'done') return { ok: false, problem: 'changed_meanwhile' };
  return { ok: true, value: (await getStaff(db, args.orgId, args.staffId))! };
}
