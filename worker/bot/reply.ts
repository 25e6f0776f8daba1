import type { WebhookEvent } from '../../schema/contracts/line-webhook';
import { LineApiError, type LineMessage } from '../line/gateway';
import type { BotContext } from './context';

/**
 * Replies to the event. A used or expired reply token (a late retry) can never succeed, so it is logged
 * and dropped rather than retried; flows whose answer must arrive push instead (complaint/send.ts).
 */
export async function replyTo(ctx: BotContext, event: WebhookEvent, messages: LineMessage[]): Promise<void> {
  if (!event.replyToken || messages.length === 0) return;
  try {
    await ctx.line.reply(event.replyToken, messages);
  } catch (error) {
    if (error instanceof LineApiError && error.invalidReplyToken) {
      console.warn('reply token no longer valid', { org: ctx.org.slug, type: event.type });
      return;
    }
    throw error;
  }
}
