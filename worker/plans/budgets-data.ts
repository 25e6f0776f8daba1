import { inArray } from 'drizzle-orm';
import type { BudgetByYear } from '../../schema/contracts/plan-api';
import { planBudgets } from '../../schema/tables/plans';
import type { Db } from '../db/client';

/**
 * Budgets of the given projects (internal ids), in one read: every year of `years` present (0 when the
 * plan has no amount for it), and any other year that has one. With no years, only the years that do.
 */
export async function budgetsOf(
  db: Db,
  projectIds: number[],
  years: number[],
): Promise<Map<number, BudgetByYear>> {
  const out = new Map<number, BudgetByYear>();
  for (const id of projectIds) out.set(id, Object.fromEntries(years.map((y) => [String(y), 0])));
  if (projectIds.length === 0) return out;
  const rows = await db.select().from(planBudgets).where(inArray(planBudgets.projectId, projectIds));
  for (const row of rows) out.get(row.projectId)![String(row.fiscalYear)] = row.amount;
  return out;
}
