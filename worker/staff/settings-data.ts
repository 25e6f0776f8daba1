import type { NotifyPolicy } from '../../schema/staff';
import type { Db } from '../db/client';

/** Sets how new grievances are announced, with its event. */
export async function setNotifyPolicy(
  db: Db,
  args: { orgId: number; policy: NotifyPolicy; by: number; now: number },
): Promise<void> {
  const c = db.$client;
  await c.batch([
    c
      .prepare(
        `insert into events (org_id, entity, entity_id, action, actor, from_state, to_state, created_at)
         values (?, 'staff_settings', ?, 'notify_policy', ?,
           coalesce((select notify_policy from staff_settings where org_id = ?), 'group'), ?, ?)`,
      )
      .bind(args.orgId, String(args.orgId), `staff:${args.by}`, args.orgId, args.policy, args.now),
    c
      .prepare(
        `insert into staff_settings (org_id, notify_policy, updated_at) values (?, ?, ?)
         on conflict (org_id) do update set notify_policy = excluded.notify_policy, updated_at = excluded.updated_at`,
      )
      .bind(args.orgId, args.policy, args.now),
  ]);
}

/** The organisation's staff settings (defaults when never set). */
export async function getStaffSettings(db: Db, orgId: number) {
  const row = await db.$client
    .prepare('select desk_chat_id, notify_policy, digest_times from staff_settings where org_id = ?')
    .bind(orgId)
    .first<{ desk_chat_id: string | null; notify_policy: NotifyPolicy; digest_times: string }>();
  return {
    deskChatId: row?.desk_chat_id ?? null,
    policy: row?.notify_policy ?? ('group' as NotifyPolicy),
    digestTimes: row?.digest_times ?? '08:30,13:30',
  };
}
