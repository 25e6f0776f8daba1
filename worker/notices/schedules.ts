import { warnMissingHolidays } from '../calendar/holiday-check';
import { keyringFromEnv } from '../crypto/keyring';
import { createDb } from '../db/client';
import type { Env } from '../env';
import { sendMonthlyReports } from './monthly-report';
import { lineForOrg } from '../orgs/org-line';
import { sendOverdueReminders } from './reminders';

/**
 * The cron's staff messages that follow the calendar: overdue reminders, the monthly report, and the
 * warning that next year's holidays are missing.
 */
export async function runStaffSchedules(env: Env, now = Date.now()): Promise<void> {
  const db = createDb(env.DB);
  const keyring = await keyringFromEnv(env);
  const deps = { env, db, keyring, now, lineFor: (orgId: number) => lineForOrg(env, db, keyring, orgId) };
  await sendOverdueReminders(deps);
  await sendMonthlyReports(deps);
  await warnMissingHolidays(deps);
}
