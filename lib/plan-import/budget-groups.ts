import type { AlignmentRow, DraftProject, Segment } from './table-structure';
import type { Attribution, AttributionInput, AttributionResult } from './budget-types';
import { splitUnits } from './units';

/** What resolving one group of rows needs from the attribution under way. */
export interface GroupContext {
  input: AttributionInput;
  result: AttributionResult;
  set: (p: DraftProject, budget: number[], source: Attribution['source'], unit: string | null) => void;
  orphan: (segment: Segment, row: AlignmentRow, slot: number[]) => void;
}

const isZero = (slot: number[]) => slot.every((v) => v === 0);
const sumSlots = (slots: number[][], n: number) =>
  Array.from({ length: n }, (_, y) => slots.reduce((a, s) => a + (s[y] ?? 0), 0));

function unitsFor(rows: AlignmentRow[], count: number): (string | null)[] {
  const units = splitUnits(rows.map((r) => r.remark).join(' '));
  if (units.length === count) return units;
  if (units.length === 1) return Array.from({ length: count }, () => units[0]!);
  return Array.from({ length: count }, () => null);
}

function perYearMap(years: number[], values: number[]): Record<string, number> {
  return Object.fromEntries(years.map((y, i) => [String(y), values[i] ?? 0]));
}

/**
 * Attributes the figures of one project row and its continuation rows. A merged cell with fewer figures than
 * projects is resolved with the detail sections' amounts; what the text cannot pin to one project is reported.
 */
export function resolveGroup(ctx: GroupContext, rows: AlignmentRow[], segment: Segment): void {
  const { input, result, set } = ctx;
  const { years, refOf } = input;
  const zero = () => years.map(() => 0);
  const projects = rows.flatMap((r) => r.projects);
  const slots = rows.flatMap((r) => r.slots);
  const units = unitsFor(rows, projects.length);
  if (slots.length >= projects.length) {
    for (const [i, p] of projects.entries()) set(p, slots[i]!, 'summary', units[i] ?? null);
    for (const extra of slots.slice(projects.length)) ctx.orphan(segment, rows[rows.length - 1]!, extra);
    return;
  }
  if (slots.length === 0) {
    for (const [i, p] of projects.entries()) set(p, zero(), 'none', units[i] ?? null);
    return;
  }
  const figures = slots.filter((s) => !isZero(s));
  if (figures.length === 0) {
    for (const [i, p] of projects.entries()) set(p, zero(), 'summary', units[i] ?? null);
    return;
  }
  const amounts = projects.map((p) => input.detailAmounts.get(p.order)?.amount ?? null);
  const budgeted = projects.filter((_, i) => (amounts[i] ?? 0) > 0);
  const unknown = amounts.some((a) => a === null);
  const refs = projects.map(refOf).join(', ');
  const where = `dimension ${segment.dimension} / mission ${segment.missionCode} / projects ${refs}`;
  if (!unknown && budgeted.length === figures.length) {
    projects.forEach((p, i) => {
      const k = budgeted.indexOf(p);
      set(p, k >= 0 ? figures[k]! : zero(), 'summary', units[i] ?? null);
    });
    result.notes.push(
      `${where}: one merged cell with ${figures.length} budget figure(s) for ${projects.length} projects; ` +
        `attributed to ${budgeted.map(refOf).join(', ')}, the only one(s) whose detail section states a budget.`,
    );
    return;
  }
  if (!unknown && budgeted.length > figures.length) {
    const active = years.map((_, y) => figures.some((s) => (s[y] ?? 0) !== 0));
    projects.forEach((p, i) => {
      const detail = input.detailAmounts.get(p.order);
      const budget = years.map((year, y) => {
        if (!active[y]) return 0;
        return detail?.perYear?.[String(year)] ?? amounts[i] ?? 0;
      });
      set(p, budget, (amounts[i] ?? 0) > 0 ? 'detail' : 'summary', units[i] ?? null);
    });
    const stated = sumSlots(figures, years.length);
    const parsed = sumSlots(
      projects.map((p) => result.byOrder.get(p.order)!.budget),
      years.length,
    );
    result.discrepancies.push({
      kind: 'grouped-budget',
      where,
      what:
        `The summary table gives ${figures.length} budget figure(s) for the merged cell of projects ${refs}, ` +
        `but ${budgeted.length} of them (${budgeted.map(refOf).join(', ')}) state a budget in their detail ` +
        'sections; each project was given its detail amount in the years the row has a figure.',
      stated: perYearMap(years, stated),
      parsed: perYearMap(years, parsed),
      dimension: segment.dimension,
      mission: segment.missionCode,
      projects: projects.map(refOf),
    });
    return;
  }
  for (const [i, p] of projects.entries()) set(p, figures[i] ?? zero(), 'summary', units[i] ?? null);
  result.notes.push(
    `${where}: one merged cell with ${figures.length} budget figure(s) for ${projects.length} projects and ` +
      'no detail amounts to tell them apart; figures were given to the first project(s) in order.',
  );
}
