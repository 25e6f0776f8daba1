import type { Discrepancy } from '../../schema/contracts/plan-document';
import type { DetailAmount } from './numbers';
import type { AlignmentRow, DraftProject, Segment } from './table-structure';
import { splitUnits } from './units';

export interface Attribution {
  /** Per plan year (model order). */
  budget: number[];
  source: 'summary' | 'detail' | 'none';
  unit: string | null;
}

export interface Orphan {
  dimension: number;
  missionCode: string;
  line: number;
  slot: number[];
  unit: string | null;
}

export interface AttributionResult {
  byOrder: Map<number, Attribution>;
  orphans: Orphan[];
  notes: string[];
  discrepancies: Discrepancy[];
}

/** What the budget attribution needs from the rest of the plan. */
export interface AttributionInput {
  years: number[];
  segments: Segment[];
  /** The detail section's stated amount per project order; missing when no detail section matched. */
  detailAmounts: Map<number, DetailAmount>;
  /** How a project is referred to in messages ("9", "3.3(2)"). */
  refOf: (p: DraftProject) => string;
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
 * Attributes the summary table's figures to projects. Inside a segment with as many figures as projects they
 * pair in order, even when a converter shifted the figures onto the row above (Lampang 1.1.1). Otherwise each
 * row and its continuation rows are taken together; a merged cell with fewer figures than projects is resolved
 * with the detail sections' amounts, and any figure the text cannot pin to one project is reported.
 */
export function attributeBudgets(input: AttributionInput): AttributionResult {
  const { years, refOf } = input;
  const result: AttributionResult = { byOrder: new Map(), orphans: [], notes: [], discrepancies: [] };
  const zero = () => years.map(() => 0);
  const set = (
    p: DraftProject,
    budget: number[],
    source: Attribution['source'],
    unit: string | null,
  ): void => {
    result.byOrder.set(p.order, { budget, source, unit });
  };

  for (const segment of input.segments) {
    const projects = segment.rows.flatMap((r) => r.projects);
    const slots = segment.rows.flatMap((r, ri) => r.slots.map((slot, si) => ({ slot, ri, si })));
    if (projects.length > 0 && slots.length === projects.length) {
      let offset = false;
      projects.forEach((p, i) => {
        const s = slots[i]!;
        const row = segment.rows[s.ri]!;
        const rowUnits = splitUnits(row.remark);
        const unit = rowUnits.length === row.slots.length ? (rowUnits[s.si] ?? null) : null;
        set(p, s.slot, 'summary', unit);
        const projectRow = segment.rows.findIndex((r) => r.projects.includes(p));
        if (s.ri < projectRow && row.projects.length === 0 && segment.rows[projectRow]!.slots.length > 0) {
          offset = true;
        }
      });
      if (offset) {
        result.notes.push(
          `Mission ${segment.missionCode}: the budget rows sit one row above the project names (the first ` +
            `figures are on a heading row); figures were paired with projects ${projects.map(refOf).join(', ')} in order.`,
        );
      }
      continue;
    }
    let group: AlignmentRow[] = [];
    const flush = () => {
      if (group.length > 0) resolveGroup(group, segment);
      group = [];
    };
    for (const row of segment.rows) {
      if (row.projects.length > 0) flush();
      if (row.projects.length === 0 && group.length === 0) {
        for (const slot of row.slots) orphan(segment, row, slot);
        continue;
      }
      group.push(row);
    }
    flush();
  }
  return result;

  function orphan(segment: Segment, row: AlignmentRow, slot: number[]) {
    const units = splitUnits(row.remark);
    result.orphans.push({
      dimension: segment.dimension,
      missionCode: segment.missionCode,
      line: row.line,
      slot,
      unit: units.length === 1 ? units[0]! : null,
    });
  }

  function resolveGroup(rows: AlignmentRow[], segment: Segment) {
    const projects = rows.flatMap((r) => r.projects);
    const slots = rows.flatMap((r) => r.slots);
    const units = unitsFor(rows, projects.length);
    if (slots.length >= projects.length) {
      for (const [i, p] of projects.entries()) set(p, slots[i]!, 'summary', units[i] ?? null);
      for (const extra of slots.slice(projects.length)) orphan(segment, rows[rows.length - 1]!, extra);
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
}
