import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { WebhookEvent } from '../../schema/line-webhook';
import type { Db } from '../db/client';
import { inboxEvents } from '../db/schema';
import { type Keyring, open, seal } from '../crypto/secret-box';
import { LEASE_MS, afterFailure } from './retry-policy';

export type InboxRow = typeof inboxEvents.$inferSelect;

const payloadContext = (orgId: number, webhookEventId: string) => `inbox:${orgId}:${webhookEventId}`;

// D1 binds at most 100 parameters per statement; an inbox row takes 6.
const ROWS_PER_INSERT = 12;

/**
 * Writes the events of one webhook body to the inbox, ignoring any whose webhookEventId was seen
 * before for this organisation. Returns the ids of the rows that are new, in delivery order.
 */
export async function admitEvents(
  db: Db,
  keyring: Keyring,
  orgId: number,
  events: WebhookEvent[],
  eventIds: string[],
  now: number,
): Promise<number[]> {
  const rows = await Promise.all(
    events.map(async (event, i) => {
      const webhookEventId = eventIds[i]!;
      return {
        orgId,
        webhookEventId,
        type: event.type.slice(0, 64),
        payloadSealed: await seal(keyring, JSON.stringify(event), payloadContext(orgId, webhookEventId)),
        nextAttemptAt: now,
        receivedAt: now,
      };
    }),
  );
  const statements = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    statements.push(
      db
        .insert(inboxEvents)
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .onConflictDoNothing()
        .returning({ id: inboxEvents.id }),
    );
  }
  if (statements.length === 0) return [];
  const [first, ...rest] = statements;
  const results = await db.batch([first!, ...rest]);
  return results.flat().map((r) => r.id);
}

/**
 * Takes the lease on a due event (new, failed earlier, or abandoned by a dead isolate). Returns null if
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

/** Marks an event done and drops its payload: the inbox must not become a second copy of chats. */
export async function completeEvent(db: Db, id: number, now: number): Promise<void> {
  await db
    .update(inboxEvents)
    .set({ status: 'done', payloadSealed: null, processedAt: now, lastError: null })
    .where(eq(inboxEvents.id, id));
}

/** Records a failed attempt: schedules a retry with back-off, or parks the event as dead. */
export async function failEvent(db: Db, row: InboxRow, error: unknown, now: number): Promise<void> {
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
