export interface NumberedItem {
  number: number;
  scope: string;
}

export interface NumberingIssue {
  problem: 'repeat' | 'skip' | 'backwards';
  scope: string;
  /** Index (in the given list) of the item whose number breaks the sequence. */
  index: number;
  written: number;
  expected: number;
  /** The numbers as written in the scope, and as an unbroken sequence would have them. */
  sequence: number[];
  expectedSequence: number[];
}

/**
 * Whether items are numbered across the whole plan (1 … 41) or restart in each mission ((1), (2) … in every
 * mission): the latter when most missions after the first start again at 1.
 */
export function detectNumbering(items: { number: number; missionCode: string }[]): 'plan' | 'mission' {
  const firsts: number[] = [];
  let last: string | null = null;
  for (const item of items) {
    if (item.missionCode !== last) firsts.push(item.number);
    last = item.missionCode;
  }
  const later = firsts.slice(1);
  if (later.length === 0) return 'plan';
  return later.filter((n) => n === 1).length * 2 > later.length ? 'mission' : 'plan';
}

/**
 * Finds where a numbering repeats, skips or goes backwards. Items are checked in order within their scope
 * ("plan" or a mission code); each scope is expected to run 1, 2, 3 ….
 */
export function checkNumbering(items: NumberedItem[]): NumberingIssue[] {
  const issues: NumberingIssue[] = [];
  const scopes = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = scopes.get(item.scope) ?? [];
    list.push(i);
    scopes.set(item.scope, list);
  });
  for (const [scope, indexes] of scopes) {
    const sequence = indexes.map((i) => items[i]!.number);
    const expectedSequence = sequence.map((_, k) => k + 1);
    let previous = 0;
    indexes.forEach((index, k) => {
      const written = sequence[k]!;
      const expected = previous + 1;
      if (written !== expected) {
        const problem = written === previous ? 'repeat' : written > expected ? 'skip' : 'backwards';
        issues.push({ problem, scope, index, written, expected, sequence, expectedSequence });
      }
      previous = written;
    });
  }
  return issues;
}

/**
 * The reference of each table project: its number, or "mission(number)" when numbering restarts per mission.
 * A reference written twice (Trang's second "(2)") gets "#2" so every reference stays unique.
 */
export function projectRefs(
  projects: { order: number; number: number; missionCode: string }[],
  numbering: 'plan' | 'mission',
): (p: { order: number; number: number }) => string {
  const refs = new Map<number, string>();
  const seen = new Map<string, number>();
  for (const p of projects) {
    const base = numbering === 'plan' ? String(p.number) : `${p.missionCode}(${p.number})`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    refs.set(p.order, n === 1 ? base : `${base}#${n}`);
  }
  return (p) => refs.get(p.order) ?? String(p.number);
}
