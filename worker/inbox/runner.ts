import { handleEvent } from '../bot/dispatch';
import type { BotContext } from '../bot/context';
import { createDb, type Db } from '../db/client';
import { keyringFromEnv } from '../crypto/keyring';
import type { Keyring } from '../crypto/secret-box';
import type { Env } from '../env';
import { createLineGateway } from '../line/gateway';
import { openAccessToken } from '../orgs/credentials';
import { getOrgWithChannel } from '../orgs/data';
import { claimEvent, completeEvent, failEvent, readPayload } from './store';

export interface RunOptions {
  now?: () => number;
  /** Replaces the event handler (tests use it to make processing fail). */
  handler?: (ctx: BotContext, event: unknown) => Promise<void>;
}

/**
 * Processes inbox events one after another, in the order given (so one person's messages are handled
 * in the order they were sent). Each event is claimed first, so a concurrent sweeper never runs it
 * twice; a failure is recorded for retry and never stops the events after it.
 */
export async function runInboxEvents(env: Env, ids: number[], options: RunOptions = {}): Promise<void> {
  if (ids.length === 0) return;
  const now = options.now ?? Date.now;
  const db = createDb(env.DB);
  const keyring = await keyringFromEnv(env);
  const contexts = new Map<number, Promise<BotContext | null>>();
  const handler = options.handler ?? handleEvent;

  for (const id of ids) {
    const row = await claimEvent(db, id, now());
    if (!row) continue;
    try {
      let ctx = contexts.get(row.orgId);
      if (!ctx) {
        ctx = buildContext(env, db, keyring, row.orgId, now);
        contexts.set(row.orgId, ctx);
      }
      const resolved = await ctx;
      // An organisation deleted after its events arrived: nothing left to act for.
      if (resolved) await handler(resolved, await readPayload(keyring, row));
      await completeEvent(db, row.id, now());
    } catch (error) {
      console.error('inbox event failed', {
        id: row.id,
        type: row.type,
        attempt: row.attempts,
        error: String(error),
      });
      await failEvent(db, row, error, now());
    }
  }
}

async function buildContext(
  env: Env,
  db: Db,
  keyring: Keyring,
  orgId: number,
  now: () => number,
): Promise<BotContext | null> {
  const found = await getOrgWithChannel(db, orgId);
  if (!found) return null;
  const accessToken = await openAccessToken(keyring, orgId, found.channel.accessTokenSealed);
  const line = createLineGateway({
    db,
    orgId,
    accessToken,
    apiBase: env.LINE_API_BASE,
    dataApiBase: env.LINE_DATA_API_BASE,
    now,
  });
  return { env, db, org: found.org, line, now };
}
