import { type Platform, quotaOf } from '../context';
import { isObject, type Route } from '../http';
import { CHAT_ID, messageId, quoteToken, RETRY_KEY, USER_ID } from '../ids';
import type { ErrorDetail } from '../spec/validator';
import { type ApiCall, type ApiOutcome, apiRoute, invalidBody } from './api-route';

const DAY_MS = 24 * 60 * 60 * 1000;
// Message types a user can quote, so LINE returns a quoteToken for them in sentMessages.
const QUOTABLE = new Set(['text', 'textV2', 'sticker', 'image', 'video']);
const INVALID_TO = { message: "The property, 'to', in the request body is invalid (line: -, column: -)" };

/** reply, push, multicast and the loading animation: the endpoints that send something to a chat. */
export function sendRoutes(platform: Platform): Route[] {
  const { state, validators } = platform;

  // Schema errors, then quote tokens the platform never issued to this channel.
  function checkMessages(call: ApiCall, schemaErrors: ErrorDetail[]): ApiOutcome | undefined {
    if (schemaErrors.length > 0) return invalidBody(schemaErrors);
    const messages = (call.json as { messages: Record<string, unknown>[] }).messages;
    const details = messages.flatMap((message, index) => {
      const token = message.quoteToken;
      if (typeof token !== 'string' || state.quoteTokens.get(token) === call.channel.slug) return [];
      return [{ message: 'Invalid quote token', property: `messages[${index}].quoteToken` }];
    });
    return details.length > 0 ? invalidBody(details) : undefined;
  }

  function sentMessages(channel: string, messages: Record<string, unknown>[]) {
    return messages.map((message) => {
      if (!QUOTABLE.has(String(message.type))) return { id: messageId() };
      const token = quoteToken();
      state.quoteTokens.set(token, channel);
      return { id: messageId(), quoteToken: token };
    });
  }

  // LINE refuses a send that would take the month's billable messages past the target limit.
  function overQuota(channel: string, billable: number): ApiOutcome | undefined {
    const limit = quotaOf(platform, channel);
    if (limit === null || state.consumption(channel) + billable <= limit) return undefined;
    return { status: 429, body: { message: 'You have reached your monthly limit.' } };
  }

  // X-Line-Retry-Key: a key accepted in the last 24 h answers 409 and sends (and bills) nothing.
  function retryCheck(call: ApiCall): { key?: string; outcome?: ApiOutcome } {
    const header = call.ctx.req.headers['x-line-retry-key'];
    if (header === undefined) return {};
    const key = String(header);
    if (!RETRY_KEY.test(key)) {
      return {
        outcome: { status: 400, body: { message: "The value for the 'X-Line-Retry-Key' header is invalid" } },
      };
    }
    const scoped = `${call.channel.slug}:${key.toLowerCase()}`;
    const accepted = state.retryKeys.get(scoped);
    if (accepted && Date.now() - accepted.at < DAY_MS) {
      return {
        outcome: {
          status: 409,
          headers: { 'x-line-accepted-request-id': accepted.requestId },
          body: { message: 'The retry key is already accepted', sentMessages: accepted.sentMessages },
        },
      };
    }
    return { key: scoped };
  }

  // Injected faults (POST /_platform/channels/:slug/faults): refused sends deliver and bill nothing.
  function faultFor(channel: string): ApiOutcome | 'lose-answer' | undefined {
    const faults = state.faults.get(channel);
    if (!faults) return undefined;
    const n = (state.sendCounts.get(channel) ?? 0) + 1;
    state.sendCounts.set(channel, n);
    if ((faults.failFirst && n <= faults.failFirst) || (faults.failEvery && n % faults.failEvery === 0)) {
      return { status: 500, body: { message: 'Internal server error' } };
    }
    if (faults.rateLimitEvery && n % faults.rateLimitEvery === 0) {
      return { status: 429, body: { message: 'The API rate limit has been exceeded. Try again later.' } };
    }
    if (faults.loseAnswerEvery && n % faults.loseAnswerEvery === 0) return 'lose-answer';
    return undefined;
  }

  function groupSize(channel: string, chatId: string): number {
    return state.findGroup(channel, chatId)?.memberIds.length || 1;
  }

  const reply = (call: ApiCall): ApiOutcome => {
    const body = isObject(call.json) ? call.json : {};
    // Known before validation so that even a refused reply shows up in the right chat's records.
    const tokenChat = state.replyTokens.get(String(body.replyToken))?.chatId;
    const rejected = checkMessages(call, validators.ReplyMessageRequest(call.json));
    if (rejected) return { ...rejected, chatIds: tokenChat ? [tokenChat] : [] };
    const { replyToken, messages } = call.json as { replyToken: string; messages: Record<string, unknown>[] };
    const chatId = state.useReplyToken(replyToken, call.channel.slug);
    if (!chatId) {
      return {
        status: 400,
        body: { message: 'Invalid reply token' },
        chatIds: tokenChat ? [tokenChat] : [],
        messages,
      };
    }
    return {
      status: 200,
      body: { sentMessages: sentMessages(call.channel.slug, messages) },
      chatIds: [chatId],
      messages,
      deliver: { via: 'reply', chatIds: [chatId], messages },
    };
  };

  const push = (call: ApiCall): ApiOutcome => {
    const retry = retryCheck(call);
    if (retry.outcome) return retry.outcome;
    const rejected = checkMessages(call, validators.PushMessageRequest(call.json));
    if (rejected) return rejected;
    const { to, messages } = call.json as { to: string; messages: Record<string, unknown>[] };
    if (!CHAT_ID.test(to)) return { status: 400, body: INVALID_TO, chatIds: [to], messages };
    // A push to a group or room is billed once per member who receives it.
    const billable = to.startsWith('U') ? 1 : groupSize(call.channel.slug, to);
    const limited = overQuota(call.channel.slug, billable);
    if (limited) return { ...limited, chatIds: [to], messages };
    const fault = faultFor(call.channel.slug);
    if (fault && fault !== 'lose-answer') return { ...fault, chatIds: [to], messages };
    const sent = sentMessages(call.channel.slug, messages);
    if (retry.key)
      state.retryKeys.set(retry.key, { at: Date.now(), requestId: call.requestId, sentMessages: sent });
    return {
      status: 200,
      body: { sentMessages: sent },
      chatIds: [to],
      messages,
      billable,
      ...(fault === 'lose-answer' ? { answerLost: true } : {}),
      deliver: { via: 'push', chatIds: [to], messages },
    };
  };

  const multicast = (call: ApiCall): ApiOutcome => {
    const retry = retryCheck(call);
    if (retry.outcome) return retry.outcome;
    const rejected = checkMessages(call, validators.MulticastRequest(call.json));
    if (rejected) return rejected;
    const { to, messages } = call.json as { to: string[]; messages: Record<string, unknown>[] };
    const recipients = [...new Set(to)];
    // Multicast only reaches users: group and room ids are refused.
    if (!recipients.every((id) => USER_ID.test(id))) return { status: 400, body: INVALID_TO, messages };
    const limited = overQuota(call.channel.slug, recipients.length);
    if (limited) return { ...limited, chatIds: recipients, messages };
    sentMessages(call.channel.slug, messages);
    if (retry.key)
      state.retryKeys.set(retry.key, { at: Date.now(), requestId: call.requestId, sentMessages: [] });
    return {
      status: 200,
      body: {},
      chatIds: recipients,
      messages,
      billable: recipients.length,
      deliver: { via: 'multicast', chatIds: recipients, messages },
    };
  };

  const loading = (call: ApiCall): ApiOutcome => {
    const errors = validators.ShowLoadingAnimationRequest(call.json);
    if (errors.length > 0) return invalidBody(errors);
    const chatId = isObject(call.json) ? String(call.json.chatId) : '';
    return { status: 202, body: {}, chatIds: [chatId] };
  };

  return [
    apiRoute(platform, 'POST', /^\/v2\/bot\/message\/reply$/, 'reply', reply),
    apiRoute(platform, 'POST', /^\/v2\/bot\/message\/push$/, 'push', push),
    apiRoute(platform, 'POST', /^\/v2\/bot\/message\/multicast$/, 'multicast', multicast),
    apiRoute(platform, 'POST', /^\/v2\/bot\/chat\/loading\/start$/, 'loading', loading),
  ];
}
