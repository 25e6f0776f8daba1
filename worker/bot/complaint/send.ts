export { replyTo } from '../reply';
import type { WebhookEvent } from '../../../schema/line-webhook';
import { LineApiError, type LineMessage } from '../../line/gateway';
import type { BotContext } from '../context';

/**
 * Replies, or pushes when the reply token can no longer be used (a retried event). Only for the
 * receipt: a person must learn their tracking code (and PIN), and a push costs money. The retry key
 * makes a push repeated by a retry deliver once.
 */
export async function replyOrPush(
  ctx: BotContext,
  event: WebhookEvent,
  to: string,
  messages: LineMessage[],
  retryKeySource: string,
): Promise<void> {
  if (event.replyToken) {
    try {
      await ctx.line.reply(event.replyToken, messages);
      return;
    } catch (error) {
      if (!(error instanceof LineApiError && error.invalidReplyToken)) throw error;
    }
  }
  try {
    await ctx.line.push(to, messages, await uuidFrom(retryKeySource));
  } catch (error) {
    // 409: this retry key was accepted before, so the receipt already went out.
    if (!(error instanceof LineApiError && error.status === 409)) throw error;
  }
}

/** A stable UUID (v4 layout) from a string: LINE wants retry keys as UUIDs. */
export async function uuidFrom(source: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(source)));
  digest[6] = (digest[6]! & 0x0f) | 0x40;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
