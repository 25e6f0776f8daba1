import { and, desc, eq, sql } from 'drizzle-orm';
import { byPlanPeriod, planPeriodStatus } from '../../lib/plan-period';
import type { PlanInfo } from '../../schema/contracts/plan-api';
import type { Db } from '../db/client';
import { plans } from '../../schema/tables/plans';

export type PlanRow = typeof plans.$inferSelect;

// Written out, not ${plans.id}: drizzle renders a column of a one-table query unqualified, and inside the
// subquery an unqualified "id" would be the subquery's own.
const projectCount = sql<number>`(select count(*) from plan_projects pp where pp.plan_id = "plans"."id")`;
const budgetTotal = sql<number>`(select coalesce(sum(b.amount), 0) from plan_budgets b
  join plan_projects pp on pp.id = b.project_id where pp.plan_id = "plans"."id")`;

/** The public description of a stored plan; `now` (ms) decides whether its period has ended. */
export function toPlanInfo(
  row: PlanRow,
  totals: { projects: number; budgetTotal: number },
  now: number,
): PlanInfo {
  const fiscalYears = JSON.parse(row.fiscalYears) as number[];
  return {
    id: row.planKey,
    title: row.title,
    fiscalYears,
    firstYear: row.firstYear,
    lastYear: row.lastYear,
    status: planPeriodStatus(fiscalYears, now),
    projects: totals.projects,
    budgetTotal: totals.budgetTotal,
    loadedAt: new Date(row.loadedAt).toISOString(),
  };
}

/**
 * The organisation's active plans with project counts and budget totals: the current one first, then
 * upcoming, then ended ones, each newest period first (lib/plan-period.ts `byPlanPeriod`).
 */
export async function listActivePlans(
  db: Db,
  orgId: number,
  now: number,
): Promise<{ row: PlanRow; info: PlanInfo }[]> {
  const rows = await db
    .select({ plan: plans, projects: projectCount, budgetTotal })
    .from(plans)
    .where(and(eq(plans.orgId, orgId), eq(plans.status, 'active')))
    .orderBy(desc(plans.lastYear), desc(plans.firstYear), plans.planKey);
  const found = rows.map((r) => {
    const info = toPlanInfo(r.plan, r, now);
    return { row: r.plan, info, status: info.status, firstYear: info.firstYear, lastYear: info.lastYear };
  });
  return byPlanPeriod(found).map(({ row, info }) => ({ row, info }));
}

/** One active plan of the organisation by its key; null when it has none by that key. */
export async function findActivePlan(
  db: Db,
  orgId: number,
  key: string,
  now: number,
): Promise<{ row: PlanRow; info: PlanInfo } | null> {
  const rows = await db
    .select({ plan: plans, projects: projectCount, budgetTotal })
    .from(plans)
    .where(and(eq(plans.orgId, orgId), eq(plans.planKey, key), eq(plans.status, 'active')))
    .limit(1);
  const found = rows[0];
  return found ? { row: found.plan, info: toPlanInfo(found.plan, found, now) } : null;
}
