import { complaintDeadlines } from '../../schema/contracts/complaint';
import { BANGKOK_OFFSET_MS, bangkokDate } from '../../lib/thai-date';
import { addWorkingDays, isWorkingDay } from './working-days';

/**
 * A complaint's deadlines in working days (domain brief, Trang plan): forward it to the responsible unit
 * within 1, tell the complainant it was received within 2, report the result within 15.
 *
 * The day of receipt does not count. A complaint that arrives while the office is closed (at or after
 * 16:30 Bangkok time, or any time on a weekend or holiday) counts as received on the next working day,
 * as a letter delivered after hours is registered the next morning: so a complaint sent on Friday
 * evening, Saturday or Sunday has the same deadlines as one handed in on Monday. One before 08:30 on a
 * working day counts as received that day (nobody could have acted on it sooner anyway).
 */

/** Bangkok wall-clock minute at which office hours end (16:30). */
export const OFFICE_CLOSES_MINUTE = 16 * 60 + 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A row of the holiday calendar as deadlines need it: its date and scope (null = national). */
export interface ClosedDay {
  date: string;
  orgId: number | null;
}

/** The dates an organisation is closed on: the national days and its own, never another's. */
export function closedDates(rows: Iterable<ClosedDay>, orgId: number): Set<string> {
  const out = new Set<string>();
  for (const r of rows) if (r.orgId === null || r.orgId === orgId) out.add(r.date);
  return out;
}

/** The Thai date a complaint received at `receivedAt` counts as received on (see the rule above). */
export function receiptDate(receivedAt: number, closed: ReadonlySet<string>): string {
  const date = bangkokDate(receivedAt);
  const minute = Math.floor(((receivedAt + BANGKOK_OFFSET_MS) % DAY_MS) / 60_000);
  if (isWorkingDay(date, closed) && minute < OFFICE_CLOSES_MINUTE) return date;
  return addWorkingDays(date, 1, closed);
}

/** Thai dates ("YYYY-MM-DD") a complaint is due to be forwarded, acknowledged and answered by. */
export interface ComplaintDueDates {
  forwardDueOn: string;
  acknowledgeDueOn: string;
  resultDueOn: string;
}

/** The deadlines of a complaint received at `receivedAt`, skipping weekends and the `closed` dates. */
export function complaintDueDates(receivedAt: number, closed: ReadonlySet<string>): ComplaintDueDates {
  const received = receiptDate(receivedAt, closed);
  return {
    forwardDueOn: addWorkingDays(received, complaintDeadlines.forwardDays, closed),
    acknowledgeDueOn: addWorkingDays(received, complaintDeadlines.acknowledgeDays, closed),
    resultDueOn: addWorkingDays(received, complaintDeadlines.resultDays, closed),
  };
}

/** Working days between two progress notices to a complainant while the case is open (domain brief). */
export const PROGRESS_EVERY_WORKING_DAYS = 15;

/**
 * The next progress date after `today`, stepping 15 working days from `dueOn` (the date the notice being
 * sent was due): a cron that missed days still promises a date in the future, never one already past.
 */
export function nextProgressDate(dueOn: string, today: string, closed: ReadonlySet<string>): string {
  let next = addWorkingDays(dueOn, PROGRESS_EVERY_WORKING_DAYS, closed);
  while (next <= today) next = addWorkingDays(next, PROGRESS_EVERY_WORKING_DAYS, closed);
  return next;
}
