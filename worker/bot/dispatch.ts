import { postbackEvent, textMessageEvent, type WebhookEvent, webhookEvent } from '../../schema/line-webhook';
import { setGroupMembership } from './chats';
import { handleComplaintEvent } from './complaint/handler';
import type { BotContext } from './context';
import { groupIntroMessage, welcomeMessage } from './messages/welcome';
import { handleStaffEvent } from './staff/handler';
import { isStaffPostback } from './staff/postback-data';
import { handleComplainantAnswer } from './staff/relay';
import { replyTo } from './reply';
import { routeText } from './text-router';

/**
 * Acts on one webhook event. Unknown event types and fields are accepted and ignored: LINE adds them
 * without notice. In standby mode (another channel owns the chat) membership is still recorded but
 * nothing is ever sent.
 */
export async function handleEvent(ctx: BotContext, raw: unknown): Promise<void> {
  const event = webhookEvent.parse(raw);
  const source = event.source;
  const standby = event.mode === 'standby';

  switch (event.type) {
    case 'follow':
      if (!standby) await replyTo(ctx, event, [welcomeMessage(ctx.org.name)]);
      return;
    case 'join':
    case 'leave': {
      const chatId = source?.groupId ?? source?.roomId;
      if (!chatId || (source?.type !== 'group' && source?.type !== 'room')) return;
      const status = event.type === 'join' ? 'active' : 'gone';
      await setGroupMembership(ctx.db, {
        orgId: ctx.org.id,
        chatId,
        chatType: source.type,
        status,
        now: ctx.now(),
      });
      if (event.type === 'join' && !standby) await replyTo(ctx, event, [groupIntroMessage(ctx.org.name)]);
      return;
    }
    case 'message':
    case 'postback':
      if (standby || !source?.userId) return;
      // In groups only staff commands and buttons are answered; everything else stays unanswered.
      if (source.type === 'group' || source.type === 'room') await handleStaffEvent(ctx, event);
      else if (source.type === 'user') await handleDirect(ctx, event);
      return;
    default:
      // unfollow needs nothing: we keep no list of friends. Every other type is ignored on purpose.
      return;
  }
}

async function handleDirect(ctx: BotContext, event: WebhookEvent): Promise<void> {
  // Staff buttons first: a staff member in the middle of a complaint of their own can still work cases.
  const data = postbackEvent.safeParse(event).data?.postback.data ?? '';
  if (isStaffPostback(data) && (await handleStaffEvent(ctx, event))) return;
  // A complaint in progress owns every message and postback of its person; it answers by itself.
  if (await handleComplaintEvent(ctx, event)) return;
  // Staff commands and the text a staff button asked for; then a complainant's answer to staff.
  if (await handleStaffEvent(ctx, event)) return;
  if (await handleComplainantAnswer(ctx, event)) return;
  const text = textMessageEvent.safeParse(event);
  if (text.success) {
    const messages = await routeText(ctx, { userId: event.source!.userId!, text: text.data.message.text });
    if (messages) return replyTo(ctx, event, messages);
    return replyTo(ctx, event, [welcomeMessage(ctx.org.name, { misunderstood: true })]);
  }
  const postback = postbackEvent.safeParse(event);
  if (postback.success) {
    // No postback actions exist yet; an old or foreign button falls back to the menu.
    return replyTo(ctx, event, [welcomeMessage(ctx.org.name)]);
  }
  // Stickers, images and the like outside a conversation: show the menu.
  return replyTo(ctx, event, [welcomeMessage(ctx.org.name)]);
}
