import { bangkokDate, BANGKOK_OFFSET_MS } from '../../lib/thai-date';
import type { ComplaintStatus } from '../../schema/contracts/complaint-rules';
import { finalStatuses } from '../../schema/contracts/staff';
import { complainantMessage } from '../cases/complainant-messages';
import { closedDates, nextProgressDate } from '../calendar/deadlines';
import { isWorkingDay } from '../calendar/working-days';
import type { Db } from '../db/client';
import { afterReminderTime } from './reminder-plan';

/**
 * The progress notice every 15 working days while a case is open (domain brief: the complainant hears
 * how it stands until it is closed). From 08:30 on a working day, the cron takes the open cases whose
 * `progress_due_on` has come and writes each one's notice into the complainant-notice outbox, advancing
 * the date in the same batch. Exactly once per period: the notice's source key names the period and the
 * date only moves from the value read, so two runs at once write one notice. Pushed from noon (the
 * outbox's next attempt): a complainant who writes to the bot before then gets it free in the reply.
 * A case closed meanwhile has its waiting notice skipped (case-actions.ts).
 */

/** Cases per cron tick: three statements each keeps a tick well inside D1's 50 queries. */
const PER_TICK = 10;
const FINAL = finalStatuses.map((s) => `'${s}'`).join(',');
const DAY_MS = 86_400_000;

interface DueCase {
  id: number;
  org_id: number;
  org_name: string;
  code: string;
  status: ComplaintStatus;
  progress_due_on: string;
}

/** Noon (Bangkok) of `now`'s day, or `now` when later: when a progress notice may be pushed. */
export function pushFrom(now: number): number {
  const local = now + BANGKOK_OFFSET_MS;
  const noon = local - (local % DAY_MS) + 12 * 3_600_000 - BANGKOK_OFFSET_MS;
  return Math.max(now, noon);
}

/** Writes the due progress notices of one tick; returns how many cases it served. */
export async function enqueueProgressNotices(db: Db, now: number): Promise<number> {
  if (!afterReminderTime(now)) return 0;
  const today = bangkokDate(now);
  const window = { from: today, to: bangkokDate(now + 120 * DAY_MS) };
  const { results: days } = await db.$client
    .prepare('select date, org_id from holidays where date between ? and ?')
    .bind(window.from, window.to)
    .all<{ date: string; org_id: number | null }>();
  const rows = days.map((d) => ({ date: d.date, orgId: d.org_id }));
  // National days decide whether today is a working day at all (as for the overdue reminders).
  if (!isWorkingDay(today, closedDates(rows, 0))) return 0;
  const { results } = await db.$client
    .prepare(
      `select c.id, c.org_id, o.name as org_name, c.code, c.status, c.progress_due_on
       from complaints c join organizations o on o.id = c.org_id
       where c.status not in (${FINAL}) and c.progress_due_on <= ? order by c.progress_due_on limit ?`,
    )
    .bind(today, PER_TICK)
    .all<DueCase>();
  const c = db.$client;
  const statements = results.flatMap((row) => {
    const nextOn = nextProgressDate(row.progress_due_on, today, closedDates(rows, row.org_id));
    const message = complainantMessage(row.org_name, row.code, {
      kind: 'progress',
      status: row.status,
      nextOn,
    });
    return [
      c
        .prepare(
          `insert into complainant_notices (org_id, complaint_id, kind, message, source_key, next_attempt_at,
             created_at) values (?, ?, 'progress', ?, ?, ?, ?) on conflict (org_id, source_key) do nothing`,
        )
        .bind(
          row.org_id,
          row.id,
          JSON.stringify(message),
          `progress:${row.id}:${row.progress_due_on}`,
          pushFrom(now),
          now,
        ),
      c
        .prepare(
          `update complaints set progress_due_on = ? where id = ? and progress_due_on = ?
             and status not in (${FINAL})`,
        )
        .bind(nextOn, row.id, row.progress_due_on),
    ];
  });
  if (statements.length > 0) await c.batch(statements);
  return results.length;
}
