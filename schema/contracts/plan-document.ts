import { z } from 'zod';

/**
 * The anti-corruption action plan (แผนปฏิบัติการป้องกันการทุจริต) as read from a converted plan document by
 * `tools/plan-import`. Shared by the worker and the LIFF app, so this file imports nothing but zod.
 *
 * Shape decisions:
 * - Every project appears exactly once, in `dimensions[].missions[].projects`, in document order. Counting those
 *   arrays gives the plan's project total; `sequence` numbers them 1..N across the plan.
 * - Sub-missions (the 1.1.1 level of some plans) are listed in `missions[].subMissions` as `{code, name}`; a
 *   project under one carries its code in `subMissionCode` (null when the plan has no such level).
 * - Budgets are plain integers in baht keyed by Buddhist Era fiscal year ("2566"); every fiscal year of the plan
 *   is present, 0 where the document gives none ("-", "ไม่ใช้งบประมาณ").
 * - `number` is the project's number as written (Arabic digits): plan-wide ("16") or within the mission ("2");
 *   `ref` is a readable reference that is unique in practice ("16", or "3.3(2)" for per-mission numbering).
 * - `stated` holds only what the document itself says; `parsedTotals` is what the parsed structure adds up to.
 *   Every difference between the two, and every other self-contradiction found, is one `discrepancies` entry.
 * - `notes` record how an ambiguous layout was read (for example a budget row offset from its project row);
 *   they are interpretation choices, not contradictions in the document.
 */

/** Baht per fiscal year, keyed by the Buddhist Era year as a string. */
export const yearAmounts = z.record(z.string().regex(/^\d{4}$/), z.number().int());
export type YearAmounts = z.infer<typeof yearAmounts>;

export const projectKind = z.enum(['project', 'activity', 'measure']);
export type ProjectKind = z.infer<typeof projectKind>;

export const kindCounts = z.object({
  project: z.number().int().nonnegative(),
  activity: z.number().int().nonnegative(),
  measure: z.number().int().nonnegative(),
});
export type KindCounts = z.infer<typeof kindCounts>;

export const projectDetails = z.object({
  /** The name as the detail section writes it (placeholders and noise removed), null without a detail section. */
  name: z.string().nullable(),
  rationale: z.string().nullable(),
  objectives: z.array(z.string()),
  targetGroup: z.string().nullable(),
  area: z.string().nullable(),
  methods: z.array(z.string()),
  period: z.string().nullable(),
  budgetText: z.string().nullable(),
  /** The amount the detail section states (0 for "no budget"), null when it states none or no figure. */
  budgetAmount: z.number().int().nullable(),
  /** The responsible unit as the detail section writes it. */
  responsible: z.string().nullable(),
  outputs: z.array(z.string()),
  outcomes: z.array(z.string()),
  indicators: z.array(z.string()),
});
export type ProjectDetails = z.infer<typeof projectDetails>;

export const planProject = z.object({
  sequence: z.number().int().positive(),
  number: z.string(),
  ref: z.string(),
  name: z.string(),
  /** The name as the summary table writes it; null for a project found only in the detail sections. */
  summaryName: z.string().nullable(),
  alternateNames: z.array(z.string()),
  kind: projectKind,
  subMissionCode: z.string().nullable(),
  budget: yearAmounts,
  /** Where `budget` comes from: the summary table, the detail section (when the table cannot attribute it), none. */
  budgetSource: z.enum(['summary', 'detail', 'none']),
  /** Responsible unit as written in the summary table's remarks (abbreviations kept), else the detail section's. */
  unit: z.string().nullable(),
  /** The abbreviation's full form when the document defines it, e.g. "กองวิชาการและแผนงาน" for "กวช.". */
  unitExpanded: z.string().nullable(),
  /**
   * The responsible unit under one name across the plan: spellings of one unit merged ("สำนักงานการศึกษา" →
   * "สำนักการศึกษา"), the organisation's own name dropped, short forms spelt out ("กวช." →
   * "กองวิชาการและแผนงาน"); "A / B" for a project of several units, "ทุกส่วนราชการ" for all of them; null
   * without a unit. See tools/plan-import/unit-groups.ts.
   */
  unitGroup: z.string().nullable(),
  /** Where the project is listed: in the summary table, or only in the detail sections. */
  listedIn: z.enum(['summary', 'detail']),
  /** The "ลำดับที่" number of the matched detail section, null when none was found. */
  detailNumber: z.number().int().nullable(),
  details: projectDetails,
});
export type PlanProject = z.infer<typeof planProject>;

