import * as z from 'zod/mini';

/**
 * Responses of the public plan API (worker/http/routes/public-orgs.ts, worker/http/routes/plans.ts), shared by the
 * worker (to type what it answers) and the LIFF app (to parse what it reads). zod/mini keeps the LIFF
 * bundle small; do not import schema/contracts/plan-document.ts here, it pulls in full zod.
 *
 * Money is whole baht; budget maps are keyed by the Buddhist Era fiscal year as a string ("2568").
 * A plan's `id` is its stable key ("2566-2570"); a project's `id` is its sequence number in the plan.
 */

export const budgetByYear = z.record(z.string(), z.number());
export type BudgetByYear = z.infer<typeof budgetByYear>;

export const orgKind = z.enum(['city_municipality', 'town_municipality', 'subdistrict_municipality', 'sao']);

export const orgSummary = z.object({
  slug: z.string(),
  name: z.string(),
  kind: orgKind,
  province: z.string(),
});
export type OrgSummary = z.infer<typeof orgSummary>;

const orgRef = z.object({ slug: z.string(), name: z.string() });

/** GET /api/orgs */
export const orgList = z.object({ items: z.array(orgSummary), nextCursor: z.nullable(z.string()) });
export type OrgList = z.infer<typeof orgList>;

/** Where a plan stands on the day of the request (lib/plan-period.ts `planPeriodStatus`). */
export const planStatus = z.enum(['current', 'ended', 'upcoming']);

export const planInfo = z.object({
  id: z.string(),
  title: z.nullable(z.string()),
  fiscalYears: z.array(z.int()),
  firstYear: z.int(),
  /** The plan's last fiscal year (BE); once it has passed the plan is `ended`. */
  lastYear: z.int(),
  /** `current`: covers this fiscal year; `ended`: its last fiscal year has passed; `upcoming`: not begun. */
  status: planStatus,
  projects: z.int(),
  budgetTotal: z.number(),
  loadedAt: z.string(),
});
export type PlanInfo = z.infer<typeof planInfo>;

/**
 * GET /api/orgs/:org. `liffId`: the organisation's LIFF app (the LIFF pages log in with it), if any. `plans`
 * (also GET /api/orgs/:org/plans): the current plan first, then upcoming, then ended ones, newest first.
 */
export const orgDetail = z.object({
  org: orgSummary,
  liffId: z.nullable(z.string()),
  plans: z.array(planInfo),
});
export type OrgDetail = z.infer<typeof orgDetail>;

/** GET /api/orgs/:org/plans */
export const planList = z.object({ items: z.array(planInfo) });
export type PlanList = z.infer<typeof planList>;

export const projectKind = z.enum(['project', 'activity', 'measure']);
export type ProjectKindName = z.infer<typeof projectKind>;

export const kindCounts = z.object({ project: z.int(), activity: z.int(), measure: z.int() });
export type KindCountsApi = z.infer<typeof kindCounts>;

const subMissionRef = z.object({ code: z.string(), name: z.string() });

export const missionSummary = z.object({
  code: z.string(),
  name: z.string(),
  subMissions: z.array(subMissionRef),
  projects: z.int(),
  kinds: kindCounts,
  budget: budgetByYear,
  budgetTotal: z.number(),
});
export type MissionSummary = z.infer<typeof missionSummary>;

/** What the document itself states, next to what its rows add up to. */
const statedForDimension = z.object({
  projects: z.nullable(z.int()),
  budget: z.nullable(budgetByYear),
});

export const dimensionSummary = z.object({
  number: z.int(),
  name: z.string(),
  projects: z.int(),
  kinds: kindCounts,
  budget: budgetByYear,
  budgetTotal: z.number(),
  missions: z.array(missionSummary),
  stated: statedForDimension,
});
export type DimensionSummary = z.infer<typeof dimensionSummary>;

