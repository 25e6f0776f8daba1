import { Hono } from 'hono';
import { type WebhookEvent, webhookBody } from '../../../schema/contracts/line-webhook';
import { toHex } from '../../crypto/base64';
import { keyringFromEnv } from '../../crypto/keyring';
import { verifyLineSignature } from '../../crypto/signature';
import { createDb } from '../../db/client';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';
import { admitEvents } from '../../inbox/store';
import { runAdmitted } from '../../inbox/runner';
import { openChannelSecret } from '../../orgs/credentials';
import { findOrgWithChannelCached } from '../../orgs/cache';

/** LINE's bodies are small; anything near this is not LINE. */
const MAX_BODY_BYTES = 1024 * 1024;
const decoder = new TextDecoder();

/**
 * POST /webhook/:org — verify the signature on the raw body, write the events to the durable inbox
 * (deduplicated on webhookEventId), answer 200, and process after answering.
 */
export const webhook = new Hono<AppEnv>().post('/:org', async (c) => {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError('payload_too_large', 'webhook body too large');
  const db = createDb(c.env.DB);
  const found = await findOrgWithChannelCached(db, c.req.param('org'));
  if (!found) throw new AppError('org_not_found', 'unknown organisation');

  const raw = await c.req.arrayBuffer();
  if (raw.byteLength > MAX_BODY_BYTES) throw new AppError('payload_too_large', 'webhook body too large');
  const keyring = await keyringFromEnv(c.env);
  const secret = await openChannelSecret(keyring, found.org.id, found.channel.secretSealed);
  if (!(await verifyLineSignature(secret, raw, c.req.header('x-line-signature')))) {
    throw new AppError('bad_signature', 'invalid or missing x-line-signature');
  }

  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(raw));
  } catch {
    throw new AppError('invalid_json', 'body is not JSON');
  }
  const body = webhookBody.safeParse(json);
  if (!body.success) throw new AppError('bad_request', 'not a LINE webhook body', body.error.issues);
  // The console's "Verify" button sends no events.
  if (body.data.events.length === 0) return c.json({ ok: true, admitted: 0 });

  const ids = await Promise.all(body.data.events.map(eventKey));
  const admitted = await admitEvents(db, keyring, found.org.id, body.data.events, ids, Date.now());
  if (admitted.length > 0) c.executionCtx.waitUntil(runAdmitted(c.env, db, keyring, found, admitted));
  return c.json({ ok: true, admitted: admitted.length });
});

/** webhookEventId, or for an event without one, a digest of its content so a resend still dedupes. */
async function eventKey(event: WebhookEvent): Promise<string> {
  if (event.webhookEventId) return event.webhookEventId;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(event)));
  return `sha256:${toHex(new Uint8Array(digest))}`;
}
