import type {
  BudgetByYear,
  DimensionSummary,
  KindCountsApi,
  PlanSummary,
} from '../schema/contracts/plan-api';

export interface SummaryInput {
  fiscalYears: number[];
  dimensions: { id: number; number: number; name: string }[];
  missions: {
    id: number;
    dimensionId: number;
    code: string;
    name: string;
    subMissions: { code: string; name: string }[];
  }[];
  /** Projects per mission and kind. */
  counts: { missionId: number; kind: keyof KindCountsApi; projects: number }[];
  /** Budget sums per mission and fiscal year. */
  budgets: { missionId: number; fiscalYear: number; amount: number }[];
  /** The figures the document states (schema/contracts/plan-document.ts `stated`). */
  stated: {
    projects: number | null;
    projectsByDimension: Record<string, number>;
    budgetByDimension: Record<string, Record<string, number>>;
    budgetTotal: Record<string, number> | null;
  };
}

const noKinds = (): KindCountsApi => ({ project: 0, activity: 0, measure: 0 });
const zeroBudget = (years: number[]): BudgetByYear => Object.fromEntries(years.map((y) => [String(y), 0]));
const sum = (budget: BudgetByYear) => Object.values(budget).reduce((a, b) => a + b, 0);

function addInto(target: BudgetByYear, source: BudgetByYear): void {
  for (const [year, amount] of Object.entries(source)) target[year] = (target[year] ?? 0) + amount;
}

function addKinds(target: KindCountsApi, source: KindCountsApi): void {
  target.project += source.project;
  target.activity += source.activity;
  target.measure += source.measure;
}

/**
 * Builds a plan's summary from per-mission aggregates (computed in SQL): counts and budgets per mission,
 * rolled up per dimension and for the plan, every fiscal year present (0 where nothing is budgeted).
 */
export function buildSummary(input: SummaryInput): Pick<PlanSummary, 'dimensions' | 'totals' | 'stated'> {
  const years = [...input.fiscalYears].sort((a, b) => a - b);
  const kindsByMission = new Map<number, KindCountsApi>();
  for (const row of input.counts) {
    const kinds = kindsByMission.get(row.missionId) ?? noKinds();
    kinds[row.kind] += row.projects;
    kindsByMission.set(row.missionId, kinds);
  }
  const budgetByMission = new Map<number, BudgetByYear>();
  for (const row of input.budgets) {
    const budget = budgetByMission.get(row.missionId) ?? zeroBudget(years);
    budget[String(row.fiscalYear)] = (budget[String(row.fiscalYear)] ?? 0) + row.amount;
    budgetByMission.set(row.missionId, budget);
  }

  const totals = { projects: 0, kinds: noKinds(), budget: zeroBudget(years), budgetTotal: 0 };
  const dimensions: DimensionSummary[] = input.dimensions.map((dimension) => {
    const kinds = noKinds();
    const budget = zeroBudget(years);
    const missions = input.missions
      .filter((m) => m.dimensionId === dimension.id)
      .map((mission) => {
        const missionKinds = kindsByMission.get(mission.id) ?? noKinds();
        const missionBudget = budgetByMission.get(mission.id) ?? zeroBudget(years);
        addKinds(kinds, missionKinds);
        addInto(budget, missionBudget);
        return {
          code: mission.code,
          name: mission.name,
          subMissions: mission.subMissions,
          projects: missionKinds.project + missionKinds.activity + missionKinds.measure,
          kinds: missionKinds,
          budget: missionBudget,
          budgetTotal: sum(missionBudget),
        };
      });
    const projects = kinds.project + kinds.activity + kinds.measure;
    totals.projects += projects;
    addKinds(totals.kinds, kinds);
    addInto(totals.budget, budget);
    const key = String(dimension.number);
    return {
      number: dimension.number,
      name: dimension.name,
      projects,
      kinds,
      budget,
      budgetTotal: sum(budget),
      missions,
      stated: {
        projects: input.stated.projectsByDimension[key] ?? null,
        budget: input.stated.budgetByDimension[key] ?? null,
      },
    };
  });
  totals.budgetTotal = sum(totals.budget);
  return {
    dimensions,
    totals,
    stated: { projects: input.stated.projects, budget: input.stated.budgetTotal },
  };
}
