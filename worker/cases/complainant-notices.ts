import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import type { LineGateway, LineMessage } from '../line/gateway';
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
}

export interface ComplainantDeliveryDeps {
  db: Db;
  keyring: Keyring;
  now: number;
  lineFor: (orgId: number) => Promise<Pick<LineGateway, 'push'> | null>;
}

// Transient failures (network, 5xx, 429) are retried with back-off up to an hour apart for 20 hours,
// then given up: LINE remembers a retry key for 24 hours, so a retry is never sent under a forgotten key.
export const GIVE_UP_MS = 20 * 60 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
const LEASE_MS = 60_000;
const HOLD_RETRY_MS = 60 * 60_000;
// LINE takes at most 5 message objects in one push.
const PER_PUSH = 5;
const CASES_PER_RUN = 50;

/**
 * The notice's insert, for the transition's batch: its complaint id comes from the same version check
 * as the transition's event (null on a stale version, so the whole batch fails together).
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
       values (?, (select id from complaints where id = ? and org_id = ? and version = ?), ?, ?, ?, ?, ?, ?)
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
      at.now,
      at.now,
    );
}

interface Claimed {
  id: number;
  org_id: number;
  complaint_id: number;
  code: string;
  message: string;
  await_reply_by: number | null;
  batch_id: number | null;
  attempts: number;
  created_at: number;
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
  // Whole cases are claimed, so the notices of one push are always tried together.
  const { results } = await db.$client
    .prepare(
      `update complainant_notices set attempts = attempts + 1, next_attempt_at = ?
       where status = 'pending' and next_attempt_at <= ? and complaint_id in (
         select distinct complaint_id from complainant_notices
         where status = 'pending' and next_attempt_at <= ? ${scope.map((s) => `and ${s}`).join(' ')}
         limit ${CASES_PER_RUN})
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
    if (!line) continue;
    let quotaUsedUp = false;
    for (const batch of await formBatches(db, claimed)) {
      const first = batch[0]!;
      const outcome: PushOutcome = quotaUsedUp
        ? { kind: 'quota' }
        : await pushToComplainant(
            { db, keyring: deps.keyring, line, orgId, now },
            first.complaint_id,
            batch.map((n) => JSON.parse(n.message) as LineMessage),
            {
              // The random tracking code keeps keys apart across restores (row ids restart).
              retryKey: `complainant-notice:${orgId}:${first.code}:${first.batch_id}`,
              awaitReplyBy: batch.flatMap((n) => (n.await_reply_by === null ? [] : [n.await_reply_by])),
            },
          );
      if (outcome.kind === 'quota') quotaUsedUp = true;
      await settle(db, batch, outcome, now);
      const before = report.get(first.complaint_id);
      report.set(first.complaint_id, before && before !== 'sent' ? before : outcome.kind);
    }
  }
  return report;
}

/** Groups claimed notices into pushes: earlier batches as they were, new notices of a case together. */
async function formBatches(db: Db, claimed: Claimed[]): Promise<Claimed[][]> {
  const batches = new Map<number, Claimed[]>();
  const fresh = new Map<number, Claimed[]>();
  for (const n of claimed) {
    if (n.batch_id !== null) batches.set(n.batch_id, [...(batches.get(n.batch_id) ?? []), n]);
    else fresh.set(n.complaint_id, [...(fresh.get(n.complaint_id) ?? []), n]);
  }
  const assign: D1PreparedStatement[] = [];
  for (const notices of fresh.values()) {
    for (let i = 0; i < notices.length; i += PER_PUSH) {
      const batch = notices.slice(i, i + PER_PUSH);
      const batchId = batch[0]!.id;
      for (const n of batch) n.batch_id = batchId;
      batches.set(batchId, batch);
      assign.push(
        db.$client
          .prepare(
            `update complainant_notices set batch_id = ? where id in (${batch.map(() => '?').join(',')})`,
          )
          .bind(batchId, ...batch.map((n) => n.id)),
      );
    }
  }
  if (assign.length > 0) await db.$client.batch(assign);
  return [...batches.values()].map((b) => b.sort((x, y) => x.id - y.id));
}

async function settle(db: Db, batch: Claimed[], outcome: PushOutcome, now: number): Promise<void> {
  const ids = batch.map((n) => n.id);
  const inIds = `id in (${ids.map(() => '?').join(',')})`;
  const c = db.$client;
  if (outcome.kind === 'sent') {
    await c
      .prepare(
        `update complainant_notices set status = 'sent', sent_at = ?, held_since = null, last_error = null
         where ${inIds}`,
      )
      .bind(now, ...ids)
      .run();
    return;
  }
  if (outcome.kind === 'quota') {
    // Held, not failed: the claim's attempt is given back, so a month of refusals never makes it dead.
    await c
      .prepare(
        `update complainant_notices set attempts = attempts - 1, held_since = coalesce(held_since, ?),
           next_attempt_at = ?, last_error = 'monthly message quota used up' where ${inIds}`,
      )
      .bind(now, now + HOLD_RETRY_MS, ...ids)
      .run();
    return;
  }
  const attempts = Math.max(...batch.map((n) => n.attempts));
  const oldest = Math.min(...batch.map((n) => n.created_at));
  const refused =
    outcome.kind === 'failed' && outcome.status >= 400 && outcome.status < 500 && outcome.status !== 429;
  const dead = outcome.kind === 'unreachable' || refused || now - oldest >= GIVE_UP_MS;
  const error = outcome.kind === 'unreachable' ? 'no LINE identity kept' : `LINE answered ${outcome.status}`;
  const statements = [
    c
      .prepare(
        `update complainant_notices set status = ?, last_error = ?, next_attempt_at = ? where ${inIds}`,
      )
      .bind(dead ? 'dead' : 'pending', error, now + Math.min(30_000 * 2 ** attempts, MAX_BACKOFF_MS), ...ids),
  ];
  if (dead) {
    // Staff see on the case that the complainant was not reached (the timeline shows every event).
    const first = batch[0]!;
    statements.push(
      c
        .prepare(
          `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, from_status,
             to_status, note)
           select id, org_id, ?, 'system', 'outbox', 'notice_failed', status, status, ? from complaints
           where id = ?`,
        )
        .bind(now, `ส่งข้อความถึงผู้ร้องเรียนไม่สำเร็จ ${batch.length} ข้อความ`, first.complaint_id),
    );
  }
  await c.batch(statements);
}
