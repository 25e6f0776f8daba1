import type { Db } from '../db/client';

/**
 * Claims of the cron's once-a-period jobs (overdue reminders per day, reports per month): one row per
 * job, period and organisation, inserted before sending so that the every-minute cron sends each once;
 * `org_id` 0 marks a period finished for every organisation, so later ticks read one row and stop.
 */
export type Job = 'overdue' | 'monthly_report' | 'holiday_calendar';

/** True when the job has finished `period` for every organisation. */
export async function periodDone(db: Db, job: Job, period: string): Promise<boolean> {
  const row = await db.$client
    .prepare('select 1 as done from scheduled_runs where job = ? and period = ? and org_id = 0')
    .bind(job, period)
    .first();
  return row !== null;
}

/** Claims one organisation's run; false when another tick (or isolate) already has it. */
export async function claimRun(
  db: Db,
  job: Job,
  period: string,
  orgId: number,
  now: number,
): Promise<boolean> {
  const result = await db.$client
    .prepare(
      'insert into scheduled_runs (job, period, org_id, at) values (?, ?, ?, ?) on conflict do nothing',
    )
    .bind(job, period, orgId, now)
    .run();
  return result.meta.changes === 1;
}

/** Records how many people a run reached; a failed run early in the day is released to be tried again. */
export async function settleRun(
  db: Db,
  args: { job: Job; period: string; orgId: number; recipients: number | null; retry: boolean },
): Promise<void> {
  const c = db.$client;
  if (args.retry) {
    await c
      .prepare('delete from scheduled_runs where job = ? and period = ? and org_id = ?')
      .bind(args.job, args.period, args.orgId)
      .run();
    return;
  }
  await c
    .prepare('update scheduled_runs set recipients = ? where job = ? and period = ? and org_id = ?')
    .bind(args.recipients, args.job, args.period, args.orgId)
    .run();
}

/** Marks the period finished for every organisation and forgets periods older than `keepFrom`. */
export async function finishPeriod(db: Db, job: Job, period: string, keepFrom: string, now: number) {
  const c = db.$client;
  await c.batch([
    c
      .prepare(
        'insert into scheduled_runs (job, period, org_id, at) values (?, ?, 0, ?) on conflict do nothing',
      )
      .bind(job, period, now),
    c.prepare('delete from scheduled_runs where job = ? and period < ?').bind(job, keepFrom),
  ]);
}
