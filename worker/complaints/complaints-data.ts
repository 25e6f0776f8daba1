import type { ComplaintTrack } from '../../schema/contracts/complaint';
import type { complaintCategories, complaints } from '../../schema/tables/complaints';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';

export interface SubmitResult {
  /** True when this submission had been filed before: nothing new was written. */
  duplicate: boolean;
  complaintId: number;
  code: string;
  track: ComplaintTrack;
  categoryName: string;
  createdAt: number;
  acknowledgeDueOn: string;
  resultDueOn: string;
  /** False when an anonymous reporter chose not to be reached in LINE. */
  reachInLine: boolean;
  /** Anonymous reports, first submission only: the PIN to show once. It is stored only as a hash. */
  pin?: string;
}

/** A complaint already filed under this submission key, as a (duplicate) result; null if none. */
export async function findSubmitted(
  db: Db,
  orgId: number,
  submissionKey: string,
): Promise<SubmitResult | null> {
  const row = await db.$client
    .prepare(
      `select c.id, c.code, c.track, c.created_at, c.acknowledge_due_on, c.result_due_on, c.reach_in_line,
         k.name as category_name
       from complaints c join complaint_categories k on k.id = c.category_id
       where c.org_id = ? and c.submission_key = ?`,
    )
    .bind(orgId, submissionKey)
    .first<
      Pick<
        SqlRow<typeof complaints>,
        'id' | 'code' | 'track' | 'created_at' | 'acknowledge_due_on' | 'result_due_on' | 'reach_in_line'
      > & { category_name: SqlRow<typeof complaintCategories>['name'] }
    >();
  if (!row) return null;
  return {
    duplicate: true,
    complaintId: row.id,
    code: row.code,
    track: row.track,
    categoryName: row.category_name,
    createdAt: row.created_at,
    acknowledgeDueOn: row.acknowledge_due_on,
    resultDueOn: row.result_due_on,
    reachInLine: Boolean(row.reach_in_line),
  };
}
