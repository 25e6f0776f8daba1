import { bangkokDate } from '../../lib/thai-date';
import { PROGRESS_EVERY_WORKING_DAYS } from '../calendar/deadlines';
import { closedDatesBetween } from '../calendar/holidays-data';
import { addWorkingDays } from '../calendar/working-days';
import type { Db } from '../db/client';

const DAY_MS = 86_400_000;

/** The next progress date of a case that opens again at `now`: 15 working days on, its own days off counted. */
export async function progressRestart(db: Db, orgId: number, now: number): Promise<string> {
  const closed = await closedDatesBetween(db, orgId, bangkokDate(now), bangkokDate(now + 90 * DAY_MS));
  return addWorkingDays(bangkokDate(now), PROGRESS_EVERY_WORKING_DAYS, closed);
}

/** For a transition's batch: the case's next progress date (none for a reporter who cannot be reached). */
export const setProgressDate = (db: Db, caseId: number, on: string): D1PreparedStatement =>
  db.$client
    .prepare('update complaints set progress_due_on = ? where id = ? and reach_in_line = 1')
    .bind(on, caseId);

/** For the batch of an action that tells the complainant: a waiting progress notice would state an older status. */
export const skipProgressNotices = (db: Db, caseId: number): D1PreparedStatement =>
  db.$client
    .prepare(
      "update complainant_notices set status = 'skipped' where complaint_id = ? and kind = 'progress' and status = 'pending'",
    )
    .bind(caseId);
