export { replyTo } from '../reply';
import type { WebhookEvent } from '../../../schema/contracts/line-webhook';
import { LineApiError, type LineMessage } from '../../line/gateway';
import { uuidFrom } from '../../line/retry-key';
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
