import { BANGKOK_OFFSET_MS, bangkokDate } from '../../lib/thai-date';
import type { ReportPeriod } from '../../schema/contracts/staff-report';

export interface PeriodBounds {
  /** Thai calendar dates, both inclusive. */
  from: string;
  to: string;
  /** The same as instants: [fromMs, toMs). */
  fromMs: number;
  toMs: number;
}

const startOf = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) - BANGKOK_OFFSET_MS;
const iso = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
const dayBefore = (isoDate: string) => bangkokDate(startOf(isoDate) - 1);

/**
 * The Bangkok calendar bounds of a report period at `now`: this month so far, the whole of last month,
 * or the Thai fiscal year so far (from 1 October). Pure.
 */
export function periodBounds(kind: ReportPeriod, now: number): PeriodBounds {
  const today = bangkokDate(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const thisMonth = iso(y, m);
  let from: string;
  let to: string;
  if (kind === 'month') {
    from = thisMonth;
    to = today;
  } else if (kind === 'last_month') {
    from = m === 1 ? iso(y - 1, 12) : iso(y, m - 1);
    to = dayBefore(thisMonth);
  } else {
    from = m >= 10 ? iso(y, 10) : iso(y - 1, 10);
    to = today;
  }
  return { from, to, fromMs: startOf(from), toMs: startOf(to) + 24 * 60 * 60 * 1000 };
}

/** "YYYY-MM" of the month before `now` (Bangkok): the key of the monthly report sent at `now`. */
export function previousMonthKey(now: number): string {
  return periodBounds('last_month', now).from.slice(0, 7);
}
