import type { BotContext } from '../bot/context';
import { handleEvent } from '../bot/dispatch';
import { keyringFromEnv } from '../crypto/keyring';
import type { Keyring } from '../crypto/secret-box';
import { createDb, type Db } from '../db/client';
import type { Env } from '../env';
import { createLineGateway } from '../line/gateway';
import { liffAppOf } from '../line/liff-url';
import { openAccessToken } from '../orgs/credentials';
import { getOrgWithChannel, type OrgWithChannel } from '../orgs/data';
import {
  type AdmittedEvent,
  claimEvent,
  completeEvent,
  failEvent,
  logDeliveries,
  readPayload,
} from './store';

export interface RunOptions {
  now?: () => number;
  /** Replaces the event handler (tests use it to make processing fail). */
  handler?: (ctx: BotContext, event: unknown) => Promise<void>;
}

/** The bot context of one organisation: its record and a LINE gateway with its opened access token. */
export async function buildContext(
  env: Env,
  db: Db,
  keyring: Keyring,
  found: OrgWithChannel,
  now: () => number,
): Promise<BotContext> {
  const accessToken = await openAccessToken(keyring, found.org.id, found.channel.accessTokenSealed);
  const line = createLineGateway({
    db,
    orgId: found.org.id,
    accessToken,
    apiBase: env.LINE_API_BASE,
    dataApiBase: env.LINE_DATA_API_BASE,
    now,
    deferLog: true,
  });
  return { env, db, org: found.org, line, liff: liffAppOf(found.channel), now };
}

async function processOne(
  ctx: BotContext,
  row: { id: number; attempts: number },
  event: unknown,
  options: RunOptions,
): Promise<void> {
  try {
    await (options.handler ?? handleEvent)(ctx, event);
    await completeEvent(ctx.db, row.id, ctx.now(), ctx.line.drainDeliveryLog());
  } catch (error) {
    // Never log the event itself: it carries people's messages and ids.
    console.error('inbox event failed', { id: row.id, attempt: row.attempts, error: String(error) });
    await logDeliveries(ctx.db, ctx.line.drainDeliveryLog());
    await failEvent(ctx.db, row, error, ctx.now());
  }
}

/**
 * Processes the events a webhook request has just admitted (and holds the lease on), one after
 * another in delivery order, so one person's messages are handled in the order they were sent.
 * A failure is recorded for retry and never stops the events after it.
 */
export async function runAdmitted(
  env: Env,
  db: Db,
  keyring: Keyring,
  found: OrgWithChannel,
  admitted: AdmittedEvent[],
  options: RunOptions = {},
): Promise<void> {
  const ctx = await buildContext(env, db, keyring, found, options.now ?? Date.now);
  for (const item of admitted) await processOne(ctx, item, item.event, options);
}

/**
 * Processes stored events by id (the sweeper's path): each is claimed first, so a concurrent worker
 * never runs it twice, then its sealed payload is opened and handled.
 */
export async function runInboxEvents(env: Env, ids: number[], options: RunOptions = {}): Promise<void> {
  if (ids.length === 0) return;
  const now = options.now ?? Date.now;
  const db = createDb(env.DB);
  const keyring = await keyringFromEnv(env);
  const contexts = new Map<number, Promise<BotContext | null>>();

  for (const id of ids) {
    const row = await claimEvent(db, id, now());
    if (!row) continue;
    let ctx = contexts.get(row.orgId);
    if (!ctx) {
      ctx = getOrgWithChannel(db, row.orgId).then((found) =>
        found ? buildContext(env, db, keyring, found, now) : null,
      );
      contexts.set(row.orgId, ctx);
    }
    const resolved = await ctx.catch(() => null);
    if (!resolved) {
      await failEvent(db, row, new Error('organisation or its channel is unavailable'), now());
      continue;
    }
    const payload = await readPayload(keyring, row).catch((error: unknown) => error as Error);
    if (payload instanceof Error) {
      await failEvent(db, row, payload, now());
      continue;
    }
    await processOne(resolved, row, payload, options);
  }
}
