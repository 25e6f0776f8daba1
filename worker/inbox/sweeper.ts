import { and, eq, lt } from 'drizzle-orm';
import { createDb } from '../db/client';
import { inboxEvents } from '../../schema/tables/core';
import type { Env } from '../env';
import { type RunOptions, runInboxEvents } from './runner';
import { dueEventIds } from './store';

const BATCH = 50;
// A redelivered event must still be recognised: LINE redelivers within hours, we keep a week.
const KEEP_DONE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The cron-driven safety net behind the inbox: runs events whose earlier attempt failed (after their
 * back-off) or whose isolate died mid-way (after the lease), and forgets finished events after a week.
 */
export async function sweepInbox(env: Env, options: RunOptions = {}): Promise<{ ran: number }> {
  const now = options.now ?? Date.now;
  const db = createDb(env.DB);
  const ids = await dueEventIds(db, now(), BATCH);
  await runInboxEvents(env, ids, options);
  await db
    .delete(inboxEvents)
    .where(and(eq(inboxEvents.status, 'done'), lt(inboxEvents.receivedAt, now() - KEEP_DONE_MS)));
  return { ran: ids.length };
}
