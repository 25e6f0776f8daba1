import type { Db } from '../db/client';

/**
 * Records whether the problem was really fixed, for one closing of a case; the first answer stands
 * (a second tap on an old button changes nothing). True when this call recorded it.
 */
export async function recordFixed(
  db: Db,
  at: { orgId: number; caseId: number; closedVersion: number; now: number },
  fixed: boolean,
): Promise<boolean> {
  const result = await db.$client
    .prepare(
      `insert into case_ratings (complaint_id, closed_version, org_id, fixed, answered_at) values (?, ?, ?, ?, ?)
       on conflict (complaint_id, closed_version) do update set fixed = excluded.fixed,
         answered_at = excluded.answered_at where case_ratings.fixed is null`,
    )
    .bind(at.caseId, at.closedVersion, at.orgId, fixed ? 1 : 0, at.now)
    .run();
  return result.meta.changes > 0;
}

/** Records the 1–5 rating of one closing of a case; the first rating stands. True when recorded. */
export async function recordScore(
  db: Db,
  at: { orgId: number; caseId: number; closedVersion: number; now: number },
  score: number,
): Promise<boolean> {
  const result = await db.$client
    .prepare(
      `insert into case_ratings (complaint_id, closed_version, org_id, score, rated_at) values (?, ?, ?, ?, ?)
       on conflict (complaint_id, closed_version) do update set score = excluded.score,
         rated_at = excluded.rated_at where case_ratings.score is null`,
    )
    .bind(at.caseId, at.closedVersion, at.orgId, score, at.now)
    .run();
  return result.meta.changes > 0;
}
