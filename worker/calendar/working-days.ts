import { bangkokDate } from '../../lib/thai-date';

/**
 * Working days (วันทำการ) in Thailand: Monday to Friday, except public holidays, which are data (the
 * `holidays` table) because they change every year. Dates are Thai calendar dates ("YYYY-MM-DD"),
 * whatever the server's time zone.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

function weekday(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** True for a weekday that is not a listed holiday. */
export function isWorkingDay(isoDate: string, holidays: ReadonlySet<string>): boolean {
  const day = weekday(isoDate);
  return day !== 0 && day !== 6 && !holidays.has(isoDate);
}

/**
 * The date `n` working days after `start` (an instant, taken as its Thai date, or a "YYYY-MM-DD"): the
 * day of receipt does not count, each following working day counts one. Received on a Friday, 2 working
 * days is the Tuesday; received on a Saturday, also the Tuesday.
 */
export function addWorkingDays(start: number | string, n: number, holidays: Iterable<string> = []): string {
  const closed = new Set(holidays);
  let date = typeof start === 'number' ? bangkokDate(start) : start;
  let left = n;
  while (left > 0) {
    date = nextDay(date);
    if (isWorkingDay(date, closed)) left--;
  }
  return date;
}

/** The window of calendar dates a deadline of `n` working days from `start` can reach (for loading holidays). */
export function deadlineWindow(start: number, n: number): { from: string; to: string } {
  // Thai holiday runs (Songkran, New Year) never close more than about a week at once; doubling is ample.
  return { from: bangkokDate(start), to: bangkokDate(start + (n * 2 + 14) * DAY_MS) };
}
