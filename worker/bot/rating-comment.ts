import type { WebhookEvent } from '../../schema/contracts/line-webhook';
import { getCase } from '../cases/cases-data';
import {
  commentPersonKeys,
  openCommentWindow,
  RATING_COMMENT_MAX,
  recordComment,
  takeCommentWindow,
} from '../cases/rating-comments';
import { readTypedCode } from '../cases/tracking/typed-code';
import type { Keyring } from '../crypto/secret-box';
import type { LineMessage } from '../line/gateway';
import type { BotContext } from './context';
import type { EventInput } from './event-input';
import { entryPoints } from './messages/welcome';
import type { Person } from './person-lookup';
import { replyTo } from './reply';

/** The "ไม่มี" quick reply's postback: ends the person's comment window, whichever case it is for. */
export const SKIP_COMMENT = 'rate-skip';

const MENU_WORDS = new Set<string>(Object.values(entryPoints));
const tooLongText = `ความเห็นยาวได้ไม่เกิน ${RATING_COMMENT_MAX} ตัวอักษร กรุณาพิมพ์ให้สั้นลงแล้วส่งอีกครั้ง หรือแตะ "ไม่มี"`;

/** The line and the "ไม่มี" quick reply that invite a comment after a rating. */
export function commentInvitation(text: string): LineMessage {
  return {
    type: 'text',
    text: `${text}\nพิมพ์ความเห็นเพิ่มเติมได้ในข้อความถัดไป หรือแตะ "ไม่มี"`,
    quickReply: {
      items: [
        {
          type: 'action',
          action: { type: 'postback', label: 'ไม่มี', data: SKIP_COMMENT, displayText: 'ไม่มี' },
        },
      ],
    },
  };
}

/** Opens the person's window for a comment on this rating (COMMENT_WINDOW_MS). */
export async function awaitComment(
  ctx: BotContext,
  keyring: Keyring,
  at: { userId: string; complaintId: number; closedVersion: number },
): Promise<void> {
  const [personKey] = await commentPersonKeys(keyring, ctx.org.id, at.userId);
  await openCommentWindow(ctx.db, { ...at, orgId: ctx.org.id, personKey: personKey!, now: ctx.now() });
}

// Texts that keep doing what they did: the menu's words, "ติดตาม…" and a typed tracking code. The
// window stays open for the comment itself.
const notAComment = (text: string) =>
  MENU_WORDS.has(text) || text.startsWith('ติดตาม') || readTypedCode(text) !== null;

/** "ไม่มี": ends the person's comment window (if still open) and thanks them. */
export async function skipComment(ctx: BotContext, event: WebhookEvent, person: Person): Promise<void> {
  await takeCommentWindow(ctx.db, { orgId: ctx.org.id, personKeys: person.keys.comment, now: ctx.now() });
  await replyTo(ctx, event, [{ type: 'text', text: 'รับทราบ ขอบคุณที่ให้คะแนนครับ' }]);
}

/**
 * The text after a rating, while its window is open: kept as the rating's comment, once (the window is
 * taken first, and a comment already kept is never replaced). Menu words and tracking codes are not
 * comments (false: they go on as before, and the window stays open). False for anything not ours.
 */
export async function handleRatingComment(
  ctx: BotContext,
  event: WebhookEvent,
  input: EventInput,
  person: Person,
): Promise<boolean> {
  const say = (text: string) => replyTo(ctx, event, [{ type: 'text', text }]).then(() => true);
  const keys = { orgId: ctx.org.id, personKeys: person.keys.comment, now: ctx.now() };
  if (!person.comment || event.type !== 'message' || input.text === null) return false;
  const text = input.text.trim();
  if (text === '' || notAComment(text)) return false;
  if (text.length > RATING_COMMENT_MAX) return say(tooLongText);
  const window = await takeCommentWindow(ctx.db, keys);
  if (!window) return false;
  const recorded = await recordComment(ctx.db, { ...window, orgId: ctx.org.id, now: ctx.now() }, text);
  const code = (await getCase(ctx.db, ctx.org.id, window.complaintId))?.code ?? '';
  return say(
    recorded
      ? `บันทึกความเห็นของท่านเกี่ยวกับเรื่อง ${code} แล้ว ${ctx.org.name}ขอบคุณสำหรับความเห็นครับ`
      : `ความเห็นเรื่อง ${code} ของท่านบันทึกไว้แล้ว ขอบคุณครับ`,
  );
}
