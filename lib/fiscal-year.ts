// Thai fiscal years, shared by the worker and the LIFF app (pure: no I/O, no dependencies).
/** Thailand keeps UTC+7 all year (no daylight saving). */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const BE_OFFSET = 543;

/**
 * The Thai fiscal year (Buddhist Era) containing an instant: 1 October to 30 September, named by the
 * year in which it ends, by the calendar in Thailand (1 Oct 00:00 Bangkok is still 30 Sep in UTC).
 */
export function fiscalYearOf(epochMs: number): number {
  const local = new Date(epochMs + BANGKOK_OFFSET_MS);
  const year = local.getUTCFullYear();
  const endsIn = local.getUTCMonth() >= 9 ? year + 1 : year;
  return endsIn + BE_OFFSET;
}

/** The year of `years` closest to `target` (the later one on a tie); null when there are none. */
export function nearestYear(years: readonly number[], target: number): number | null {
  let best: number | null = null;
  for (const year of years) {
    if (best === null) {
      best = year;
      continue;
    }
    const d = Math.abs(year - target);
    const bestD = Math.abs(best - target);
    if (d < bestD || (d === bestD && year > best)) best = year;
  }
  return best;
}
