import type { ComplaintStatus, ComplaintTrack } from '../../schema/contracts/complaint';
import type { ReminderPolicy } from '../../schema/contracts/staff';
import { BANGKOK_OFFSET_MS, bangkokDate } from '../../lib/thai-date';
import { isWorkingDay } from '../calendar/working-days';
import type { Involvement } from '../cases/involvement-policy';

/**
 * Overdue reminders, decided without I/O: when they are due, who hears of which late case, and how
 * late it is. The cron does the reading and sending (worker/notices/reminders.ts).
 */

/** Bangkok wall-clock minute after which a working day's reminders go out (the start of office hours). */
const REMINDER_MINUTE = 8 * 60 + 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** True from 08:30 in Bangkok until midnight: office hours have begun. */
export const afterReminderTime = (now: number) =>
  Math.floor(((now + BANGKOK_OFFSET_MS) % DAY_MS) / 60_000) >= REMINDER_MINUTE;

/** Today's date when reminders are due at `now`: a working day, at or after 08:30 in Bangkok. */
export function reminderDay(now: number, holidays: ReadonlySet<string>): string | null {
  const today = bangkokDate(now);
  return afterReminderTime(now) && isWorkingDay(today, holidays) ? today : null;
}

/** True when `today` is the week's first working day (Monday, or later after holidays). */
export function firstWorkingDayOfWeek(today: string, holidays: ReadonlySet<string>): boolean {
  if (!isWorkingDay(today, holidays)) return false;
  const t = Date.parse(`${today}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0
  for (let back = 1; back <= weekday; back++) {
    if (isWorkingDay(new Date(t - back * DAY_MS).toISOString().slice(0, 10), holidays)) return false;
  }
  return true;
}

/**
 * Who is reminded today under a policy: handlers daily (or weekly), executives once a week (their
 * summary is the escalation of what stays late), nobody when off.
 */
export function audienceToday(
  policy: ReminderPolicy,
  today: string,
  holidays: ReadonlySet<string>,
): { handlers: boolean; executives: boolean } {
  if (policy === 'off') return { handlers: false, executives: false };
  const weekly = firstWorkingDayOfWeek(today, holidays);
  return { handlers: policy === 'daily' || weekly, executives: weekly };
}

export interface LateCase {
  id: number;
  version: number;
  code: string;
  track: ComplaintTrack;
  status: ComplaintStatus;
  categoryName: string;
  unitId: number | null;
  unitName: string | null;
  assigneeId: number | null;
  forwardDueOn: string | null;
  acknowledgeDueOn: string;
  resultDueOn: string;
  involvement: Involvement;
}

/** The people who may hear of late cases: staff ids with their roles and units. */
export interface Handlers {
  integrity: number[];
  admins: number[];
  officers: { id: number; unitIds: readonly number[] }[];
}

/**
 * Late cases per person to remind: the owner; without one, the integrity officers (corruption) or the
 * officers of the case's unit, else the admins (grievances). One list per person: one push each.
 */
export function groupByHandler(cases: LateCase[], people: Handlers): Map<number, LateCase[]> {
  const out = new Map<number, LateCase[]>();
  const add = (id: number, c: LateCase) => out.set(id, [...(out.get(id) ?? []), c]);
  for (const c of cases) {
    let to: number[];
    if (c.assigneeId !== null) to = [c.assigneeId];
    else if (c.track === 'corruption') to = people.integrity;
    else {
      const unit = c.unitId === null ? [] : people.officers.filter((o) => o.unitIds.includes(c.unitId!));
      to = unit.length > 0 ? unit.map((o) => o.id) : people.admins;
    }
    for (const id of to) add(id, c);
  }
  return out;
}
