import type { Db } from '../db/client';

/**
 * Removes a staff member: status, roles, units and pending prompts go in one batch, so the next
 * request or button of theirs is refused. Cases they own stay theirs until reassigned (an admin or
 * integrity officer can). False when they were not active staff of this organisation.
 */
export async function removeStaff(
  db: Db,
  args: { orgId: number; staffId: number; by: number | null; now: number },
): Promise<boolean> {
  const c = db.$client;
  const active = `exists (select 1 from staff_members where id = ? and org_id = ? and status = 'active')`;
  const results = await c.batch([
    c
      .prepare(
        `insert into events (org_id, entity, entity_id, action, actor, from_state, to_state, created_at)
         select ?, 'staff_member', ?, 'removed', ?, 'active', 'removed', ? where ${active}`,
      )
      .bind(
        args.orgId,
        String(args.staffId),
        args.by ? `staff:${args.by}` : 'operator',
        args.now,
        args.staffId,
        args.orgId,
      ),
    c
      .prepare(
        `update staff_members set status = 'removed', updated_at = ? where id = ? and org_id = ? and status = 'active'`,
      )
      .bind(args.now, args.staffId, args.orgId),
    c
      .prepare(
        'delete from staff_roles where staff_id = ? and staff_id in (select id from staff_members where org_id = ?)',
      )
      .bind(args.staffId, args.orgId),
    c
      .prepare(
        'delete from staff_units where staff_id = ? and staff_id in (select id from staff_members where org_id = ?)',
      )
      .bind(args.staffId, args.orgId),
    c.prepare('delete from staff_prompts where staff_id = ? and org_id = ?').bind(args.staffId, args.orgId),
  ]);
  return results[1]!.meta.changes === 1;
}
