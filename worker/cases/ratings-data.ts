import type { Db } from '../db/client';

type At = { orgId: number; caseId: number; closedVersion: number; now: number };

// The answer's column and the column of when it was given; the first answer of each kind stands.
const answers = {
  fixed: { column: 'fixed', at: 'answered_at' },
  score: { column: 'score', at: 'rated_at' },
} as const;

async function recordOnce(db: Db, at: At, kind: keyof typeof answers, value: number): Promise<boolean> {
  const { column, at: when } = answers[kind];
  const result = await db.$client
    .prepare(
      `insert into case_ratings (complaint_id, closed_version, org_id, ${column}, ${when}) values (?, ?, ?, ?, ?)
       on conflict (complaint_id, closed_version) do update set ${column} = excluded.${column},
         ${when} = excluded.${when} where case_ratings.${column} is null`,
    )
    .bind(at.caseId, at.closedVersion, at.orgId, value, at.now)
    .run();
  return result.meta.changes > 0;
}

/**
 * Records whether the problem was really fixed, for one closing of a case; the first answer stands
 * (a second tap on an old button changes nothing). True when this call recorded it.
 */
export const recordFixed = (db: Db, at: At, fixed: boolean): Promise<boolean> =>
  recordOnce(db, at, 'fixed', fixed ? 1 : 0);

/** Records the 1–5 rating of one closing of a case; the first rating stands. True when recorded. */
export const recordScore = (db: Db, at: At, score: number): Promise<boolean> =>
  recordOnce(db, at, 'score', score);
