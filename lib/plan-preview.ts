import type { PlanSummary, ProjectListItem } from '../schema/contracts/plan-api';
import type { PlanDocument } from '../schema/contracts/plan-document';
import { planPeriodStatus } from './plan-period';
import { buildSummary } from './plan-summary';

/** A plan's public key: lower-case letters, digits and dashes, as in URLs ("2566-2570"). */
export const PLAN_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The default public key of a plan: its fiscal-year span, e.g. "2566-2570". */
export function defaultPlanKey(doc: Pick<PlanDocument, 'fiscalYears'>): string {
  if (doc.fiscalYears.length === 0) throw new Error('the plan has no fiscal years');
  return `${Math.min(...doc.fiscalYears)}-${Math.max(...doc.fiscalYears)}`;
}

/** Every project of a plan document, in document order (sequence 1..N). */
export function documentProjects(
  doc: PlanDocument,
): PlanDocument['dimensions'][number]['missions'][number]['projects'] {
  return doc.dimensions.flatMap((d) => d.missions.flatMap((m) => m.projects));
}

/**
 * What the public plan page would show for a document not yet published: the same summary the Worker
 * builds from the stored rows (lib/plan-summary.ts), built from the parsed document in the admin's
 * browser. Missions are numbered by position as the loader stores them.
 */
export function summaryOfDocument(
  doc: PlanDocument,
  org: { slug: string; name: string },
  key: string,
  now: number,
): PlanSummary {
  const dimensions = doc.dimensions.map((d, i) => ({ id: i + 1, number: d.number, name: d.name }));
  const missions = doc.dimensions.flatMap((d, i) =>
    d.missions.map((m) => ({
      dimensionId: i + 1,
      code: m.code,
      name: m.name,
      subMissions: m.subMissions,
      m,
    })),
  );
  const counts: { missionId: number; kind: 'project' | 'activity' | 'measure'; projects: number }[] = [];
  const budgets: { missionId: number; fiscalYear: number; amount: number }[] = [];
  for (const [i, { m }] of missions.entries()) {
    for (const p of m.projects) {
      counts.push({ missionId: i + 1, kind: p.kind, projects: 1 });
      for (const [year, amount] of Object.entries(p.budget))
        budgets.push({ missionId: i + 1, fiscalYear: Number(year), amount });
    }
  }
  const summary = buildSummary({
    fiscalYears: doc.fiscalYears,
    dimensions,
    missions: missions.map(({ m: _m, ...rest }, i) => ({ id: i + 1, ...rest })),
    counts,
    budgets,
    stated: doc.stated,
  });
  // Per canonical unit, as the Worker groups them: the document's other wordings and the project count.
  const units = new Map<string, { variants: string[]; projects: number }>();
  for (const p of documentProjects(doc)) {
    if (p.unitGroup === null) continue;
    const unit = units.get(p.unitGroup) ?? { variants: [], projects: 0 };
    unit.projects++;
    if (p.unit !== null && p.unit !== p.unitGroup && !unit.variants.includes(p.unit))
      unit.variants.push(p.unit);
    units.set(p.unitGroup, unit);
  }
  const years = [...doc.fiscalYears].sort((a, b) => a - b);
  return {
    ...summary,
    org,
    plan: {
      id: key,
      title: doc.title,
      fiscalYears: years,
      firstYear: years[0] ?? 0,
      lastYear: years[years.length - 1] ?? 0,
      status: planPeriodStatus(years, now),
      projects: summary.totals.projects,
      budgetTotal: summary.totals.budgetTotal,
      loadedAt: new Date(now).toISOString(),
    },
    units: [...units]
      .map(([unit, u]) => ({ unit, ...u }))
      // As SQLite orders them: most projects first, then by code point (its default BINARY collation).
      .sort((a, b) => b.projects - a.projects || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0)),
    discrepancies: doc.discrepancies,
  };
}

/** The document's projects as the public project list shows them (the id is the sequence). */
export function projectItemsOfDocument(doc: PlanDocument): ProjectListItem[] {
  return doc.dimensions.flatMap((d) =>
    d.missions.flatMap((m) =>
      m.projects.map((p) => ({
        id: p.sequence,
        ref: p.ref,
        number: p.number,
        name: p.name,
        kind: p.kind,
        dimension: d.number,
        mission: m.code,
        unit: p.unit,
        unitGroup: p.unitGroup,
        budget: Object.fromEntries(doc.fiscalYears.map((y) => [String(y), p.budget[String(y)] ?? 0])),
        budgetTotal: Object.values(p.budget).reduce((a, b) => a + b, 0),
      })),
    ),
  );
}
