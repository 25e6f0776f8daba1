import { asc, count, desc, eq, sql } from 'drizzle-orm';
import type { DiscrepancyItem, PlanSummary, UnitCount } from '../../schema/contracts/plan-api';
import type { StatedFigures } from '../../schema/contracts/plan-document';
import type { Db } from '../db/client';
import { planBudgets, planDimensions, planMissions, planProjects } from '../../schema/tables/plans';
import type { PlanRow } from './plans-data';
import { buildSummary } from '../../lib/plan-summary';

const differs =
  (unit: string) =>
  (v: string | null): v is string =>
    v !== null && v !== unit;

/** Counts and budgets of one plan per dimension and mission (sums in SQL), its units and findings. */
export async function readPlanSummary(
  db: Db,
  plan: PlanRow,
): Promise<Pick<PlanSummary, 'dimensions' | 'totals' | 'stated' | 'units' | 'discrepancies'>> {
  const [dimensions, missions, counts, budgets, units] = await Promise.all([
    db
      .select({ id: planDimensions.id, number: planDimensions.number, name: planDimensions.name })
      .from(planDimensions)
      .where(eq(planDimensions.planId, plan.id))
      .orderBy(asc(planDimensions.position)),
    db
      .select({
        id: planMissions.id,
        dimensionId: planMissions.dimensionId,
        code: planMissions.code,
        name: planMissions.name,
        subMissions: planMissions.subMissions,
      })
      .from(planMissions)
      .where(eq(planMissions.planId, plan.id))
      .orderBy(asc(planMissions.position)),
    db
      .select({ missionId: planProjects.missionId, kind: planProjects.kind, projects: count() })
      .from(planProjects)
      .where(eq(planProjects.planId, plan.id))
      .groupBy(planProjects.missionId, planProjects.kind),
    db
      .select({
        missionId: planProjects.missionId,
        fiscalYear: planBudgets.fiscalYear,
        amount: sql<number>`sum(${planBudgets.amount})`,
      })
      .from(planBudgets)
      .innerJoin(planProjects, eq(planProjects.id, planBudgets.projectId))
      .where(eq(planProjects.planId, plan.id))
      .groupBy(planProjects.missionId, planBudgets.fiscalYear),
    db
      .select({
        unit: planProjects.unitGroup,
        // The document's wordings of the unit, for a reader who looks for the name the plan uses.
        variants: sql<string>`json_group_array(distinct ${planProjects.unit})`,
        projects: count(),
      })
      .from(planProjects)
      .where(eq(planProjects.planId, plan.id))
      .groupBy(planProjects.unitGroup)
      .orderBy(desc(count()), asc(planProjects.unitGroup)),
  ]);
  const summary = buildSummary({
    fiscalYears: JSON.parse(plan.fiscalYears) as number[],
    dimensions,
    missions: missions.map((m) => ({ ...m, subMissions: JSON.parse(m.subMissions) })),
    counts,
    budgets,
    stated: JSON.parse(plan.stated) as StatedFigures,
  });
  return {
    ...summary,
    units: units.flatMap(({ unit, variants, projects }): UnitCount[] =>
      unit === null
        ? []
        : [{ unit, variants: (JSON.parse(variants) as (string | null)[]).filter(differs(unit)), projects }],
    ),
    discrepancies: JSON.parse(plan.discrepancies) as DiscrepancyItem[],
  };
}
