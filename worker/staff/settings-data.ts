import { type ComplaintTrack, retentionDefaults } from '../../schema/contracts/complaint-rules';
import type { NotifyPolicy, ReminderPolicy } from '../../schema/contracts/staff';
import { checkinDefaults } from '../../schema/contracts/complaint-rules';
import type { staffSettings } from '../../schema/tables/staff';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';
import { nextDigestAt } from '../notices/digest-time';

type Setting =
  | { column: 'notify_policy'; value: NotifyPolicy }
  | { column: 'reminder_policy'; value: ReminderPolicy }
  | { column: 'digest_times'; value: string }
  // A number as text: the event's states are text, and the integer column takes it as a number.
  | { column: 'retention_days_grievance' | 'retention_days_corruption' | 'checkin_days'; value: string };

const defaults: Record<Setting['column'], string> = {
  notify_policy: 'group',
  reminder_policy: 'daily',
  digest_times: '08:30,13:30',
  retention_days_grievance: String(retentionDefaults.grievance),
  retention_days_corruption: String(retentionDefaults.corruption),
  checkin_days: String(checkinDefaults.days),
};

// The change and its event (from the old value, or the default), for one batch.
function settingStatements(db: Db, args: { orgId: number; by: number; now: number } & Setting) {
  const c = db.$client;
  const { column } = args;
  return [
    c
      .prepare(
        `insert into events (org_id, entity, entity_id, action, actor, from_state, to_state, created_at)
         values (?, 'staff_settings', ?, ?, ?,
           coalesce((select ${column} from staff_settings where org_id = ?), ?), ?, ?)`,
      )
      .bind(
        args.orgId,
        String(args.orgId),
        column,
        `staff:${args.by}`,
        args.orgId,
        defaults[column],
        args.value,
        args.now,
      ),
    c
      .prepare(
        `insert into staff_settings (org_id, ${column}, updated_at) values (?, ?, ?)
         on conflict (org_id) do update set ${column} = excluded.${column}, updated_at = excluded.updated_at`,
      )
      .bind(args.orgId, args.value, args.now),
  ];
}

/** Sets how new grievances are announced, with its event. */
export async function setNotifyPolicy(
  db: Db,
  args: { orgId: number; policy: NotifyPolicy; by: number; now: number },
): Promise<void> {
  await db.$client.batch(settingStatements(db, { ...args, column: 'notify_policy', value: args.policy }));
}

/** Sets how often staff are reminded of late cases, with its event. */
export async function setReminderPolicy(
  db: Db,
  args: { orgId: number; policy: ReminderPolicy; by: number; now: number },
): Promise<void> {
  await db.$client.batch(settingStatements(db, { ...args, column: 'reminder_policy', value: args.policy }));
}

/**
 * Sets the Bangkok times of the digest ("08:30,13:30": valid, unique, sorted by the caller), with its
 * event. Grievances already waiting for a digest are rescheduled to the next of the new times, so a
 * removed time does not still send one.
 */
export async function setDigestTimes(
  db: Db,
  args: { orgId: number; times: string[]; by: number; now: number },
): Promise<void> {
  const times = args.times.join(',');
  const c = db.$client;
  await c.batch([
    ...settingStatements(db, { ...args, column: 'digest_times', value: times }),
    // attempts = 0: scheduled for a digest and not yet tried (a failed send keeps its own back-off).
    c
      .prepare(
        `update staff_notices set next_attempt_at = ?
         where org_id = ? and status = 'pending' and route = 'digest' and attempts = 0`,
      )
      .bind(nextDigestAt(args.now, times), args.orgId),
  ]);
}

/**
 * Sets how many days after a case is finished its personal data is erased, per track, with an event
 * each. Cases already finished keep the date set when they finished (worker/cases/retention-policy.ts).
 */
export async function setRetention(
  db: Db,
  args: { orgId: number; days: Partial<Record<ComplaintTrack, number>>; by: number; now: number },
): Promise<void> {
  const statements = (['grievance', 'corruption'] as const).flatMap((track) => {
    const value = args.days[track];
    return value === undefined
      ? []
      : settingStatements(db, { ...args, column: `retention_days_${track}`, value: String(value) });
  });
  if (statements.length > 0) await db.$client.batch(statements);
}

/** Sets how many days after a tip is finished its reporter is checked on (0: never), with its event. */
export async function setCheckinDays(db: Db, args: { orgId: number; days: number; by: number; now: number }) {
  await db.$client.batch(
    settingStatements(db, { ...args, column: 'checkin_days', value: String(args.days) }),
  );
}

/** The organisation's staff settings (defaults when never set). */
export async function getStaffSettings(db: Db, orgId: number) {
  const row = await db.$client
    .prepare(
      `select desk_chat_id, notify_policy, digest_times, reminder_policy, retention_days_grievance,
         retention_days_corruption, checkin_days from staff_settings where org_id = ?`,
    )
    .bind(orgId)
    .first<
      Pick<
        SqlRow<typeof staffSettings>,
        | 'desk_chat_id'
        | 'notify_policy'
        | 'digest_times'
        | 'reminder_policy'
        | 'retention_days_grievance'
        | 'retention_days_corruption'
        | 'checkin_days'
      >
    >();
  return {
    deskChatId: row?.desk_chat_id ?? null,
    policy: row?.notify_policy ?? (defaults.notify_policy as NotifyPolicy),
    digestTimes: row?.digest_times ?? defaults.digest_times,
    reminderPolicy: row?.reminder_policy ?? (defaults.reminder_policy as ReminderPolicy),
    retention: {
      grievance: row?.retention_days_grievance ?? retentionDefaults.grievance,
      corruption: row?.retention_days_corruption ?? retentionDefaults.corruption,
    },
    checkinDays: row?.checkin_days ?? checkinDefaults.days,
  };
}
