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

type ReceiptRow = Pick<
  SqlRow<typeof complaints>,
  'id' | 'code' | 'track' | 'created_at' | 'acknowledge_due_on' | 'result_due_on' | 'reach_in_line'
> & { category_name: SqlRow<typeof complaintCategories>['name'] };

const RECEIPT_COLUMNS = `c.id, c.code, c.track, c.created_at, c.acknowledge_due_on, c.result_due_on,
  c.reach_in_line, k.name as category_name
  from complaints c join complaint_categories k on k.id = c.category_id`;

// A filed complaint as its receipt shows it again (never with a PIN: that is shown once only).
const toReceipt = (row: ReceiptRow): SubmitResult => ({
  duplicate: true,
  complaintId: row.id,
  code: row.code,
  track: row.track,
  categoryName: row.category_name,
  createdAt: row.created_at,
  acknowledgeDueOn: row.acknowledge_due_on,
  resultDueOn: row.result_due_on,
  reachInLine: Boolean(row.reach_in_line),
});

/** A complaint already filed under this submission key, as a (duplicate) result; null if none. */
export async function findSubmitted(
  db: Db,
  orgId: number,
  submissionKey: string,
): Promise<SubmitResult | null> {
  const row = await db.$client
    .prepare(`select ${RECEIPT_COLUMNS} where c.org_id = ? and c.submission_key = ?`)
    .bind(orgId, submissionKey)
    .first<ReceiptRow>();
  return row ? toReceipt(row) : null;
}

/**
 * The receipt of the case `code` when the person of `ownerKeys` filed it under their own name
 * (identified or confidential: complaint_owners; anonymous cases have no owner); null otherwise.
 */
export async function findOwnReceipt(
  db: Db,
  args: { orgId: number; code: string; ownerKeys: string[] },
): Promise<SubmitResult | null> {
  const marks = args.ownerKeys.map(() => '?').join(', ');
  const row = await db.$client
    .prepare(
      `select ${RECEIPT_COLUMNS} where c.org_id = ? and c.code = ? and c.identity_mode != 'anonymous'
       and exists (select 1 from complaint_owners o where o.complaint_id = c.id and o.org_id = c.org_id
         and o.owner_key in (${marks}))`,
    )
    .bind(args.orgId, args.code, ...args.ownerKeys)
    .first<ReceiptRow>();
  return row ? toReceipt(row) : null;
}
