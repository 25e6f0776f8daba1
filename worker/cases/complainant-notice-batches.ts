import type { Db } from '../db/client';
import type { PushOutcome } from './complainant-notifier';

// What becomes of claimed complainant notices (see complainant-notices.ts).

// Transient failures (network, 5xx, 429) are retried with back-off up to an hour apart for 20 hours,
// then given up: LINE remembers a retry key for 24 hours, so a retry is never sent under a forgotten key.
export const GIVE_UP_MS = 20 * 60 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
const HOLD_RETRY_MS = 60 * 60_000;
// LINE takes at most 5 message objects in one push.
const PER_PUSH = 5;

/** A claimed notice row. */
export interface Claimed {
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

/** Groups claimed notices into pushes: earlier batches as they were, new notices of a case together. */
export async function formBatches(db: Db, claimed: Claimed[]): Promise<Claimed[][]> {
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
  return [...batches.values()].map((b) => b.sort((x, y) => x.id - y.id)).sort((a, b) => a[0]!.id - b[0]!.id);
}

/** Not tried this time: the claim's attempt is given back and it is due again with its case. */
export async function giveBack(db: Db, batch: Claimed[], at: number): Promise<void> {
  const ids = batch.map((n) => n.id);
  await db.$client
    .prepare(
      `update complainant_notices set attempts = attempts - 1, next_attempt_at = ?
       where id in (${ids.map(() => '?').join(',')})`,
    )
    .bind(at, ...ids)
    .run();
}

/** Records how a push went; returns when the batch is due again (or `now` when done). */
export async function settle(db: Db, batch: Claimed[], outcome: PushOutcome, now: number): Promise<number> {
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
    return now;
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
    return now + HOLD_RETRY_MS;
  }
  const attempts = Math.max(...batch.map((n) => n.attempts));
  const oldest = Math.min(...batch.map((n) => n.created_at));
  const refused =
    outcome.kind === 'failed' && outcome.status >= 400 && outcome.status < 500 && outcome.status !== 429;
  const dead = outcome.kind === 'unreachable' || refused || now - oldest >= GIVE_UP_MS;
  const error = outcome.kind === 'unreachable' ? 'no LINE identity kept' : `LINE answered ${outcome.status}`;
  const nextAt = now + Math.min(30_000 * 2 ** attempts, MAX_BACKOFF_MS);
  const statements = [
    c
      .prepare(
        `update complainant_notices set status = ?, last_error = ?, next_attempt_at = ? where ${inIds}`,
      )
      .bind(dead ? 'dead' : 'pending', error, nextAt, ...ids),
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
  return nextAt;
}
