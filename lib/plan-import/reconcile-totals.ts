import type {
  Discrepancy,
  KindCounts,
  ParsedTotals,
  PlanDimension,
  StatedFigures,
  YearAmounts,
} from '../../schema/contracts/plan-document';

/** Adds up the parsed structure: projects and kinds per dimension, budget per dimension and year. */
export function computeTotals(dimensions: PlanDimension[], years: number[]): ParsedTotals {
  const totals: ParsedTotals = {
    projects: 0,
    projectsByDimension: {},
    kindsByDimension: {},
    budgetByDimension: {},
    budgetTotal: Object.fromEntries(years.map((y) => [String(y), 0])),
  };
  for (const dim of dimensions) {
    const key = String(dim.number);
    const kinds: KindCounts = { project: 0, activity: 0, measure: 0 };
    const budget: YearAmounts = Object.fromEntries(years.map((y) => [String(y), 0]));
    let count = 0;
    for (const project of dim.missions.flatMap((m) => m.projects)) {
      count++;
      kinds[project.kind]++;
      for (const y of years) {
        const amount = project.budget[String(y)] ?? 0;
        budget[String(y)] = (budget[String(y)] ?? 0) + amount;
        totals.budgetTotal[String(y)] = (totals.budgetTotal[String(y)] ?? 0) + amount;
      }
    }
    totals.projects += count;
    totals.projectsByDimension[key] = count;
    totals.kindsByDimension[key] = kinds;
    totals.budgetByDimension[key] = budget;
  }
  return totals;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Years where a stated per-year map and a parsed one differ, counting a year the statement leaves out. */
function differingYears(stated: YearAmounts, parsed: YearAmounts, years: number[]): number[] {
  return years.filter((y) => {
    const s = stated[String(y)];
    const p = parsed[String(y)] ?? 0;
    return s === undefined ? p !== 0 : s !== p;
  });
}

function describeYears(stated: YearAmounts, parsed: YearAmounts, years: number[]): string {
  return years
    .map((y) => {
      const s = stated[String(y)];
      return `${y}: stated ${s === undefined ? 'nothing' : fmt(s)}, parsed ${fmt(parsed[String(y)] ?? 0)}`;
    })
    .join('; ');
}

function entry(
  kind: Discrepancy['kind'],
  where: string,
  what: string,
  stated: Discrepancy['stated'],
  parsed: Discrepancy['parsed'],
  dimension: number | null,
): Discrepancy {
  return { kind, where, what, stated, parsed, dimension, mission: null, projects: [] };
}

/** Compares the document's stated counts and budgets with the parsed totals, and the statements with each other. */
export function reconcileTotals(stated: StatedFigures, totals: ParsedTotals, years: number[]): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const [key, count] of Object.entries(stated.projectsByDimension)) {
    const parsed = totals.projectsByDimension[key] ?? 0;
    if (parsed !== count) {
      out.push(
        entry(
          'project-count',
          `dimension ${key}`,
          `Dimension ${key} states ${count} projects; ${parsed} were found.`,
          count,
          parsed,
          Number(key),
        ),
      );
    }
  }
  for (const [key, kinds] of Object.entries(stated.kindsByDimension)) {
    const parsed = totals.kindsByDimension[key];
    if (!parsed) continue;
    if (
      kinds.project !== parsed.project ||
      kinds.activity !== parsed.activity ||
      kinds.measure !== parsed.measure
    ) {
      out.push(
        entry(
          'kind-count',
          `dimension ${key}`,
          `Dimension ${key}'s total row counts ${kinds.project} projects, ${kinds.activity} activities, ` +
            `${kinds.measure} measures; the names listed are ${parsed.project} projects, ${parsed.activity} ` +
            `activities, ${parsed.measure} measures (kind read from each name's first word).`,
          kinds,
          parsed,
          Number(key),
        ),
      );
    }
  }
  if (stated.projects !== null && stated.projects !== totals.projects) {
    out.push(
      entry(
        'project-count',
        'plan',
        `The plan states ${stated.projects} projects; ${totals.projects} were found.`,
        stated.projects,
        totals.projects,
        null,
      ),
    );
  }
  const dimSum = Object.values(stated.projectsByDimension).reduce((a, b) => a + b, 0);
  if (
    stated.projects !== null &&
    Object.keys(stated.projectsByDimension).length > 0 &&
    dimSum !== stated.projects
  ) {
    out.push(
      entry(
        'stated-inconsistent',
        'plan',
        `The dimensions' stated counts add up to ${dimSum}, but the plan's stated total is ${stated.projects}.`,
        stated.projects,
        dimSum,
        null,
      ),
    );
  }
  for (const [key, budget] of Object.entries(stated.budgetByDimension)) {
    const parsed = totals.budgetByDimension[key] ?? {};
    const diff = differingYears(budget, parsed, years);
    if (diff.length > 0) {
      out.push(
        entry(
          'budget-total',
          `dimension ${key}`,
          `Dimension ${key}'s total row differs from the sum of its projects in ${diff.join(', ')} (${describeYears(budget, parsed, diff)}).`,
          budget,
          parsed,
          Number(key),
        ),
      );
    }
  }
  if (stated.budgetTotal) {
    const diff = differingYears(stated.budgetTotal, totals.budgetTotal, years);
    if (diff.length > 0) {
      out.push(
        entry(
          'budget-total',
          'plan',
          `The grand total row differs from the sum of all projects in ${diff.join(', ')} (${describeYears(stated.budgetTotal, totals.budgetTotal, diff)}).`,
          stated.budgetTotal,
          totals.budgetTotal,
          null,
        ),
      );
    }
    const dims = Object.values(stated.budgetByDimension);
    if (dims.length > 0 && dims.length === Object.keys(stated.projectsByDimension).length) {
      const sum: YearAmounts = Object.fromEntries(
        years.map((y) => [String(y), dims.reduce((a, d) => a + (d[String(y)] ?? 0), 0)]),
      );
      const inner = differingYears(stated.budgetTotal, sum, years);
      if (inner.length > 0) {
        out.push(
          entry(
            'stated-inconsistent',
            'plan',
            `The grand total row does not equal the sum of the dimensions' total rows in ${inner.join(', ')}.`,
            stated.budgetTotal,
            sum,
            null,
          ),
        );
      }
    }
  }
  return out;
}
