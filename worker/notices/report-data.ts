import type { ComplaintStatus } from '../../schema/contracts/complaint';
import { type CaseOutcome, caseOutcomes, finalStatuses } from '../../schema/contracts/staff';
import type { CaseReport, ReportPeriod } from '../../schema/contracts/staff-report';
import { BANGKOK_OFFSET_MS, bangkokDate } from '../../lib/thai-date';
import type { complaintCategories, complaints, units } from '../../schema/tables/complaints';
import type { caseHandling } from '../../schema/tables/staff';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';
import { periodBounds } from './report-period';

const FINAL = finalStatuses.map((s) => `'${s}'`).join(',');

// The aggregate rows of the statements below: grouped columns as their tables declare them,
// counts and sums as numbers (a left-joined unit is null when a case has none).
type ReceivedRow = Pick<SqlRow<typeof complaints>, 'track'> &
  Pick<SqlRow<typeof complaintCategories>, 'name'> & { n: number };
type ClosedRow = Pick<SqlRow<typeof caseHandling>, 'outcome'> & { n: number; on_time: number };
interface SatisfactionRow {
  rated: number;
  satisfied: number | null;
  not_fixed: number;
}
type OpenRow = Pick<SqlRow<typeof complaints>, 'status' | 'track'> & {
  unit: SqlRow<typeof units>['name'] | null;
  n: number;
  overdue: number;
  unack: number;
};

/**
 * The summary report of one organisation for a period: four aggregate statements in one round trip,
 * each bounded by the organisation and the period (indexes: complaints (org, created_at), events
 * (org, action, at), complaints (org, status), case_ratings (org, rated_at)), so the rows read grow with the organisation's own
 * cases in the period, not with the tables.
 */
export async function caseReport(
  db: Db,
  orgId: number,
  period: ReportPeriod,
  now: number,
): Promise<CaseReport> {
  const bounds = periodBounds(period, now);
  const today = bangkokDate(now);
  const c = db.$client;
  const [received, closed, open, satisfaction] = await c.batch([
    c
      .prepare(
        `select c.track, k.name, count(*) as n from complaints c
         join complaint_categories k on k.id = c.category_id
         where c.org_id = ? and c.created_at >= ? and c.created_at < ?
         group by c.track, k.id order by n desc, k.sort`,
      )
      .bind(orgId, bounds.fromMs, bounds.toMs),
    c
      .prepare(
        `select h.outcome, count(*) as n,
           sum(date((e.at + ?) / 1000, 'unixepoch') <= c.result_due_on) as on_time
         from (select complaint_id, max(at) as at from complaint_events
               where org_id = ? and action = 'closed' and at >= ? and at < ? group by complaint_id) e
         join complaints c on c.id = e.complaint_id
         join case_handling h on h.complaint_id = c.id
         where c.org_id = ? and c.status in (${FINAL})
         group by h.outcome`,
      )
      .bind(BANGKOK_OFFSET_MS, orgId, bounds.fromMs, bounds.toMs, orgId),
    c
      .prepare(
        `select c.status, c.track, u.name as unit, count(*) as n,
           sum(c.result_due_on < ?) as overdue,
           sum(c.status = 'received' and c.acknowledge_due_on < ?) as unack
         from complaints c left join units u on u.id = c.unit_id
         where c.org_id = ? and c.status not in (${FINAL})
         group by c.status, c.track, c.unit_id`,
      )
      .bind(today, today, orgId),
    c
      .prepare(
        `select count(score) as rated, sum(score >= 4) as satisfied,
           (select count(*) from complaint_events where org_id = ? and action = 'reopened_not_fixed'
             and at >= ? and at < ?) as not_fixed
         from case_ratings where org_id = ? and rated_at >= ? and rated_at < ?`,
      )
      .bind(orgId, bounds.fromMs, bounds.toMs, orgId, bounds.fromMs, bounds.toMs),
  ]);
  return shapeReport(
    { kind: period, from: bounds.from, to: bounds.to },
    received!.results as unknown as ReceivedRow[],
    closed!.results as unknown as ClosedRow[],
    open!.results as unknown as OpenRow[],
    (satisfaction!.results as unknown as SatisfactionRow[])[0]!,
    now,
  );
}

/** Folds the aggregate rows into the report (pure). */
export function shapeReport(
  period: CaseReport['period'],
  received: ReceivedRow[],
  closed: ClosedRow[],
  open: OpenRow[],
  satisfaction: SatisfactionRow,
  now: number,
): CaseReport {
  const byOutcome = Object.fromEntries(caseOutcomes.map((o) => [o, 0])) as Record<CaseOutcome, number>;
  for (const r of closed) if (r.outcome) byOutcome[r.outcome] += r.n;
  const byStatus: Partial<Record<ComplaintStatus, number>> = {};
  const units = new Map<string, { name: string; open: number; overdue: number }>();
  for (const r of open) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    const name = r.unit ?? 'ยังไม่ระบุหน่วยงาน';
    const u = units.get(name) ?? { name, open: 0, overdue: 0 };
    u.open += r.n;
    u.overdue += r.overdue;
    units.set(name, u);
  }
  const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    period,
    received: {
      grievance: sum(received, (r) => (r.track === 'grievance' ? r.n : 0)),
      corruption: sum(received, (r) => (r.track === 'corruption' ? r.n : 0)),
    },
    closed: { total: sum(closed, (r) => r.n), onTime: sum(closed, (r) => r.on_time), byOutcome },
    open: {
      total: sum(open, (r) => r.n),
      corruption: sum(open, (r) => (r.track === 'corruption' ? r.n : 0)),
      byStatus,
      overdue: sum(open, (r) => r.overdue),
      unacknowledged: sum(open, (r) => r.unack),
    },
    byCategory: received.map((r) => ({ name: r.name, track: r.track, count: r.n })),
    byUnit: [...units.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open),
    satisfaction: {
      rated: satisfaction.rated,
      satisfied: satisfaction.satisfied ?? 0,
      notFixed: satisfaction.not_fixed,
    },
    generatedAt: now,
  };
}