/** A place where the document contradicts itself (see schema/contracts/plan-document.ts `discrepancy`). */
export const discrepancyItem = z.object({
  kind: z.string(),
  where: z.string(),
  what: z.string(),
  stated: z.unknown(),
  parsed: z.unknown(),
  dimension: z.nullable(z.int()),
  mission: z.nullable(z.string()),
  projects: z.array(z.string()),
});
export type DiscrepancyItem = z.infer<typeof discrepancyItem>;

/**
 * A responsible unit of the plan under its one name (`unitGroup`; the value of ?unit=), the document's own
 * wordings of it where they differ ("สำนักงานการศึกษา", "กวช."), and its project count.
 */
export const unitCount = z.object({ unit: z.string(), variants: z.array(z.string()), projects: z.int() });
export type UnitCount = z.infer<typeof unitCount>;

/** GET /api/orgs/:org/plans/:planId/summary */
export const planSummary = z.object({
  org: orgRef,
  plan: planInfo,
  totals: z.object({ projects: z.int(), kinds: kindCounts, budget: budgetByYear, budgetTotal: z.number() }),
  stated: z.object({ projects: z.nullable(z.int()), budget: z.nullable(budgetByYear) }),
  dimensions: z.array(dimensionSummary),
  units: z.array(unitCount),
  discrepancies: z.array(discrepancyItem),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const projectListItem = z.object({
  id: z.int(),
  ref: z.string(),
  number: z.string(),
  name: z.string(),
  kind: projectKind,
  dimension: z.int(),
  mission: z.string(),
  /** The responsible unit as the document writes it. */
  unit: z.nullable(z.string()),
  /** The same unit under its one name across the plan ("สำนักการศึกษา" for "สำนักงานการศึกษา"). */
  unitGroup: z.nullable(z.string()),
  budget: budgetByYear,
  budgetTotal: z.number(),
});
export type ProjectListItem = z.infer<typeof projectListItem>;

/** GET /api/orgs/:org/plans/:planId/projects */
export const projectPage = z.object({
  items: z.array(projectListItem),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.nullable(z.string()),
  /** How many projects match the filters, across all pages. */
  total: z.int(),
});
export type ProjectPage = z.infer<typeof projectPage>;

export const projectDetails = z.object({
  name: z.nullable(z.string()),
  rationale: z.nullable(z.string()),
  objectives: z.array(z.string()),
  targetGroup: z.nullable(z.string()),
  area: z.nullable(z.string()),
  methods: z.array(z.string()),
  period: z.nullable(z.string()),
  budgetText: z.nullable(z.string()),
  budgetAmount: z.nullable(z.number()),
  responsible: z.nullable(z.string()),
  outputs: z.array(z.string()),
  outcomes: z.array(z.string()),
  indicators: z.array(z.string()),
});

/** GET /api/orgs/:org/plans/:planId/projects/:projectId */
export const projectDetail = z.object({
  org: orgRef,
  plan: planInfo,
  project: z.object({
    ...projectListItem.shape,
    summaryName: z.nullable(z.string()),
    alternateNames: z.array(z.string()),
    unitExpanded: z.nullable(z.string()),
    dimensionName: z.string(),
    missionName: z.string(),
    subMission: z.nullable(subMissionRef),
    budgetSource: z.enum(['summary', 'detail', 'none']),
    listedIn: z.enum(['summary', 'detail']),
    details: projectDetails,
  }),
  /** Contradictions of the document that involve this project. */
  discrepancies: z.array(discrepancyItem),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

/** Filters of the project list, as query parameters (all optional, combined with AND). */
export interface ProjectFilters {
  /** Dimension number. */
  dimension?: number;
  /** Mission code, e.g. "1.2". */
  mission?: string;
  /** A fiscal year (BE) in which the project has a non-zero budget. */
  year?: number;
  /** Responsible unit under its one name across the plan (`unitGroup`, as the summary's `units` list it). */
  unit?: string;
  /** Thai text searched in names, alternate names and unit. */
  q?: string;
}
