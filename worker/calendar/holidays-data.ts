import type { Db } from '../db/client';
import { closedDates } from './deadlines';

/** The dates an organisation is closed on between two Thai dates (inclusive): national days and its own. */
export async function closedDatesBetween(
  db: Db,
  orgId: number,
  from: string,
  to: string,
): Promise<Set<string>> {
  const { results } = await db.$client
    .prepare(
      'select date, org_id from holidays where date between ? and ? and (org_id is null or org_id = ?)',
    )
    .bind(from, to, orgId)
    .all<{ date: string; org_id: number | null }>();
  return closedDates(
    results.map((r) => ({ date: r.date, orgId: r.org_id })),
    orgId,
  );
}
