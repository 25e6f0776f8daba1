import { normalizeSearch } from './search-text';

export interface RankCandidate {
  name: string;
  alternateNames: string[];
  unit: string | null;
  unitExpanded: string | null;
  /** The unit's one name across the plan ("กองวิชาการและแผนงาน" for "กวช."). */
  unitGroup: string | null;
}

/** Leading words that do not tell projects apart: people search "อบรม", not "โครงการอบรม". */
const LEAD_WORDS = /^(โครงการ|กิจกรรม|มาตรการ)+/;
const core = (text: string) => normalizeSearch(text).replace(LEAD_WORDS, '');

/**
 * How well a project matches a search, 0 = not at all. Higher is better: the whole query as the name,
 * then as the start of the name, inside the name (earlier is better), inside an alternate name, in the
 * responsible unit; last, every space-separated term somewhere. Pure, so the ranking is tested as a table.
 */
export function matchScore(query: string, candidate: RankCandidate): number {
  const terms = query.split(/\s+/).map(normalizeSearch).filter(Boolean);
  if (terms.length === 0) return 0;
  // "มาตรการ" alone is still a search: then only the every-term rule below can match.
  const whole = core(query);
  const name = core(candidate.name);
  const alternates = candidate.alternateNames.map(core);
  const units = [candidate.unit, candidate.unitExpanded, candidate.unitGroup]
    .filter((u): u is string => !!u)
    .map(normalizeSearch);

  if (whole) {
    if (name === whole) return 1000;
    if (name.startsWith(whole)) return 900;
    const at = name.indexOf(whole);
    if (at >= 0) return 800 - Math.min(at, 99);
    if (alternates.some((a) => a === whole || a.startsWith(whole))) return 650;
    if (alternates.some((a) => a.includes(whole))) return 600;
    if (units.some((u) => u.includes(whole))) return 400;
  }
  const fields = [
    normalizeSearch(candidate.name),
    ...candidate.alternateNames.map(normalizeSearch),
    ...units,
  ];
  if (terms.every((t) => fields.some((f) => f.includes(t)))) return 200;
  return 0;
}

/** The candidates that match, best first; ties keep their input order (callers pass plan order). */
export function rankProjects<T extends RankCandidate>(query: string, candidates: readonly T[]): T[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, score: matchScore(query, candidate) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r) => r.candidate);
}
