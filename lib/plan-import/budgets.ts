import type { AttributionInput, AttributionResult } from './budget-types';
import { type GroupContext, resolveGroup } from './budget-groups';
import type { AlignmentRow, Segment } from './table-structure';
import { splitUnits } from './units';

export type { Attribution, AttributionInput, AttributionResult, Orphan } from './budget-types';

/**
 * How many leading rows of a segment have their figures shifted one row up: the run starts with figures on a
 * row that names no project (a heading row) and ends at the first project row without figures where projects
 * and figures are as many. 0 when the segment does not start that way.
 */
function shiftedRun(rows: AlignmentRow[]): number {
  if (rows.length === 0 || rows[0]!.projects.length > 0 || rows[0]!.slots.length === 0) return 0;
  let projects = 0;
  let slots = 0;
  for (const [i, row] of rows.entries()) {
    projects += row.projects.length;
    slots += row.slots.length;
    if (projects > 0 && projects === slots && row.projects.length > 0 && row.slots.length === 0) return i + 1;
  }
  return 0;
}

/**
 * Attributes the summary table's figures to projects. Inside a segment with as many figures as projects they
 * pair in order, even when a converter shifted the figures onto the row above (Lampang 1.1.1); a shifted run
 * at the start of a longer segment pairs the same way. Otherwise each row and its continuation rows are taken
 * together (`resolveGroup`).
 */
export function attributeBudgets(input: AttributionInput): AttributionResult {
  const { refOf } = input;
  const result: AttributionResult = { byOrder: new Map(), orphans: [], notes: [], discrepancies: [] };
  const ctx: GroupContext = {
    input,
    result,
    set: (p, budget, source, unit) => {
      result.byOrder.set(p.order, { budget, source, unit });
    },
    orphan: (segment, row, slot) => {
      const units = splitUnits(row.remark);
      result.orphans.push({
        dimension: segment.dimension,
        missionCode: segment.missionCode,
        line: row.line,
        slot,
        unit: units.length === 1 ? units[0]! : null,
      });
    },
  };

  const pairInOrder = (rows: AlignmentRow[], segment: Segment) => {
    const projects = rows.flatMap((r) => r.projects);
    const slots = rows.flatMap((r, ri) => r.slots.map((slot, si) => ({ slot, ri, si })));
    let offset = false;
    projects.forEach((p, i) => {
      const s = slots[i]!;
      const row = rows[s.ri]!;
      const rowUnits = splitUnits(row.remark);
      const unit = rowUnits.length === row.slots.length ? (rowUnits[s.si] ?? null) : null;
      ctx.set(p, s.slot, 'summary', unit);
      const projectRow = rows.findIndex((r) => r.projects.includes(p));
      if (s.ri < projectRow && row.projects.length === 0 && rows[projectRow]!.slots.length > 0) offset = true;
    });
    if (offset) {
      result.notes.push(
        `Mission ${segment.missionCode}: the budget rows sit one row above the project names (the first ` +
          `figures are on a heading row); figures were paired with projects ${projects.map(refOf).join(', ')} in order.`,
      );
    }
  };

  for (const segment of input.segments) {
    const projects = segment.rows.flatMap((r) => r.projects);
    const slots = segment.rows.flatMap((r) => r.slots);
    if (projects.length > 0 && slots.length === projects.length) {
      pairInOrder(segment.rows, segment);
      continue;
    }
    const shifted = shiftedRun(segment.rows);
    if (shifted > 0) pairInOrder(segment.rows.slice(0, shifted), segment);
    let group: AlignmentRow[] = [];
    const flush = () => {
      if (group.length > 0) resolveGroup(ctx, group, segment);
      group = [];
    };
    for (const row of segment.rows.slice(shifted)) {
      if (row.projects.length > 0) flush();
      if (row.projects.length === 0 && group.length === 0) {
        for (const slot of row.slots) ctx.orphan(segment, row, slot);
        continue;
      }
      group.push(row);
    }
    flush();
  }
  return result;
}
