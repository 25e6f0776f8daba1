import { type WebhookEvent, webhookEvent } from '../../schema/contracts/line-webhook';
import { setGroupMembership } from './chats';
import { handleComplaintEvent } from './complaint/handler';
import { offerComplaint } from './complaint/offer';
import type { BotContext } from './context';
import { type EventInput, readInput } from './event-input';
import { groupIntroMessage, welcomeMessage } from './messages/welcome';
import { lookUpPerson } from './person-lookup';
import { withProgressInReply } from './progress-in-reply';
import { handleRatingPostback } from './rating';
import { handleRatingComment, SKIP_COMMENT, skipComment } from './rating-comment';
import { isRatingPostback } from '../cases/satisfaction';
import { handleStaffEvent } from './staff/handler';
import { isStaffPostback } from '../cases/cards/staff-postback';
import { handleComplainantAnswer } from './staff/relay';
import { replyTo } from './reply';
import { routeText } from './text-router';
import { isReceiptRequest } from './commands/liff-receipt';
import { handleInfoMessage, handleInfoTap } from './tracking/add-info';

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
      if (source.type === 'group' || source.type === 'room')
        await handleStaffEvent(ctx, event, readInput(event));
      else if (source.type === 'user') await handleDirect(ctx, event, readInput(event));
      return;
    default:
      // unfollow needs nothing: we keep no list of friends. Every other type is ignored on purpose.
      return;
  }
}

// The sender is looked up once (one keyed-hash set, one D1 statement: draft, staff, prompt, question)
// and every handler below works from that; none of them reads it again.
async function handleDirect(base: BotContext, event: WebhookEvent, input: EventInput): Promise<void> {
  const person = await lookUpPerson(base, event.source!.userId!);
  // A complainant who writes before noon's progress push gets it free with whatever the bot answers.
  const ctx = withProgressInReply(base, person.progress);
  // Staff buttons first: a staff member in the middle of a complaint of their own can still work cases.
  if (isStaffPostback(input.postbackData ?? '') && (await handleStaffEvent(ctx, event, input, person)))
    return;
  // The answer to a case's result (a quick reply), even while a new complaint is in progress.
  if (input.postbackData !== null && isRatingPostback(input.postbackData)) {
    return handleRatingPostback(ctx, event, input.postbackData);
  }
  if (input.postbackData === SKIP_COMMENT) return skipComment(ctx, event, person);
  // A complaint in progress owns every message and postback of its person; it answers by itself.
  if (await handleComplaintEvent(ctx, event, person)) return;
  // The LIFF form's receipt request is the page's message, not an answer to anything waiting below.
  if (input.text !== null && isReceiptRequest(input.text))
    return answerText(ctx, event, person.userId, input.text);
  // Staff commands and the text a staff button asked for; then "ส่งข้อมูลเพิ่มเติม" (the tap, and the
  // window it opened: the newest and most deliberate wait), a rating's comment, then a complainant's
  // answer to staff.
  if (await handleStaffEvent(ctx, event, input, person)) return;
  if (input.postbackData !== null && (await handleInfoTap(ctx, event, input.postbackData, person))) return;
  if (await handleInfoMessage(ctx, event, input, person)) return;
  // The comment on a rating just given (30 minutes): a tracking code or a menu word is not one.
  if (await handleRatingComment(ctx, event, input, person)) return;
  if (await handleComplainantAnswer(ctx, event, input, person.wait)) return;
  if (input.text !== null) {
    const messages = await routeText(ctx, { userId: person.userId, text: input.text });
    if (messages) return replyTo(ctx, event, messages);
  }
  // Nobody took it: a report in the person's own words, a photo, a file, a location or a video is
  // offered as a complaint ("ต้องการแจ้งเรื่องนี้ไหม"), keeping what was sent.
  if (input.postbackData === null && (await offerComplaint(ctx, event, person))) return;
  if (input.text !== null)
    return replyTo(ctx, event, [welcomeMessage(ctx.org.name, { misunderstood: true })]);
  // An old or foreign button falls back to the menu, as do stickers outside a conversation.
  return replyTo(ctx, event, [welcomeMessage(ctx.org.name)]);
}

// A text no conversation owns: the command that understands it, else the menu.
async function answerText(ctx: BotContext, event: WebhookEvent, userId: string, text: string) {
  const messages = await routeText(ctx, { userId, text });
  return replyTo(ctx, event, messages ?? [welcomeMessage(ctx.org.name, { misunderstood: true })]);
}
