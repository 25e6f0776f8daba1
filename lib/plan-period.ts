// Where a plan stands in time, shared by the worker (the plan API) and the LIFF app (pure, no dependencies).
import { fiscalYearOf } from './fiscal-year';

/** A plan covering the current fiscal year, one whose last fiscal year has passed, or one not yet begun. */
export type PlanPeriodStatus = 'current' | 'ended' | 'upcoming';

/**
 * Whether a plan's period is current, ended or upcoming on `today` (an instant), by the Thai fiscal year
 * (1 October to 30 September, Bangkok time) that contains it: ended once the day after the last fiscal
 * year's 30 September has begun. A plan without fiscal years is taken as current (nothing says otherwise).
 */
export function planPeriodStatus(fiscalYears: readonly number[], today: Date | number): PlanPeriodStatus {
  if (fiscalYears.length === 0) return 'current';
  const year = fiscalYearOf(typeof today === 'number' ? today : today.getTime());
  if (year > Math.max(...fiscalYears)) return 'ended';
  if (year < Math.min(...fiscalYears)) return 'upcoming';
  return 'current';
}

const order: Record<PlanPeriodStatus, number> = { current: 0, upcoming: 1, ended: 2 };

/**
 * An organisation's plans in the order to offer them: the current one first, then upcoming, then ended,
 * each group newest period first. Stable, so equal plans keep the order they came in.
 */
export function byPlanPeriod<P extends { status: PlanPeriodStatus; firstYear: number; lastYear: number }>(
  plans: readonly P[],
): P[] {
  return [...plans].sort(
    (a, b) => order[a.status] - order[b.status] || b.lastYear - a.lastYear || b.firstYear - a.firstYear,
  );
}
