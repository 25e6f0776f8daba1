import { finalStatuses } from '../../schema/contracts/staff';
import { BANGKOK_OFFSET_MS, formatThaiDate } from '../../lib/thai-date';
import type { CardLinks } from '../cases/cards/case-card';
import { caseListCard } from '../cases/cards/case-list-card';
import type { Db } from '../db/client';
import { LATE_SQL, lateness } from '../cases/lateness';
import type { NoticeDeps } from './new-case-notices';
import { audienceToday, groupByHandler, type LateCase, reminderDay } from './reminder-plan';
import { claimRun, finishPeriod, periodDone, settleRun } from './scheduled-runs';
import { getStaffSettings } from '../staff/settings-data';
import { staffWithRole } from '../staff/staff-data';
import { canRead } from '../cases/case-machine';
import type { InvolvedRole } from '../../schema/contracts/complaint-rules';
import { pushToStaff } from './staff-push';

/** What the calendar jobs need: the same as the new-case notices. */
export type ScheduledDeps = NoticeDeps;

/** Organisations handled per cron tick: keeps one tick's CPU and subrequests bounded. */
const BATCH = 20;
/** The most late cases read per organisation (a card shows ten; the LIFF list has them all). */
const MAX_CASES = 200;
const FINAL = finalStatuses.map((s) => `'${s}'`).join(',');
/**
 * Organisations with late cases not yet reminded today. Each half reads a partial index of open cases by
 * due date (complaints_open_result_due, complaints_received_ack_due), so a tick reads the late cases of
 * every organisation, never the finished ones, however large the table grows.
 */
export const LATE_ORGS_SQL = `select distinct l.org_id from (
    select org_id from complaints where status not in (${FINAL}) and result_due_on < ?
    union all
    select org_id from complaints where status = 'received' and acknowledge_due_on < ?
    union all
    select org_id from complaints where status = 'received' and unit_id is null and forward_due_on < ?
  ) l
  where not exists (select 1 from scheduled_runs r where r.job = 'overdue' and r.period = ? and r.org_id = l.org_id)
  limit ?`;

/**
 * The working day's overdue reminders, from the every-minute cron: after 08:30 on a working day, each
 * organisation with late cases is claimed once for the day, its handlers get one list each and, once a
 * week, its executives get the whole list (the escalation of what stays late). Billable: one push per
 * person reminded.
 */
export async function sendOverdueReminders(deps: ScheduledDeps): Promise<void> {
  const { db, now } = deps;
  const week = weekDates(now);
  const { results } = await db.$client
    // National days decide the shared run; an organisation's own days off are checked in remindOrg.
    .prepare(`select date from holidays where date between ? and ? and org_id is null`)
    .bind(week[0], week.at(-1))
    .all<{ date: string }>();
  const holidays = new Set(results.map((r) => r.date));
  const today = reminderDay(now, holidays);
  if (!today || (await periodDone(db, 'overdue', today))) return;

  const { results: orgs } = await db.$client
    .prepare(LATE_ORGS_SQL)
    .bind(today, today, today, today, BATCH)
    .all<{ org_id: number }>();
  for (const { org_id: orgId } of orgs) {
    if (!(await claimRun(db, 'overdue', today, orgId, now))) continue;
    try {
      const recipients = await remindOrg(deps, orgId, today, holidays);
      await settleRun(db, { job: 'overdue', period: today, orgId, recipients, retry: false });
    } catch (error) {
      console.error('overdue reminders failed', { orgId, error: String(error) });
      // Tried again on a later tick, but not all day long: after noon the day's reminder is given up.
      const retry = new Date(now + BANGKOK_OFFSET_MS).getUTCHours() < 12;
      await settleRun(db, { job: 'overdue', period: today, orgId, recipients: null, retry });
    }
  }
  if (orgs.length < BATCH) await finishPeriod(db, 'overdue', today, week[0]!, now);
}

// Monday to Sunday of the Bangkok week holding `now` (ISO dates).
function weekDates(now: number): string[] {
  const local = new Date(now + BANGKOK_OFFSET_MS);
  const monday =
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) -
    ((local.getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86_400_000).toISOString().slice(0, 10));
}

