import { type Platform, quotaOf } from '../context';
import { type HttpContext, type Route, sendBytes, sendJson } from '../http';
import type { RecordedRequest } from '../state';

interface Filter {
  channel?: string;
  since: number;
  chat?: string;
  kind?: string;
}

function filterOf(ctx: HttpContext): Filter {
  const query = ctx.url.searchParams;
  return {
    channel: query.get('channel') || undefined,
    since: Number(query.get('since') ?? 0) || 0,
    chat: query.get('chat') || undefined,
    kind: query.get('kind') || undefined,
  };
}

const matches = (filter: Filter, item: { seq: number; channel: string | null }) =>
  item.seq > filter.since && (!filter.channel || item.channel === filter.channel);

/** GET endpoints that show what happened: requests, delivered messages, webhooks, stats, channels. */
export function inspectRoutes(platform: Platform): Route[] {
  const { state } = platform;
  const get = (pattern: RegExp, handler: Route['handler']): Route => ({ method: 'GET', pattern, handler });

  return [
    get(/^\/_platform\/requests$/, (ctx) => {
      const filter = filterOf(ctx);
      const list = state.requests.filter(
        (request) =>
          matches(filter, request) &&
          (!filter.kind || request.kind === filter.kind) &&
          (!filter.chat || request.chatIds.includes(filter.chat)),
      );
      sendJson(ctx.res, 200, list);
    }),
    get(/^\/_platform\/messages$/, (ctx) => {
      const filter = filterOf(ctx);
      const list = state.messages.filter(
        (message) => matches(filter, message) && (!filter.chat || message.chatId === filter.chat),
      );
      sendJson(ctx.res, 200, list);
    }),
    get(/^\/_platform\/webhooks$/, (ctx) => {
      const filter = filterOf(ctx);
      const list = state.webhooks.filter(
        (webhook) => matches(filter, webhook) && (!filter.chat || webhook.chatId === filter.chat),
      );
      sendJson(ctx.res, 200, list);
    }),
    get(/^\/_platform\/stats$/, (ctx) => {
      const filter = filterOf(ctx);
      sendJson(ctx.res, 200, stats(state.requests.filter((request) => matches(filter, request))));
    }),
    // Content without a channel token, so the chat page can show the images its user sent.
    get(/^\/_platform\/content\/([^/]+)$/, (ctx, [id = '']) => {
      const stored = state.content.get(id);
      if (stored) sendBytes(ctx.res, 200, stored.bytes, stored.contentType);
      else sendJson(ctx.res, 404, { message: 'Not found' });
    }),
    get(/^\/_platform\/channels$/, (ctx) => {
      sendJson(
        ctx.res,
        200,
        platform.channels.map((channel) => ({
          ...channel,
          quota: quotaOf(platform, channel.slug),
          consumption: state.consumption(channel.slug),
        })),
      );
    }),
    get(/^\/_platform\/users$/, (ctx) => {
      const channel = ctx.url.searchParams.get('channel');
      const list = [...state.users.values()].filter(
        (user) => !channel || !user.channel || user.channel === channel,
      );
      sendJson(ctx.res, 200, list);
    }),
    get(/^\/_platform\/groups$/, (ctx) => {
      const channel = ctx.url.searchParams.get('channel');
      sendJson(
        ctx.res,
        200,
        [...state.groups.values()].filter((group) => !channel || group.channel === channel),
      );
    }),
  ];
}

interface KindStats {
  requests: number;
  rejected: number;
  billable: number;
}

/**
 * Counts in LINE's billing unit (one message per recipient per request): `billable` is what pushes and
 * multicasts cost, `free` the accepted replies, which would each have cost one had they been pushes.
 */
export function stats(requests: RecordedRequest[]) {
  const byKind: Record<string, KindStats> = {};
  let billable = 0;
  let free = 0;
  let rejected = 0;
  for (const request of requests) {
    const failed = request.status >= 400;
    const kind = byKind[request.kind] ?? { requests: 0, rejected: 0, billable: 0 };
    byKind[request.kind] = kind;
    kind.requests += 1;
    kind.billable += request.billable;
    billable += request.billable;
    if (failed) {
      kind.rejected += 1;
      rejected += 1;
    } else if (request.kind === 'reply') free += 1;
  }
  return { billable, free, rejected, requests: requests.length, byKind };
}
