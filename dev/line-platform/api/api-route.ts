import type { DemoOrganization } from '../../demo-organizations';
import { channelByToken, type Platform } from '../context';
import { type HttpContext, parseJson, type Route, sendBytes, sendJson } from '../http';
import { requestId as newRequestId } from '../ids';
import type { ErrorDetail } from '../spec/validator';
import type { DeliveredMessage, RequestKind } from '../state';

/** One authenticated Messaging API call, as a route handler sees it. */
export interface ApiCall {
  ctx: HttpContext;
  params: string[];
  channel: DemoOrganization;
  /** The parsed JSON body (POST only). */
  json: unknown;
  requestId: string;
}

/** What a handler decided; api-route records it and answers the bot. */
export interface ApiOutcome {
  status: number;
  body?: unknown;
  bytes?: { data: Buffer; contentType: string };
  headers?: Record<string, string>;
  chatIds?: string[];
  messages?: unknown[];
  billable?: number;
  /** Accepted and delivered, but the answer is lost on the way back: the bot reads a 500. */
  answerLost?: boolean;
  /** Messages to hand to the chats (only when the status is 2xx). */
  deliver?: { via: DeliveredMessage['via']; chatIds: string[]; messages: unknown[] };
}

export const AUTH_FAILED = {
  message: 'Authentication failed. Confirm that the access token in the authorization header is valid.',
};
export const NOT_FOUND = { message: 'Not found' };

/** The 400 LINE answers when a request body breaks the schema. */
export function invalidBody(details: ErrorDetail[]): ApiOutcome {
  return { status: 400, body: { message: `The request body has ${details.length} error(s)`, details } };
}

/**
 * Wraps a Messaging API handler with what every LINE endpoint does: bearer-token authentication,
 * JSON parsing, an `x-line-request-id`, and (ours) recording the call and delivering its messages.
 */
export function apiRoute(
  platform: Platform,
  method: string,
  pattern: RegExp,
  kind: RequestKind,
  handler: (call: ApiCall) => ApiOutcome,
  options: { jsonBody?: boolean } = {},
): Route {
  return {
    method,
    pattern,
    handler(ctx, params) {
      const requestId = newRequestId();
      const token = /^Bearer\s+(.+)$/i.exec(ctx.req.headers.authorization ?? '')?.[1]?.trim() ?? '';
      const channel = channelByToken(platform, token);
      // Endpoints we do not emulate answer 404 whatever their body is.
      const parsesBody = method === 'POST' && kind !== 'other' && options.jsonBody !== false;
      const json = parsesBody ? parseJson(ctx.body) : undefined;
      let outcome: ApiOutcome;
      if (!channel) outcome = { status: 401, body: AUTH_FAILED };
      else if (parsesBody && json === undefined) {
        outcome = { status: 400, body: { message: 'The request body could not be parsed as JSON' } };
      } else outcome = handler({ ctx, params, channel, json, requestId });
      respond(platform, ctx, kind, channel?.slug ?? null, requestId, json, outcome);
    },
  };
}

function respond(
  platform: Platform,
  ctx: HttpContext,
  kind: RequestKind,
  channel: string | null,
  requestId: string,
  json: unknown,
  outcome: ApiOutcome,
): void {
  const { state } = platform;
  const at = Date.now();
  const seq = state.nextSeq();
  const ok = outcome.status < 300;
  state.requests.push({
    seq,
    at,
    channel,
    method: ctx.method,
    path: ctx.url.pathname,
    status: outcome.status,
    kind,
    chatIds: outcome.chatIds ?? [],
    ...(outcome.messages ? { messages: outcome.messages } : {}),
    billable: ok ? (outcome.billable ?? 0) : 0,
    ...(ok ? {} : { error: (outcome.body ?? {}) as object }),
    requestId,
    ...(json === undefined ? {} : { body: json }),
    ...(outcome.answerLost ? { answerLost: true } : {}),
  });
  if (ok && outcome.deliver && channel) {
    const { via, chatIds, messages } = outcome.deliver;
    for (const chatId of chatIds) {
      for (const message of messages) {
        state.messages.push({ seq: state.nextSeq(), at, channel, chatId, via, message, requestSeq: seq });
      }
    }
  }
  const headers = { 'x-line-request-id': requestId, ...outcome.headers };
  if (outcome.answerLost) sendJson(ctx.res, 500, { message: 'Internal server error' }, headers);
  else if (outcome.bytes) {
    ctx.res.setHeader('x-line-request-id', requestId);
    sendBytes(ctx.res, outcome.status, outcome.bytes.data, outcome.bytes.contentType);
  } else sendJson(ctx.res, outcome.status, outcome.body ?? {}, headers);
}
