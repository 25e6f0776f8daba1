import { BANGKOK_OFFSET_MS } from '../../lib/thai-date';
import { reportCard } from './report-card';
import { afterReminderTime } from './reminder-plan';
import type { ScheduledDeps } from './reminders';
import { caseReport } from './report-data';
import { previousMonthKey } from './report-period';
import { claimRun, finishPeriod, periodDone, settleRun } from './scheduled-runs';
import { staffWithRole } from '../staff/staff-data';
import { pushToStaff } from './staff-push';

const BATCH = 20;

/**
 * Last month's summary report to every organisation's executives, once, from the first cron tick after
 * 08:30 on the 1st (or a later tick in the month's first week, if the cron was down). One push per executive; an
 * organisation without a single case open, filed or closed gets nothing (nothing to read, nothing billed).
 */
export async function sendMonthlyReports(deps: ScheduledDeps): Promise<void> {
  const { db, now } = deps;
  // Office hours of the month's first week: a report arriving on the 23rd would only confuse.
  if (new Date(now + BANGKOK_OFFSET_MS).getUTCDate() > 7 || !afterReminderTime(now)) return;
  const month = previousMonthKey(now);
  if (await periodDone(db, 'monthly_report', month)) return;
  const { results: orgs } = await db.$client
    .prepare(
      `select distinct s.org_id from staff_roles r join staff_members s on s.id = r.staff_id
       where r.role = 'executive' and s.status = 'active'
       and not exists (select 1 from scheduled_runs x where x.job = 'monthly_report' and x.period = ? and x.org_id = s.org_id)
       limit ?`,
    )
    .bind(month, BATCH)
    .all<{ org_id: number }>();
  for (const { org_id: orgId } of orgs) {
    if (!(await claimRun(db, 'monthly_report', month, orgId, now))) continue;
    try {
      const recipients = await reportToExecutives(deps, orgId);
      await settleRun(db, { job: 'monthly_report', period: month, orgId, recipients, retry: false });
    } catch (error) {
      console.error('monthly report failed', { orgId, error: String(error) });
      // Tried again on later ticks during the first two days of the month, then given up.
      const retry = new Date(now + BANGKOK_OFFSET_MS).getUTCDate() <= 2;
      await settleRun(db, { job: 'monthly_report', period: month, orgId, recipients: null, retry });
    }
  }
  // Keep a year of months: the table stays tiny.
  const keepFrom = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
  if (orgs.length < BATCH) await finishPeriod(db, 'monthly_report', month, keepFrom, now);
}

async function reportToExecutives(deps: ScheduledDeps, orgId: number): Promise<number> {
  const report = await caseReport(deps.db, orgId, 'last_month', deps.now);
  const activity =
    report.received.grievance + report.received.corruption + report.closed.total + report.open.total;
  if (activity === 0) return 0;
  const target = await deps.lineFor(orgId);
  if (!target) return 0;
  const executives = (await staffWithRole(deps.db, orgId, 'executive')).map((s) => s.id);
  const links = { env: deps.env, orgSlug: target.org.slug, liff: target.liff };
  const card = reportCard(report, links, 'รายงานประจำเดือน');
  return pushToStaff(
    { ...deps, line: target.line },
    orgId,
    executives,
    [card],
    `report:${orgId}:${report.period.from}`,
  );
}
