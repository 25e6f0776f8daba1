import { MERGE_MINUTES } from '../../lib/notice-merge';
import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import type { LineGateway, LineMessage } from '../line/gateway';
import { type Claimed, formBatches, giveBack, settle } from './complainant-notice-batches';
import { type PushOutcome, pushToComplainant } from './complainant-notifier';

/**
 * The complainant-notice outbox (table complainant_notices): a notice is written in the same batch as
 * the case's transition (`noticeStatement`), then sent at once by the action and, after a failure, by
 * the cron. Notices of one case that are due together go out as ONE push (LINE bills a push per
 * recipient, not per message object), under a retry key fixed at that push's first try, so a retry
 * after a lost answer never delivers twice. A push refused for the month's quota is held (retried
 * hourly, never counted as a failure); other failures back off and, after GIVE_UP_MS (or at once when
 * LINE refuses the request itself, a 4xx), the notice is given up and an event on the case tells staff.
 */
export interface NoticeInput {
  kind: string;
  message: LineMessage;
  /** One notice per source (e.g. the case and the version it was written on): enqueueing twice is a no-op. */
  sourceKey: string;
  awaitReplyBy: number | null;
  /** Not before this time (a scheduled notice, the check-in); at once otherwise. */
  dueAt?: number;
}

export interface ComplainantDeliveryDeps {
  db: Db;
  keyring: Keyring;
  now: number;
  lineFor: (orgId: number) => Promise<Pick<LineGateway, 'push'> | null>;
}

const LEASE_MS = 60_000;

// The merge window (lib/notice-merge.ts): news written soon after a push waits for its end. A question
// (the complainant must act) and the result (the last word) go at once and take what waits with them.
const MERGE_MS = MERGE_MINUTES * 60_000;
const AT_ONCE = new Set(['ask_info', 'closed', 'closed_photo']);
// Each case costs about four D1 queries and one LINE request: ten keep a run (every minute) well inside
// the free plan's 50 queries and 50 subrequests per invocation.
const CASES_PER_RUN = 10;

/**
 * The notice's insert, for the transition's batch: its complaint id comes from the same version check
 * as the transition's event (null on a stale version, so the whole batch fails together). It is due at
 * once, or MERGE_MS after the case's last push when that was more recent (read through
 * complainant_notices_case: one case's rows).
 */
export function noticeStatement(
  db: Db,
  at: { orgId: number; caseId: number; version: number; now: number },
  n: NoticeInput,
): D1PreparedStatement {
  return db.$client
    .prepare(
      `insert into complainant_notices (org_id, complaint_id, kind, message, source_key, await_reply_by,
         next_attempt_at, created_at)
       values (?, (select id from complaints where id = ? and org_id = ? and version = ?), ?, ?, ?, ?,
         max(?, coalesce((select max(sent_at) from complainant_notices
                          where complaint_id = ? and status = 'sent'), 0) + ?), ?)
       on conflict (org_id, source_key) do nothing`,
    )
    .bind(
      at.orgId,
      at.caseId,
      at.orgId,
      at.version,
      n.kind,
      JSON.stringify(n.message),
      n.sourceKey,
      n.awaitReplyBy,
      n.dueAt ?? at.now,
      at.caseId,
      AT_ONCE.has(n.kind) ? 0 : MERGE_MS,
      at.now,
    );
}

/** When the case's next waiting notice is due (null when none waits). */
export async function nextNoticeAt(db: Db, complaintId: number): Promise<number | null> {
  const row = await db.$client
    .prepare(
      `select min(next_attempt_at) as at from complainant_notices where complaint_id = ? and status = 'pending'`,
    )
    .bind(complaintId)
    .first<{ at: number | null }>();
  return row?.at ?? null;
}

/** What one run did, per complaint: whether every notice of it that was due went out. */
export type DeliveryReport = Map<number, PushOutcome['kind']>;

