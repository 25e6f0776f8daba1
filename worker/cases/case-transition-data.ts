import { eraseAfterSql } from './retention-policy';
import type { CaseViewVia } from '../../schema/contracts/audit';
import type { ComplaintStatus } from '../../schema/contracts/complaint-rules';
import type { Db } from '../db/client';
import { type CaseRecord, caseStatement, type Handling, toCase } from './cases-data';

export interface Transition {
  orgId: number;
  caseId: number;
  /** The version the decision was made on: the write happens only if it is still current. */
  fromVersion: number;
  fromStatus: ComplaintStatus;
  next: { status: ComplaintStatus; unitId: number | null; assigneeId: number | null };
  actor: { type: 'staff' | 'resident'; ref: string };
  action: string;
  note: string | null;
  handling: Omit<Handling, 'duplicateOfCode'>;
  /** Ends any open question to the complainant (the case moved on). */
  clearWaits: boolean;
  now: number;
  /** Written with the transition, after its event (e.g. the complainant's notice): all or nothing. */
  alsoWrite?: (db: Db) => D1PreparedStatement[];
}

/**
 * Writes a decided transition: the event, the complaint's status and version, and the handling row,
 * in one batch that applies only on the version the decision saw. The event goes first and takes its
 * complaint id from a subquery that is null on any other version: `complaint_id` is NOT NULL, so a
 * stale write fails as a whole (two officers accepting at once: one wins, one gets null). The batch
 * ends by reading the case back, so the caller has it as written without another round trip.
 */
export async function writeTransition(db: Db, t: Transition): Promise<CaseRecord | null> {
  const c = db.$client;
  const h = t.handling;
  const statements = [
    c
      .prepare(
        `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, from_status, to_status, note)
         values ((select id from complaints where id = ? and org_id = ? and version = ?), ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        t.caseId,
        t.orgId,
        t.fromVersion,
        t.orgId,
        t.now,
        t.actor.type,
        t.actor.ref,
        t.action,
        t.fromStatus,
        t.next.status,
        t.note,
      ),
    ...(t.alsoWrite?.(db) ?? []),
    c
      .prepare(
        `update complaints set status = ?, unit_id = ?, version = version + 1, updated_at = ?,
           erase_after = ${eraseAfterSql}
         where id = ? and org_id = ? and version = ?`,
      )
      .bind(t.next.status, t.next.unitId, t.now, t.next.status, t.now, t.caseId, t.orgId, t.fromVersion),
    c
      .prepare(
        `insert into case_handling (complaint_id, org_id, assignee_id, outcome, result_summary, duplicate_of,
           referral_body, referral_agency, referral_ref, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (complaint_id) do update set assignee_id = excluded.assignee_id, outcome = excluded.outcome,
           result_summary = excluded.result_summary, duplicate_of = excluded.duplicate_of,
           referral_body = excluded.referral_body, referral_agency = excluded.referral_agency,
           referral_ref = excluded.referral_ref, updated_at = excluded.updated_at`,
      )
      .bind(
        t.caseId,
        t.orgId,
        t.next.assigneeId,
        h.outcome,
        h.resultSummary,
        h.duplicateOf,
        h.referralBody,
        h.referralAgency,
        h.referralRef,
        t.now,
      ),
  ];
  if (t.clearWaits)
    statements.push(c.prepare('delete from case_reply_waits where complaint_id = ?').bind(t.caseId));
  statements.push(caseStatement(db, t.orgId, t.caseId));
  try {
    const results = await c.batch(statements);
    return toCase(results.at(-1)!.results[0]);
  } catch (error) {
    if (
      /NOT NULL constraint failed: complaint_events\.complaint_id/.test(String((error as Error)?.message))
    ) {
      return null;
    }
    throw error;
  }
}

/**
 * Records a staff member's read of corruption cases in the access log (read by admins, sealed into the
 * audit chain): one case (`caseId`), or a list that showed `items` of them (`caseId` null).
 */
export async function recordCaseView(
  db: Db,
  args: {
    orgId: number;
    caseId: number | null;
    staffId: number;
    via: CaseViewVia;
    items?: number;
    now: number;
  },
): Promise<void> {
  await db.$client
    .prepare(
      'insert into case_views (org_id, complaint_id, staff_id, via, items, at) values (?, ?, ?, ?, ?, ?)',
    )
    .bind(args.orgId, args.caseId, args.staffId, args.via, args.items ?? null, args.now)
    .run();
}

/** Records a list (LIFF or chat) that showed corruption cases: one row with how many; nothing if none. */
export async function recordListView(
  db: Db,
  args: { orgId: number; staffId: number; shown: readonly { track: string }[]; now: number },
): Promise<void> {
  const items = args.shown.filter((c) => c.track === 'corruption').length;
  if (items === 0) return;
  const { orgId, staffId, now } = args;
  await recordCaseView(db, { orgId, caseId: null, staffId, via: 'list', items, now });
}
