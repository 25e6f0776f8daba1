import { and, asc, count, eq, gt, type SQL, sql } from 'drizzle-orm';
import type {
  BudgetByYear,
  DiscrepancyItem,
  ProjectDetail,
  ProjectFilters,
  ProjectListItem,
} from '../../schema/contracts/plan-api';
import type { Db } from '../db/client';
import { planDimensions, planMissions, planProjects } from '../../schema/tables/plans';
import { budgetsOf } from './budgets-data';
import type { PlanRow } from './plans-data';
import { normalizeSearch } from './search-text';

const listColumns = {
  pk: planProjects.id,
  id: planProjects.sequence,
  ref: planProjects.ref,
  number: planProjects.number,
  name: planProjects.name,
  kind: planProjects.kind,
  dimension: planDimensions.number,
  mission: planMissions.code,
  unit: planProjects.unit,
  unitGroup: planProjects.unitGroup,
};

function filterConditions(planId: number, filters: ProjectFilters): SQL[] {
  const conditions: SQL[] = [eq(planProjects.planId, planId)];
  if (filters.dimension !== undefined) conditions.push(eq(planDimensions.number, filters.dimension));
  if (filters.mission !== undefined) conditions.push(eq(planMissions.code, filters.mission));
  if (filters.unit !== undefined) {
    // The unit's one name, or a wording the document used for it (a link made before units were merged).
    conditions.push(sql`${planProjects.unitGroup} = coalesce(
      (select p2.unit_group from plan_projects p2 where p2.plan_id = ${planId} and p2.unit_group = ${filters.unit} limit 1),
      (select p2.unit_group from plan_projects p2 where p2.plan_id = ${planId} and p2.unit = ${filters.unit} limit 1))`);
  }
  if (filters.year !== undefined) {
    conditions.push(sql`exists (select 1 from plan_budgets b where b.project_id = "plan_projects"."id"
      and b.fiscal_year = ${filters.year} and b.amount > 0)`);
  }
  // Thai has no spaces between words: each space-separated term must appear somewhere, in any order.
  // instr, not LIKE: D1 caps LIKE patterns at 50 bytes, which is 16 Thai characters; and nothing to escape.
  for (const term of (filters.q ?? '').split(/\s+/).map(normalizeSearch).filter(Boolean)) {
    conditions.push(sql`instr(${planProjects.searchText}, ${term}) > 0`);
  }
  return conditions;
}

const total = (budget: BudgetByYear) => Object.values(budget).reduce((a, b) => a + b, 0);

/**
 * One page of a plan's projects in plan order, filtered; keyset-paginated on the sequence number, with
 * the number of matches across all pages. Reads only this plan's rows (index on plan_id, sequence).
 */
export async function listProjects(
  db: Db,
  plan: PlanRow,
  args: { filters: ProjectFilters; after: number | null; limit: number },
): Promise<{ items: ProjectListItem[]; nextCursor: string | null; total: number }> {
  const conditions = filterConditions(plan.id, args.filters);
  const from = () =>
    db
      .select(listColumns)
      .from(planProjects)
      .innerJoin(planMissions, eq(planMissions.id, planProjects.missionId))
      .innerJoin(planDimensions, eq(planDimensions.id, planMissions.dimensionId));
  const page = and(...conditions, args.after === null ? undefined : gt(planProjects.sequence, args.after));
  // Promise.all, not db.batch: drizzle maps batch rows by column name, and two columns here are "number".
  const [rows, counted] = await Promise.all([
    from()
      .where(page)
      .orderBy(asc(planProjects.sequence))
      .limit(args.limit + 1),
    db
      .select({ n: count() })
      .from(planProjects)
      .innerJoin(planMissions, eq(planMissions.id, planProjects.missionId))
      .innerJoin(planDimensions, eq(planDimensions.id, planMissions.dimensionId))
      .where(and(...conditions)),
  ]);
  const shown = rows.slice(0, args.limit);
  const budgets = await budgetsOf(
    db,
    shown.map((r) => r.pk),
    JSON.parse(plan.fiscalYears),
  );
  return {
    items: shown.map(({ pk, ...row }) => {
      const budget = budgets.get(pk)!;
      return { ...row, budget, budgetTotal: total(budget) };
    }),
    nextCursor: rows.length > args.limit ? String(shown[shown.length - 1]!.id) : null,
    total: counted[0]?.n ?? 0,
  };
}

/** One project of a plan by its sequence number, with details and the findings that involve it. */
export async function getProject(
  db: Db,
  plan: PlanRow,
  sequence: number,
): Promise<Omit<ProjectDetail, 'org' | 'plan'> | null> {
  const rows = await db
    .select({
      ...listColumns,
      summaryName: planProjects.summaryName,
      alternateNames: planProjects.alternateNames,
      unitExpanded: planProjects.unitExpanded,
      subMissionCode: planProjects.subMissionCode,
      subMissions: planMissions.subMissions,
      dimensionName: planDimensions.name,
      missionName: planMissions.name,
      budgetSource: planProjects.budgetSource,
      listedIn: planProjects.listedIn,
      details: planProjects.details,
    })
    .from(planProjects)
    .innerJoin(planMissions, eq(planMissions.id, planProjects.missionId))
    .innerJoin(planDimensions, eq(planDimensions.id, planMissions.dimensionId))
    .where(and(eq(planProjects.planId, plan.id), eq(planProjects.sequence, sequence)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const budget = (await budgetsOf(db, [row.pk], JSON.parse(plan.fiscalYears))).get(row.pk)!;
  const { pk: _pk, subMissionCode, subMissions, alternateNames, details, ...rest } = row;
  const subMission =
    (JSON.parse(subMissions) as { code: string; name: string }[]).find((s) => s.code === subMissionCode) ??
    null;
  const discrepancies = (JSON.parse(plan.discrepancies) as DiscrepancyItem[]).filter((d) =>
    d.projects.includes(row.ref),
  );
  return {
    project: {
      ...rest,
      budget,
      budgetTotal: total(budget),
      alternateNames: JSON.parse(alternateNames),
      subMission,
      details: JSON.parse(details),
    },
    discrepancies,
  };
}