async function remindOrg(deps: ScheduledDeps, orgId: number, today: string, holidays: Set<string>) {
  const { db } = deps;
  // The organisation's own day off (docs/calendar.md): nobody is at the office to act on a reminder.
  const closed = await db.$client
    .prepare('select 1 as closed from holidays where org_id = ? and date = ?')
    .bind(orgId, today)
    .first();
  if (closed) return 0;
  const { reminderPolicy } = await getStaffSettings(db, orgId);
  const audience = audienceToday(reminderPolicy, today, holidays);
  if (!audience.handlers && !audience.executives) return 0;
  const target = await deps.lineFor(orgId);
  if (!target) return 0;
  const late = await lateCases(db, orgId, today);
  const links: CardLinks = { env: deps.env, orgSlug: target.org.slug, liff: target.liff };
  const card = (list: LateCase[]) =>
    caseListCard(list, links, deps.now, {
      title: `เรื่องเกินกำหนด ${list.length} เรื่อง`,
      detail: (c) => `${c.categoryName} · ${lateText(c, today)}`,
      listQuery: { overdue: '1', sort: 'urgent' },
      footer: 'ดูเรื่องเกินกำหนดทั้งหมด',
    });
  let sent = 0;
  if (audience.handlers) {
    const [integrity, admins, officers] = await Promise.all(
      (['integrity', 'admin', 'officer'] as const).map((role) => staffWithRole(db, orgId, role)),
    );
    const groups = groupByHandler(late, {
      integrity: integrity!.map((s) => s.id),
      admins: admins!.map((s) => s.id),
      officers: officers!,
    });
    const people = new Map([...integrity!, ...admins!, ...officers!].map((s) => [s.id, s]));
    for (const [staffId, all] of groups) {
      // An owner or integrity officer the involvement policy keeps out is not reminded of that case.
      const member = people.get(staffId);
      const list = member ? all.filter((c) => canRead(c, member)) : all;
      if (list.length === 0) continue;
      const lead = `วันนี้ท่านมีเรื่องที่เกินกำหนด ${list.length} เรื่อง กรุณาดำเนินการหรือแจ้งความคืบหน้าถึงผู้ร้องเรียน`;
      sent += await pushToStaff(
        { ...deps, line: target.line },
        orgId,
        [staffId],
        [{ type: 'text', text: lead }, card(list)],
        `overdue:${orgId}:${today}:${staffId}`,
      );
    }
  }
  const everyExecutive = audience.executives ? await staffWithRole(db, orgId, 'executive') : [];
  // One list for all executives: a case any of them may not see (a tip about the executive) is left out.
  const cases = late.filter((c) => everyExecutive.every((e) => canRead(c, e)));
  if (everyExecutive.length > 0 && cases.length > 0) {
    const executives = everyExecutive.map((s) => s.id);
    const corruption = cases.filter((c) => c.track === 'corruption').length;
    const lead = `สรุปประจำสัปดาห์: มีเรื่องเกินกำหนด ${cases.length} เรื่อง (ร้องทุกข์ ${cases.length - corruption} · ทุจริต ${corruption})`;
    sent += await pushToStaff(
      { ...deps, line: target.line },
      orgId,
      executives,
      [{ type: 'text', text: lead }, card(cases)],
      `overdue:${orgId}:${today}:executives`,
    );
  }
  return sent;
}

function lateText(c: LateCase, today: string): string {
  const late = lateness(c, today);
  if (!late) return '';
  if (late.kind === 'unforwarded') return `ยังไม่ส่งหน่วยงานที่รับผิดชอบ เกินกำหนด ${late.days} วัน`;
  return late.kind === 'unacknowledged'
    ? `ยังไม่รับเรื่อง เกินกำหนด ${late.days} วัน`
    : `เกินกำหนดแจ้งผล ${late.days} วัน (${formatThaiDate(c.resultDueOn)})`;
}

async function lateCases(db: Db, orgId: number, today: string): Promise<LateCase[]> {
  const { results } = await db.$client
    .prepare(
      `select c.id, c.version, c.code, c.track, c.status, k.name as categoryName, c.unit_id as unitId,
         u.name as unitName, h.assignee_id as assigneeId, c.forward_due_on as forwardDueOn,
         c.acknowledge_due_on as acknowledgeDueOn,
         c.result_due_on as resultDueOn, c.involved_role, c.involved_unit_id,
         (select group_concat(staff_id) from case_recusals x where x.complaint_id = c.id) as recused_ids
       from complaints c join complaint_categories k on k.id = c.category_id
       left join units u on u.id = c.unit_id left join case_handling h on h.complaint_id = c.id
       where c.org_id = ? and ${LATE_SQL} order by c.result_due_on, c.id limit ?`,
    )
    .bind(orgId, today, today, today, MAX_CASES)
    .all<LateRow>();
  return results.map(({ involved_role, involved_unit_id, recused_ids, ...c }) => ({
    ...c,
    involvement: {
      role: involved_role,
      unitId: involved_unit_id,
      recusedIds: recused_ids ? recused_ids.split(',').map(Number) : [],
    },
  }));
}

type LateRow = Omit<LateCase, 'involvement'> & {
  involved_role: InvolvedRole | null;
  involved_unit_id: number | null;
  recused_ids: string | null;
};
