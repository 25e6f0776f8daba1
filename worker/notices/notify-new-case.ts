import { keyringFromEnv } from '../crypto/keyring';
import { createDb, type Db } from '../db/client';
import type { Env } from '../env';
import type { LineGateway } from '../line/gateway';
import type { Organization } from '../orgs/data';
import { lineForOrg } from '../orgs/org-line';
import { deliverStaffNotices } from './new-case-notices';
import type { LiffApp } from '../../schema/contracts/liff-app';

/**
 * Entry points of the new-case notifications. Every filed complaint has an outbox row already (written
 * by submitComplaint); these only decide when it is sent: at once after filing (chat or LIFF), and by
 * the cron for anything left over (a crash, a LINE outage, digests).
 */

/** What the chat hands over: the webhook's organisation, its LIFF app and LINE gateway (no second look-up). */
export interface ChatSide {
  env: Env;
  db: Db;
  org: Organization;
  liff: LiffApp | null;
  line: LineGateway;
  now: () => number;
}

/** After the chat filed a complaint: sends its notice with the webhook's own gateway. */
export async function notifyNewCaseFromChat(ctx: ChatSide, complaintId: number): Promise<void> {
  const keyring = await keyringFromEnv(ctx.env);
  await deliverStaffNotices(
    {
      env: ctx.env,
      db: ctx.db,
      keyring,
      now: ctx.now(),
      lineFor: async () => ({ org: ctx.org, liff: ctx.liff, line: ctx.line }),
    },
    { orgId: ctx.org.id, complaintId },
  );
}

/**
 * After a complaint was filed outside a webhook (the LIFF form): sends its notice. Call it in
 * `executionCtx.waitUntil` so the person's answer does not wait for LINE.
 */
export async function notifyNewCase(env: Env, orgId: number, complaintId: number): Promise<void> {
  await deliverDue(env, { orgId, complaintId });
}

/** The cron's part: every due notice of every organisation (retries and digests). */
export async function deliverDueNotices(env: Env): Promise<void> {
  await deliverDue(env, {});
}

async function deliverDue(env: Env, filter: { orgId?: number; complaintId?: number }) {
  const db = createDb(env.DB);
  const keyring = await keyringFromEnv(env);
  await deliverStaffNotices(
    { env, db, keyring, now: Date.now(), lineFor: (orgId) => lineForOrg(env, db, keyring, orgId) },
    filter,
  );
}
