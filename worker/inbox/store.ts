import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { WebhookEvent } from '../../schema/contracts/line-webhook';
import { type Keyring, open, seal } from '../crypto/secret-box';
import type { Db } from '../db/client';
import { inboxEvents } from '../../schema/tables/core';
import type { DeliveryLogRow } from '../line/gateway';
import { afterFailure, LEASE_MS } from './retry-policy';

export type InboxRow = typeof inboxEvents.$inferSelect;

const payloadContext = (orgId: number, webhookEventId: string) => `inbox:${orgId}:${webhookEventId}`;

// The insert is also the claim: a new row starts as `processing` under a lease held by the request
// that wrote it, so that request can process it straight away without another round trip, and the
// sweeper only takes it over if the lease runs out. Hand-written SQL: this is the webhook's hot path.
const ADMIT = `insert into inbox_events
  (org_id, webhook_event_id, type, payload_sealed, status, attempts, next_attempt_at, received_at)
  values (?, ?, ?, ?, 'processing', 1, ?, ?)
  on conflict (org_id, webhook_event_id) do nothing returning id`;

/** An event this request wrote to the inbox and holds the lease on. */
export interface AdmittedEvent {
  id: number;
  attempts: number;
  event: WebhookEvent;
}

/**
 * Writes the events of one webhook body to the inbox, skipping any whose webhookEventId was seen
 * before for this organisation. Returns the new ones, in delivery order, already claimed.
 */
export async function admitEvents(
  db: Db,
  keyring: Keyring,
  orgId: number,
  events: WebhookEvent[],
  eventIds: string[],
  now: number,
): Promise<AdmittedEvent[]> {
  const statements = await Promise.all(
    events.map(async (event, i) => {
      const id = eventIds[i]!;
      const sealed = await seal(keyring, JSON.stringify(event), payloadContext(orgId, id));
      return db.$client.prepare(ADMIT).bind(orgId, id, event.type.slice(0, 64), sealed, now + LEASE_MS, now);
    }),
  );
  const results =
    statements.length === 1
      ? [{ results: [await statements[0]!.first<{ id: number }>()].filter(Boolean) }]
      : await db.$client.batch<{ id: number }>(statements);
  const admitted: AdmittedEvent[] = [];
  results.forEach((result, i) => {
    const row = result.results?.[0] as { id: number } | undefined;
    if (row) admitted.push({ id: row.id, attempts: 1, event: events[i]! });
  });
  return admitted;
}

/**
 * Takes the lease on a due event (failed earlier, or abandoned by a dead isolate). Returns null if
 * another worker holds it or it is finished: then this worker must not process it.
 */
export async function claimEvent(db: Db, id: number, now: number): Promise<InboxRow | null> {
  const rows = await db
    .update(inboxEvents)
    .set({ status: 'processing', attempts: sql`${inboxEvents.attempts} + 1`, nextAttemptAt: now + LEASE_MS })
    .where(
      and(
        eq(inboxEvents.id, id),
        inArray(inboxEvents.status, ['pending', 'processing']),
        lte(inboxEvents.nextAttemptAt, now),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

/** Opens the sealed payload of a claimed row. */
export async function readPayload(keyring: Keyring, row: InboxRow): Promise<unknown> {
  if (!row.payloadSealed) throw new Error(`inbox event ${row.id} has no payload`);
  return JSON.parse(await open(keyring, row.payloadSealed, payloadContext(row.orgId, row.webhookEventId)));
}

/**
 * Marks an event done and drops its payload (the inbox must not become a second copy of chats), writing
 * the delivery-log rows of its processing in the same batch.
 */
export async function completeEvent(
  db: Db,
  id: number,
  now: number,
  deliveries: DeliveryLogRow[] = [],
): Promise<void> {
  const done = db.$client
    .prepare(
      "update inbox_events set status = 'done', payload_sealed = null, processed_at = ?, last_error = null where id = ?",
    )
    .bind(now, id);
  if (deliveries.length === 0) {
    await done.run();
    return;
  }
  await db.$client.batch([...deliveries.map((row) => insertDelivery(db, row)), done]);
}

const insertDelivery = (db: Db, row: DeliveryLogRow) =>
  db.$client
    .prepare(
      `insert into line_deliveries (org_id, kind, recipients, message_count, status, error, created_at)
       values (?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      row.orgId,
      row.kind,
      row.recipients,
      row.messageCount,
      row.status,
      row.error ?? null,
      row.createdAt,
    );

/** Writes delivery-log rows kept back during a failed attempt. */
export async function logDeliveries(db: Db, deliveries: DeliveryLogRow[]): Promise<void> {
  if (deliveries.length > 0) await db.$client.batch(deliveries.map((row) => insertDelivery(db, row)));
}

/** Records a failed attempt: schedules a retry with back-off, or parks the event as dead. */
export async function failEvent(
  db: Db,
  row: { id: number; attempts: number },
  error: unknown,
  now: number,
): Promise<void> {
  const next = afterFailure(row.attempts, now);
  const lastError = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(
    0,
    500,
  );
  await db
    .update(inboxEvents)
    .set(
      next.status === 'dead'
        ? { status: 'dead', lastError }
        : { status: 'pending', nextAttemptAt: next.nextAttemptAt, lastError },
    )
    .where(eq(inboxEvents.id, row.id));
}

/** Ids of events that are due now (oldest first): failed ones whose back-off ended, or expired leases. */
export async function dueEventIds(db: Db, now: number, limit: number): Promise<number[]> {
  const rows = await db
    .select({ id: inboxEvents.id })
    .from(inboxEvents)
    .where(and(inArray(inboxEvents.status, ['pending', 'processing']), lte(inboxEvents.nextAttemptAt, now)))
    .orderBy(asc(inboxEvents.nextAttemptAt))
    .limit(limit);
  return rows.map((r) => r.id);
}
