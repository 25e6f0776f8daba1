import { describe, expect, it } from 'vitest';
import { attributeBudgets } from '../../../lib/plan-import/budgets';
import type { DetailAmount } from '../../../lib/plan-import/numbers';
import type { AlignmentRow, DraftProject, Segment } from '../../../lib/plan-import/table-structure';

let order = 0;
const project = (number: number): DraftProject => ({
  order: ++order,
  number,
  text: `โครงการ ${number}`,
  dimension: 1,
  missionCode: '1.1',
  subMissionCode: null,
});
const rowOf = (projects: DraftProject[], slots: number[][], remark = ''): AlignmentRow => ({
  line: 0,
  projects,
  slots,
  remark,
});
const run = (rows: AlignmentRow[], amounts: [DraftProject, number | null][] = []) => {
  const segment: Segment = { dimension: 1, missionCode: '1.1', rows };
  const detailAmounts = new Map<number, DetailAmount>(
    amounts.map(([p, amount]) => [p.order, { amount, perYear: null }]),
  );
  return attributeBudgets({
    years: [2566, 2567],
    segments: [segment],
    detailAmounts,
    refOf: (p) => String(p.number),
  });
};

describe('budget attribution', () => {
  it('pairs a cell of three projects with its three budget rows', () => {
    const [a, b, c] = [project(1), project(2), project(3)];
    const result = run([rowOf([a, b, c], [[200000, 200000]]), rowOf([], [[0, 0]]), rowOf([], [[0, 0]])]);
    expect([a, b, c].map((p) => result.byOrder.get(p.order)?.budget)).toEqual([
      [200000, 200000],
      [0, 0],
      [0, 0],
    ]);
    expect(result.notes).toEqual([]);
  });

  it('pairs figures offset one row above their projects, and says so', () => {
    const [a, b] = [project(1), project(2)];
    const result = run([rowOf([], [[100, 100]], 'สำนักช่าง'), rowOf([a], [[0, 0]], 'กองคลัง'), rowOf([b], [])]);
    expect(result.byOrder.get(a.order)).toEqual({ budget: [100, 100], source: 'summary', unit: 'สำนักช่าง' });
    expect(result.byOrder.get(b.order)?.budget).toEqual([0, 0]);
    expect(result.notes[0]).toMatch(/one row above/);
  });

  it('gives a merged cell’s single figure to the one project whose detail section has a budget', () => {
    const ps = [project(4), project(5), project(6)];
    const result = run(
      [rowOf(ps, [[50000, 50000]], 'สป. กวช. กวช.')],
      [
        [ps[0]!, 0],
        [ps[1]!, 50000],
        [ps[2]!, 0],
      ],
    );
    expect(ps.map((p) => result.byOrder.get(p.order)?.budget)).toEqual([
      [0, 0],
      [50000, 50000],
      [0, 0],
    ]);
    expect(ps.map((p) => result.byOrder.get(p.order)?.unit)).toEqual(['สป.', 'กวช.', 'กวช.']);
    expect(result.discrepancies).toEqual([]);
  });

  it('uses detail amounts when more projects of a merged cell have a budget than the cell has figures', () => {
    const ps = [project(9), project(10)];
    const result = run(
      [rowOf(ps, [[50000, 0]])],
      [
        [ps[0]!, 50000],
        [ps[1]!, 50000],
      ],
    );
    expect(ps.map((p) => result.byOrder.get(p.order))).toEqual([
      { budget: [50000, 0], source: 'detail', unit: null },
      { budget: [50000, 0], source: 'detail', unit: null },
    ]);
    expect(result.discrepancies).toHaveLength(1);
    expect(result.discrepancies[0]).toMatchObject({
      kind: 'grouped-budget',
      stated: { '2566': 50000, '2567': 0 },
      parsed: { '2566': 100000, '2567': 0 },
      projects: ['9', '10'],
    });
  });

  it('gives an unresolvable merged figure to the first project and notes it', () => {
    const ps = [project(1), project(2)];
    const result = run([rowOf(ps, [[7, 7]])]);
    expect(result.byOrder.get(ps[0]!.order)?.budget).toEqual([7, 7]);
    expect(result.byOrder.get(ps[1]!.order)?.budget).toEqual([0, 0]);
    expect(result.notes[0]).toMatch(/no detail amounts/);
  });

  it('keeps budget rows that name no project as orphans', () => {
    const result = run([rowOf([], [[0, 0]], 'กองการเจ้าหน้าที่'), rowOf([], [[5, 0]])]);
    expect(result.orphans.map((o) => [o.slot, o.unit])).toEqual([
      [[0, 0], 'กองการเจ้าหน้าที่'],
      [[5, 0], null],
    ]);
  });
});
