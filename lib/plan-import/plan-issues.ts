import type { Discrepancy, StatedFigures } from '../../schema/contracts/plan-document';
import type { Orphan } from './budgets';

/**
 * Completes each `grouped-budget` entry with whether the dimension's own total row backs the detail amounts
 * that were used for the merged cell.
 */
export function explainGroupedBudgets(
  grouped: Discrepancy[],
  stated: StatedFigures,
  totalIssues: Discrepancy[],
) {
  for (const d of grouped) {
    if (d.kind !== 'grouped-budget' || d.dimension === null) continue;
    if (!stated.budgetByDimension[String(d.dimension)]) continue;
    const off = totalIssues.some((t) => t.kind === 'budget-total' && t.dimension === d.dimension);
    d.what += off
      ? ` Even so, dimension ${d.dimension} does not add up to its total row (see the budget-total entry).`
      : ` With these amounts dimension ${d.dimension} adds up to the total its own total row states.`;
  }
}

/** Budget rows with figures but no project name, which no project could take. */
export function orphanIssues(orphans: Orphan[], years: number[]): Discrepancy[] {
  return orphans
    .filter((o) => o.slot.some((v) => v !== 0))
    .map((o) => ({
      kind: 'unattributed-budget',
      where: `dimension ${o.dimension} / mission ${o.missionCode}`,
      what: `A budget row of mission ${o.missionCode} names no project, so its figures are not counted for any project.`,
      stated: Object.fromEntries(years.map((y, i) => [String(y), o.slot[i] ?? 0])),
      parsed: null,
      dimension: o.dimension,
      mission: o.missionCode,
      projects: [],
    }));
}

/** The title's year span against the summary table's year columns. */
export function fiscalYearIssues(span: { from: number; to: number } | null, years: number[]): Discrepancy[] {
  if (!span) return [];
  const spanYears = Array.from({ length: span.to - span.from + 1 }, (_, k) => span.from + k);
  if (spanYears.join() === years.join()) return [];
  return [
    {
      kind: 'fiscal-years',
      where: 'plan',
      what: `The title covers ${span.from}–${span.to}, but the summary table has columns for ${years.join(', ')}.`,
      stated: spanYears,
      parsed: years,
      dimension: null,
      mission: null,
      projects: [],
    },
  ];
}
