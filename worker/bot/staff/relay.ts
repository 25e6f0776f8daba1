import type { WebhookEvent } from '../../../schema/contracts/line-webhook';
import { recordComplainantAnswer } from '../../cases/complainant-answer';
import type { BotContext } from '../context';
import { replyTo } from '../complaint/send';
import type { EventInput } from '../event-input';
import type { ReplyWait } from '../person-lookup';
import { entryPoints } from '../messages/welcome';
import { answerTarget, relayMedia } from './relay-media';
import { tellAsker } from './relay-notice';

const MENU_WORDS = new Set<string>(Object.values(entryPoints));

/**
 * A complainant's answer to a question staff asked through the bot: `wait` is their open question,
 * found by dispatch from a keyed hash of their LINE user id (the wait written by the notifier). Text
 * is attached to the case as an event and forwarded to the staff member who asked; photos and PDF
 * files become attachments of the case (relay-media.ts). Staff read the answer and the case code,
 * never who sent it. Returns false when the person has no open question (the message is then not ours).
 */
export async function handleComplainantAnswer(
  ctx: BotContext,
  event: WebhookEvent,
  input: EventInput,
  wait: ReplyWait | null,
): Promise<boolean> {
  if (event.type !== 'message' || !event.source?.userId || !wait) return false;
  if (input.text === null) return relayMedia(ctx, event, input, answerTarget(ctx, wait));

  const answer = input.text.trim();
  // A tap on a menu chip ("ติดตามเรื่อง" to read the question again) is not an answer: the menu answers it.
  if (MENU_WORDS.has(answer)) return false;
  const c = await recordComplainantAnswer(ctx.db, {
    orgId: ctx.org.id,
    complaintId: wait.complaintId,
    answer,
    now: ctx.now(),
  });
  // The case moved on meanwhile (closed, or answered already): the question is no longer open.
  if (!c) return false;
  await replyTo(ctx, event, [
    { type: 'text', text: `ส่งข้อความของท่านถึงเจ้าหน้าที่ผู้รับผิดชอบเรื่อง ${c.code} แล้ว ขอบคุณที่ให้ข้อมูลเพิ่มเติม` },
  ]);
  // LINE takes 5000 characters a message; the whole answer is on the case.
  await tellAsker(ctx, {
    caseId: c.id,
    askedBy: wait.askedBy,
    lead: (fresh) => `ผู้ร้องเรียนตอบกลับเรื่อง ${fresh.code}:\n\n${answer.slice(0, 4000)}`,
  });
  return true;
}
