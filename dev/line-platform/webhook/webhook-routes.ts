import type { DemoOrganization } from '../../demo-organizations';
import { channelBySlug, type Platform } from '../context';
import { type HttpContext, isObject, parseJson, type Route, sendJson } from '../http';
import { signBody } from '../signature';
import type { SentWebhook } from '../state';
import { BuildError, buildEvent, parseSource } from './build-events';
import { sendWebhook } from './deliver';

export type { SignedWebhook } from './deliver';

/** POST /_platform/webhook (build, sign, deliver) and /_platform/sign (sign any body). */
export function webhookRoutes(platform: Platform): Route[] {
  return [
    { method: 'POST', pattern: /^\/_platform\/webhook$/, handler: (ctx) => webhook(platform, ctx) },
    { method: 'POST', pattern: /^\/_platform\/sign$/, handler: (ctx) => sign(platform, ctx, ctx.body) },
    {
      method: 'GET',
      pattern: /^\/_platform\/sign$/,
      handler: (ctx) => sign(platform, ctx, Buffer.from(ctx.url.searchParams.get('body') ?? '')),
    },
  ];
}

function sign(platform: Platform, ctx: HttpContext, body: Buffer): void {
  const channel = channelBySlug(platform, ctx.url.searchParams.get('channel') ?? '');
  if (channel) sendJson(ctx.res, 200, { signature: signBody(channel.channelSecret, body) });
  else sendJson(ctx.res, 404, { message: 'Unknown channel' });
}

async function webhook(platform: Platform, ctx: HttpContext): Promise<void> {
  const input = parseJson(ctx.body);
  if (!isObject(input)) return sendJson(ctx.res, 400, { message: 'Send a JSON object' });
  let built: { channel: DemoOrganization; events: Record<string, unknown>[] };
  try {
    built = input.redeliverOf === undefined ? buildNew(platform, input) : redeliver(platform, input);
  } catch (error) {
    if (error instanceof BuildError) return sendJson(ctx.res, 400, { message: error.message });
    throw error;
  }
  const { channel, events } = built;
  const delivery = await sendWebhook(platform, channel, events, {
    ...(input.deliver === false || input.deliver === true ? { deliver: input.deliver } : {}),
    ...(typeof input.displayText === 'string' ? { displayText: input.displayText } : {}),
  });
  const { webhook } = delivery;
  switch (delivery.kind) {
    case 'built':
      return sendJson(ctx.res, 200, { webhook, events });
    case 'no-worker':
      return sendJson(ctx.res, 400, { message: 'No workerUrl is configured to deliver to' });
    case 'delivered':
      return sendJson(ctx.res, 200, {
        status: delivery.status,
        responseBody: delivery.responseBody,
        webhook,
        events,
      });
    case 'unreachable':
      return sendJson(ctx.res, 502, { status: 0, error: delivery.error, webhook, events });
  }
}

function buildNew(platform: Platform, input: Record<string, unknown>) {
  const channel = channelBySlug(platform, String(input.channel ?? ''));
  if (!channel) throw new BuildError(`Unknown channel: ${String(input.channel)}`);
  if (!Array.isArray(input.events)) throw new BuildError('events must be an array');
  const mode = input.mode === 'standby' ? 'standby' : 'active';
  const source = input.source === undefined ? undefined : parseSource(input.source);
  const options = { channel, source, mode, isRedelivery: input.redelivery === true } as const;
  return { channel, events: input.events.map((partial) => buildEvent(platform, partial, options)) };
}

// The same event again (same webhookEventId, same reply token), now flagged as a redelivery.
function redeliver(platform: Platform, input: Record<string, unknown>) {
  const ids = Array.isArray(input.redeliverOf) ? input.redeliverOf.map(String) : [String(input.redeliverOf)];
  if (ids.length === 0) throw new BuildError('redeliverOf needs at least one webhookEventId');
  const found = ids.map((id) =>
    platform.state.webhooks.findLast((entry) => entry.event.webhookEventId === id),
  );
  const missing = ids.filter((_, index) => !found[index]);
  if (missing.length > 0) throw new BuildError(`No webhook event with id ${missing.join(', ')}`);
  const entries = found as SentWebhook[];
  const slug = entries[0]!.channel;
  const channel = channelBySlug(platform, slug)!;
  if (
    entries.some((entry) => entry.channel !== slug) ||
    (input.channel !== undefined && input.channel !== slug)
  ) {
    throw new BuildError('Redelivered events must all belong to the given channel');
  }
  const events = entries.map((entry) => ({ ...entry.event, deliveryContext: { isRedelivery: true } }));
  return { channel, events };
}