/** Sends every due notice (optionally only one organisation's or one complaint's). */
export async function deliverComplainantNotices(
  deps: ComplainantDeliveryDeps,
  filter: { orgId?: number; complaintId?: number } = {},
): Promise<DeliveryReport> {
  const { db, now } = deps;
  const scope = [
    ...(filter.orgId !== undefined ? ['org_id = ?'] : []),
    ...(filter.complaintId !== undefined ? ['complaint_id = ?'] : []),
  ];
  const scopeParams = [filter.orgId, filter.complaintId].filter((v) => v !== undefined);
  // Whole cases are claimed (every pending notice of a case with one due, news waiting for the merge
  // window included), so the notices of one push are tried together and a case's notices go out in
  // order; but a scheduled notice (progress at noon, the check-in weeks after a tip) keeps its time. The longest-waiting
  // cases go first.
  const { results } = await db.$client
    .prepare(
      `update complainant_notices set attempts = attempts + 1, next_attempt_at = ?
       where status = 'pending'
         and (next_attempt_at <= ? or attempts > 0 or held_since is not null
              or kind not in ('progress', 'checkin'))
         and complaint_id in (
           select complaint_id from complainant_notices
           where status = 'pending' and next_attempt_at <= ? ${scope.map((s) => `and ${s}`).join(' ')}
           group by complaint_id order by min(next_attempt_at) limit ${CASES_PER_RUN})
       returning id, org_id, complaint_id, message, await_reply_by, batch_id, attempts, created_at,
         (select code from complaints where id = complaint_id) as code`,
    )
    .bind(now + LEASE_MS, now, now, ...scopeParams)
    .all<Claimed>();
  const report: DeliveryReport = new Map();
  const byOrg = new Map<number, Claimed[]>();
  for (const r of results) byOrg.set(r.org_id, [...(byOrg.get(r.org_id) ?? []), r]);
  for (const [orgId, claimed] of byOrg) {
    const line = await deps.lineFor(orgId);
    let quotaUsedUp = false;
    // Cases whose earlier push did not go out, and when they are tried again.
    const stopped = new Map<number, number>();
    for (const batch of await formBatches(db, claimed)) {
      const first = batch[0]!;
      // One case that throws (a vault it cannot open, a database hiccup) never holds up the others:
      // its batch is settled as a failure and backs off like any other.
      let outcome: PushOutcome;
      try {
        // A case's later notices wait until its earlier ones went out: a resident never reads them out of order.
        const retryAt = stopped.get(first.complaint_id);
        if (retryAt !== undefined) {
          await giveBack(db, batch, retryAt);
          continue;
        }
        outcome = !line
          ? // The organisation's channel is gone or switched off: retried, then given up with an event.
            { kind: 'failed', status: 0 }
          : quotaUsedUp
            ? { kind: 'quota' }
            : await pushToComplainant(
                { db, keyring: deps.keyring, line, orgId, now },
                first.complaint_id,
                batch.map((n) => JSON.parse(n.message) as LineMessage),
                {
                  // The random tracking code keeps keys apart across restores (row ids restart); every
                  // id of the push is in the key, so two runners that batched a case differently never
                  // share a key for different messages (at worst one notice goes twice, none is lost).
                  retryKey: `complainant-notice:${orgId}:${first.code}:${batch.map((n) => n.id).join('-')}`,
                  awaitReplyBy: batch.flatMap((n) => (n.await_reply_by === null ? [] : [n.await_reply_by])),
                },
              );
      } catch (error) {
        console.error('complainant notice failed', {
          orgId,
          complaintId: first.complaint_id,
          error: String(error),
        });
        outcome = { kind: 'failed', status: 0 };
      }
      if (outcome.kind === 'quota') quotaUsedUp = true;
      const nextAt = await settle(db, batch, outcome, now).catch((error: unknown) => {
        // Unsettled, the lease runs out and the batch is claimed again in a minute.
        console.error('complainant notice not settled', { orgId, error: String(error) });
        return now + LEASE_MS;
      });
      if (outcome.kind !== 'sent') stopped.set(first.complaint_id, nextAt);
      const before = report.get(first.complaint_id);
      report.set(first.complaint_id, before && before !== 'sent' ? before : outcome.kind);
    }
  }
  return report;
}
