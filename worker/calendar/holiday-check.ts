import { BANGKOK_OFFSET_MS } from '../../lib/thai-date';
import type { ScheduledDeps } from '../notices/reminders';
import { afterReminderTime } from '../notices/reminder-plan';
import { claimRun, finishPeriod, periodDone, settleRun } from '../notices/scheduled-runs';
import { pushToStaff } from '../notices/staff-push';
import { staffWithRole } from '../staff/staff-data';

const BATCH = 20;

/** The warning an organisation's admins read (Thai, Buddhist Era year). */
export function missingCalendarText(yearCe: number): string {
  const be = yearCe + 543;
  return [
    `ยังไม่มีปฏิทินวันหยุดราชการปี ${be} ในระบบ`,
    `กำหนดเวลาตอบเรื่องร้องเรียนที่ครบกำหนดในปี ${be} จะนับเพียงเสาร์–อาทิตย์เป็นวันหยุด จึงอาจเร็วกว่าที่ควร`,
    'กรุณาแจ้งผู้ดูแลระบบให้บรรจุวันหยุดของปีหน้า (คำสั่ง tools/holidays-load.ts)',
  ].join('\n');
}

/**
 * From 1 November, once a day's office hours have begun: when the coming calendar year has no national
 * holidays loaded, each organisation's admins are told, once per organisation per year (claimed in
 * scheduled_runs under the job 'holiday_calendar' and the coming year). Deadlines of complaints filed in
 * December already reach into January, hence November. Nothing is sent once the year is loaded.
 */
export async function warnMissingHolidays(deps: ScheduledDeps): Promise<void> {
  const { db, now } = deps;
  const local = new Date(now + BANGKOK_OFFSET_MS);
  if (local.getUTCMonth() < 10 || !afterReminderTime(now)) return;
  const year = local.getUTCFullYear() + 1;
  const period = String(year);
  if (await periodDone(db, 'holiday_calendar', period)) return;
  const loaded = await db.$client
    .prepare('select 1 as found from holidays where org_id is null and date between ? and ? limit 1')
    .bind(`${year}-01-01`, `${year}-12-31`)
    .first();
  if (loaded) {
    await finishPeriod(db, 'holiday_calendar', period, String(year - 1), now);
    return;
  }
  const { results: orgs } = await db.$client
    .prepare(
      `select distinct s.org_id from staff_roles r join staff_members s on s.id = r.staff_id
       where r.role = 'admin' and s.status = 'active'
       and not exists (select 1 from scheduled_runs x where x.job = 'holiday_calendar' and x.period = ? and x.org_id = s.org_id)
       limit ?`,
    )
    .bind(period, BATCH)
    .all<{ org_id: number }>();
  for (const { org_id: orgId } of orgs) {
    if (!(await claimRun(db, 'holiday_calendar', period, orgId, now))) continue;
    try {
      const target = await deps.lineFor(orgId);
      const admins = (await staffWithRole(db, orgId, 'admin')).map((s) => s.id);
      const recipients = target
        ? await pushToStaff(
            { ...deps, line: target.line },
            orgId,
            admins,
            [{ type: 'text', text: missingCalendarText(year) }],
            `holidays:${orgId}:${year}`,
          )
        : 0;
      await settleRun(db, { job: 'holiday_calendar', period, orgId, recipients, retry: false });
    } catch (error) {
      console.error('holiday calendar warning failed', { orgId, error: String(error) });
      // Tried again on later ticks in November; a warning in December would still be in time, but rarely.
      await settleRun(db, {
        job: 'holiday_calendar',
        period,
        orgId,
        recipients: null,
        retry: local.getUTCMonth() === 10,
      });
    }
  }
  // Not finished while the year is missing: an admin added later still hears of it on a later tick.
}
