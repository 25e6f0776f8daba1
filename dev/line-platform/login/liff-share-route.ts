import type { Platform } from '../context';
import { isObject, parseJson, type Route, sendJson } from '../http';
import { buildEvent } from '../webhook/build-events';
import { sendWebhook } from '../webhook/deliver';
import type { LiffSession } from './dev-liff-routes';

/** The path LINE's SDK posts `liff.sendMessages()` to (api.line.me, @liff/server-api's "message"). */
export const LIFF_SHARE_PATH = '/message/v3/share';

const TEXT_MAX = 5000;

// LINE's own checks of the SDK, plus what this platform emulates: text messages only.
function readMessages(body: Buffer): { text: string }[] | string {
  const input = parseJson(body);
  const messages = isObject(input) && Array.isArray(input.messages) ? input.messages : null;
  if (!messages) return "Parameter 'messages' must be an array of { type, ... }";
  if (messages.length < 1 || messages.length > 5) return 'Number of messages should be in range 1 to 5.';
  const texts: { text: string }[] = [];
  for (const message of messages) {
    if (!isObject(message) || message.type !== 'text')
      return 'Only text messages are emulated by the local LINE platform';
    if (typeof message.text !== 'string' || message.text.length < 1 || message.text.length > TEXT_MAX)
      return `A text message needs text of 1 to ${TEXT_MAX} characters`;
    texts.push({ text: message.text });
  }
  return texts;
}

/**
 * `liff.sendMessages()` (the LIFF's dev login posts where LINE's SDK posts): with a LIFF access token of
 * a page opened "inside LINE" from a one-to-one chat of the chat page, the messages go into the person's chat with the
 * channel as their own, and the bot gets them as webhook message events (with reply tokens), exactly as
 * when LINE relays a message sent through a LIFF app. Answers at once; the webhook follows.
 */
export function liffShareRoute(platform: Platform, sessions: Map<string, LiffSession>): Route {
  return {
    method: 'POST',
    pattern: /^\/message\/v3\/share$/,
    handler(ctx) {
      const token = /^Bearer (\S+)$/.exec(ctx.req.headers.authorization ?? '')?.[1];
      const session = token ? sessions.get(token) : undefined;
      if (!session) return sendJson(ctx.res, 401, { message: 'invalid access token' });
      // LINE sends into the chat the page was opened from; only a person's chat with the bot is emulated.
      if (session.chat !== 'utou') {
        return sendJson(ctx.res, 403, {
          message: 'sendMessages is emulated only for a page opened from a one-to-one chat on the chat page',
        });
      }
      const messages = readMessages(ctx.body);
      if (typeof messages === 'string') return sendJson(ctx.res, 400, { message: messages });
      const source = { type: 'user', userId: session.userId } as const;
      const events = messages.map((message) =>
        buildEvent(
          platform,
          { type: 'message', message: { type: 'text', text: message.text } },
          { channel: session.channel, source, mode: 'active', isRedelivery: false },
        ),
      );
      sendJson(ctx.res, 200, {});
      void sendWebhook(platform, session.channel, events).catch((error: unknown) =>
        console.error('[line-platform] liff.sendMessages webhook', error),
      );
    },
  };
}
