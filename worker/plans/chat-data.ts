import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { BudgetByYear, ProjectKindName } from '../../schema/contracts/plan-api';
import type { Db } from '../db/client';
import { planDimensions, planMissions, planProjects, plans } from '../../schema/tables/plans';
import { budgetsOf } from './budgets-data';
import { rankProjects } from './rank';
import { normalizeSearch } from './search-text';

/** A project found by a chat search, with what its bubble shows. */
export interface ProjectHit {
  planKey: string;
  fiscalYears: number[];
  sequence: number;
  ref: string;
  name: string;
  kind: ProjectKindName;
  dimension: number;
  mission: string;
  unit: string | null;
  budget: BudgetByYear;
}

/** More rows than any one organisation's plans hold; a bound, not a page. */
const MAX_CANDIDATES = 500;

const termConditions = (query: string): SQL[] =>
  query
    .split(/\s+/)
    .map(normalizeSearch)
    .filter(Boolean)
    .map((term) => sql`instr(${planProjects.searchText}, ${term}) > 0`);

/**
 * Projects of the organisation's active plans matching every term of `query`, best first (rank.ts),
 * newest plan first among equals; the first `limit` with their budgets, and how many matched in all.
 */
export async function searchProjects(
  db: Db,
  args: { orgId: number; query: string; limit: number },
): Promise<{ hits: ProjectHit[]; total: number }> {
  const terms = termConditions(args.query);
  if (terms.length === 0) return { hits: [], total: 0 };
  const rows = await db
    .select({
      pk: planProjects.id,
      planKey: plans.planKey,
      fiscalYears: plans.fiscalYears,
      sequence: planProjects.sequence,
      ref: planProjects.ref,
      name: planProjects.name,
      kind: planProjects.kind,
      dimension: planDimensions.number,
      mission: planMissions.code,
      unit: planProjects.unit,
      unitExpanded: planProjects.unitExpanded,
      unitGroup: planProjects.unitGroup,
      alternateNames: planProjects.alternateNames,
    })
    .from(planProjects)
    .innerJoin(plans, eq(plans.id, planProjects.planId))
    .innerJoin(planMissions, eq(planMissions.id, planProjects.missionId))
    .innerJoin(planDimensions, eq(planDimensions.id, planMissions.dimensionId))
    .where(and(eq(plans.orgId, args.orgId), eq(plans.status, 'active'), ...terms))
    .orderBy(desc(plans.lastYear), asc(planProjects.sequence))
    .limit(MAX_CANDIDATES);
  const ranked = rankProjects(
    args.query,
    rows.map((r) => ({ ...r, alternateNames: JSON.parse(r.alternateNames) as string[] })),
  );
  const top = ranked.slice(0, args.limit);
  // Hits span plans with different years: a bubble shows the years that have an amount.
  const budgets = await budgetsOf(
    db,
    top.map((r) => r.pk),
    [],
  );
  const hits = top.map(
    ({ pk, fiscalYears, unitExpanded: _u, unitGroup: _g, alternateNames: _a, ...row }) => ({
      ...row,
      fiscalYears: JSON.parse(fiscalYears) as number[],
      budget: budgets.get(pk)!,
    }),
  );
  return { hits, total: ranked.length };
}

/** Which of `keywords` find at least one project in the organisation's active plans (one query). */
export async function keywordsWithHits(db: Db, orgId: number, keywords: string[]): Promise<string[]> {
  if (keywords.length === 0) return [];
  const columns = Object.fromEntries(
    keywords.map((k, i) => [
      `k${i}`,
      // Aliased: identical column names would collide in the result row.
      sql<number>`sum(instr(${planProjects.searchText}, ${normalizeSearch(k)}) > 0)`.as(`k${i}`),
    ]),
  );
  const rows = await db
    .select(columns)
    .from(planProjects)
    .innerJoin(plans, eq(plans.id, planProjects.planId))
    .where(and(eq(plans.orgId, orgId), eq(plans.status, 'active')));
  const counts = rows[0] ?? {};
  return keywords.filter((_k, i) => Number(counts[`k${i}`] ?? 0) > 0);
}
