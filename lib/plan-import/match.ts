import { similarity } from './names';
import { compactForCompare } from './normalize';

export interface MatchCandidate {
  /** Name text reduced for comparison. */
  key: string;
  number: number | null;
  missionCode: string | null;
}

const STRONG = 0.45;
const WEAK = 0.2;

/** A name reduced for matching: the organisation's own name removed, since only one side may spell it out. */
export function matchKey(name: string, organization: string | null): string {
  const withoutOrg = organization ? name.split(organization).join('') : name;
  return compactForCompare(withoutOrg).replace(/ของ$/, '');
}

/**
 * Pairs summary-table projects with detail sections. Names decide (the detail section may order projects
 * differently from the table, as Trang's does); equal numbers and missions only break near-ties. A pair that
 * names do not support is still made when the numbering is plan-wide and both carry the same number.
 * Returns, per table index, the detail index or -1.
 */
export function matchDetails(
  table: MatchCandidate[],
  details: MatchCandidate[],
  planWideNumbers: boolean,
): number[] {
  const pairs: { t: number; d: number; score: number }[] = [];
  table.forEach((tp, t) => {
    details.forEach((dp, d) => {
      const sim = similarity(tp.key, dp.key);
      if (sim < WEAK) return;
      let score = sim;
      if (planWideNumbers && tp.number !== null && tp.number === dp.number) score += 0.1;
      if (tp.missionCode && tp.missionCode === dp.missionCode) score += 0.05;
      pairs.push({ t, d, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.t - b.t);
  const byTable = table.map(() => -1);
  const taken = new Set<number>();
  for (const { t, d, score } of pairs) {
    if (score < STRONG || byTable[t] !== -1 || taken.has(d)) continue;
    byTable[t] = d;
    taken.add(d);
  }
  if (planWideNumbers) {
    table.forEach((tp, t) => {
      if (byTable[t] !== -1 || tp.number === null) return;
      const d = details.findIndex((dp, i) => !taken.has(i) && dp.number === tp.number);
      if (d >= 0 && similarity(tp.key, details[d]!.key) >= WEAK) {
        byTable[t] = d;
        taken.add(d);
      }
    });
  }
  return byTable;
}
