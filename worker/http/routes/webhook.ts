import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { type WebhookEvent, webhookBody } from '../../../schema/contracts/line-webhook';
import { toHex } from '../../crypto/base64';
import { verifyLineSignature } from '../../crypto/signature';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';
import { admitEvents } from '../../inbox/store';
import { runAdmitted } from '../../inbox/runner';
import { openChannelSecret } from '../../orgs/credentials';
import { findOrgWithChannelCached } from '../../orgs/cache';
import type { OrgWithChannel } from '../../orgs/data';
import { limitBody } from '../middleware/body-limit';
import { validate } from '../middleware/validate';

/** LINE's bodies are small; anything near this is not LINE. */
const MAX_BODY_BYTES = 1024 * 1024;

type WebhookEnv = {
  Bindings: AppEnv['Bindings'];
  Variables: AppEnv['Variables'] & { found: OrgWithChannel };
};

/** The organisation of `:org`, and the signature checked on the raw bytes before anything reads them as JSON. */
const signedByOrg = createMiddleware<WebhookEnv>(async (c, next) => {
  const found = await findOrgWithChannelCached(c.var.db, c.req.param('org') ?? '');
  if (!found) throw new AppError('org_not_found', 'unknown organisation');
  const raw = await c.req.arrayBuffer();
  const secret = await openChannelSecret(await c.var.keyring(), found.org.id, found.channel.secretSealed);
  if (!(await verifyLineSignature(secret, raw, c.req.header('x-line-signature')))) {
    throw new AppError('bad_signature', 'invalid or missing x-line-signature');
  }
  c.set('found', found);
  await next();
});

/**
 * POST /webhook/:org — verify the signature on the raw body, write the events to the durable inbox
 * (deduplicated on webhookEventId), answer 200, and process after answering.
 */
export const webhook = new Hono<WebhookEnv>().post(
  '/:org',
  limitBody(MAX_BODY_BYTES, 'webhook body too large'),
  signedByOrg,
  validate('json', webhookBody, { code: 'bad_request', message: 'not a LINE webhook body' }),
  async (c) => {
    const { events } = c.req.valid('json');
    // The console's "Verify" button sends no events.
    if (events.length === 0) return c.json({ ok: true, admitted: 0 });
    const { db, found } = c.var;
    const keyring = await c.var.keyring();
    const ids = await Promise.all(events.map(eventKey));
    const admitted = await admitEvents(db, keyring, found.org.id, events, ids, c.var.now);
    if (admitted.length > 0) c.executionCtx.waitUntil(runAdmitted(c.env, db, keyring, found, admitted));
    return c.json({ ok: true, admitted: admitted.length });
  },
);

/** webhookEventId, or for an event without one, a digest of its content so a resend still dedupes. */
async function eventKey(event: WebhookEvent): Promise<string> {
  if (event.webhookEventId) return event.webhookEventId;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(event)));
  return `sha256:${toHex(new Uint8Array(digest))}`;
}