export const subMission = z.object({ code: z.string(), name: z.string() });
export type SubMission = z.infer<typeof subMission>;

export const planMission = z.object({
  code: z.string(),
  name: z.string(),
  subMissions: z.array(subMission),
  projects: z.array(planProject),
});
export type PlanMission = z.infer<typeof planMission>;

export const planDimension = z.object({
  number: z.number().int().positive(),
  name: z.string(),
  missions: z.array(planMission),
});
export type PlanDimension = z.infer<typeof planDimension>;

export const statedFigures = z.object({
  /** The plan's total project count as stated ("รวมทั้งสิ้น จำนวน 41 โครงการ"), null when not stated. */
  projects: z.number().int().nullable(),
  projectsByDimension: z.record(z.string(), z.number().int()),
  /** Only for dimensions whose total row counts by kind ("๔ โครงการ ๓ กิจกรรม"). */
  kindsByDimension: z.record(z.string(), kindCounts),
  /** Per dimension, only the years for which the total row states a figure. */
  budgetByDimension: z.record(z.string(), yearAmounts),
  /** The grand total row ("รวมทั้งสิ้น"), only the years it states; null when there is no such row. */
  budgetTotal: yearAmounts.nullable(),
});
export type StatedFigures = z.infer<typeof statedFigures>;

export const parsedTotals = z.object({
  projects: z.number().int(),
  projectsByDimension: z.record(z.string(), z.number().int()),
  kindsByDimension: z.record(z.string(), kindCounts),
  budgetByDimension: z.record(z.string(), yearAmounts),
  budgetTotal: yearAmounts,
});
export type ParsedTotals = z.infer<typeof parsedTotals>;

export const discrepancyKind = z.enum([
  'project-count',
  'kind-count',
  'budget-total',
  'stated-inconsistent',
  'grouped-budget',
  'detail-budget',
  'unattributed-budget',
  'numbering',
  'missing-from-summary',
  'missing-detail',
  'detail-structure',
  'kind-mismatch',
  'period-outside-plan',
  'fiscal-years',
]);
export type DiscrepancyKind = z.infer<typeof discrepancyKind>;

export const discrepancy = z.object({
  kind: discrepancyKind,
  /** Human-readable location, e.g. "dimension 1 / mission 1.3 / projects 9, 10". */
  where: z.string(),
  /** What contradicts what, in English. */
  what: z.string(),
  /** What the document states (a count, a per-year map, a list of numbers, a text). */
  stated: z.json(),
  /** What the parsed structure has instead. */
  parsed: z.json(),
  dimension: z.number().int().nullable(),
  mission: z.string().nullable(),
  /** `ref`s of the projects involved. */
  projects: z.array(z.string()),
});
export type Discrepancy = z.infer<typeof discrepancy>;

export const planDocument = z.object({
  title: z.string().nullable(),
  organization: z.object({ name: z.string().nullable(), province: z.string().nullable() }),
  /** The span the title states ("พ.ศ. 2566 – 2570"), null when not found. */
  fiscalYearSpan: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
  /** Buddhist Era fiscal years the plan covers (the summary table's year columns). */
  fiscalYears: z.array(z.number().int()),
  /** How projects are numbered: across the whole plan, or restarting in each mission. */
  numbering: z.enum(['plan', 'mission']),
  dimensions: z.array(planDimension),
  stated: statedFigures,
  parsedTotals: parsedTotals,
  discrepancies: z.array(discrepancy),
  notes: z.array(z.string()),
});
export type PlanDocument = z.infer<typeof planDocument>;
