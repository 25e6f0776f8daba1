import { refusalText } from '../../../lib/texts/evidence-refusals';
import type { WebhookEvent } from '../../../schema/contracts/line-webhook';
import { finalStatuses } from '../../../schema/contracts/staff';
import { type EvidenceMessage, receiveContent } from '../../complaints/evidence';
import type { EvidenceRefusal, EvidenceType } from '../../complaints/evidence-rules';
import { imageSetOf, setComplete, setPhotosText, settleSetMember } from '../../complaints/image-sets';
import { storeCaseFile } from '../../cases/case-files';
import { getCase } from '../../cases/cases-data';
import type { BotContext } from '../context';
import { replyTo } from '../complaint/send';
import type { EventInput } from '../event-input';
import type { ReplyWait } from '../person-lookup';
import { tellAsker } from './relay-notice';

/**
 * Where a complainant's file goes: the case, how its receipt reads, who hears of it (once per file or
 * set, `ref` names it) and what to forget when the case is no longer open.
 */
export interface MediaTarget {
  complaintId: number;
  receipt: (what: string, code: string) => string;
  tell: (c: { id: number; code: string }, sent: string, ref: string) => Promise<unknown>;
  gone: () => Promise<void>;
}

const say = (ctx: BotContext, event: WebhookEvent, text: string) =>
  replyTo(ctx, event, [{ type: 'text', text }]).then(() => true);

const mediaRefusedText = 'ขออภัย ยังส่งวิดีโอและไฟล์เสียงถึงเจ้าหน้าที่ไม่ได้ กรุณาส่งเป็นรูปภาพหรือไฟล์ PDF หรือพิมพ์เป็นข้อความ';
const onlyTextText = 'ขณะนี้ส่งถึงเจ้าหน้าที่ได้เฉพาะข้อความ รูปภาพ และไฟล์ PDF กรุณาพิมพ์ข้อความของท่าน';
const caseFullText = 'เรื่องนี้มีรูปภาพและไฟล์ที่ส่งเพิ่มครบจำนวนที่รับได้แล้ว ไฟล์นี้จึงไม่ได้แนบ หากมีข้อมูลเพิ่มเติม กรุณาพิมพ์เป็นข้อความ';

/**
 * A photo or PDF a complainant sends while their case awaits information becomes an attachment of the
 * case: downloaded, checked and stripped of metadata exactly like complaint evidence, stored in R2
 * under `evidence/<org>/case-<id>/`, recorded with a timeline event (actor: the complainant), answered,
 * and announced to the staff member who asked, with a link to the case, never the file or the sender.
 * The question stays open: the complainant's text still answers it (docs/staff.md). Video, audio,
 * Word and the rest are refused and nothing is stored. False when the case is no longer open. The same
 * path takes files sent in a "ส่งข้อมูลเพิ่มเติม" window (`target`, bot/tracking/add-info.ts).
 */
export async function relayMedia(
  ctx: BotContext,
  event: WebhookEvent,
  input: EventInput,
  target: MediaTarget,
): Promise<boolean> {
  const kind = input.messageType;
  if (kind === 'video' || kind === 'audio') return say(ctx, event, mediaRefusedText);
  if (kind !== 'image' && kind !== 'file') return say(ctx, event, onlyTextText);

  const c = await getCase(ctx.db, ctx.org.id, target.complaintId);
  if (!c || finalStatuses.includes(c.status)) {
    // The case moved on meanwhile: the wait is no longer open, and the file is not ours.
    await target.gone();
    return false;
  }
  const message = (event as unknown as { message: EvidenceMessage }).message;
  const set = imageSetOf(message);
  const stored = await downloadCaseFile(ctx, c, message);
  if (!set) {
    if (!isStored(stored)) return say(ctx, event, refused(stored, kind));
    const what = stored === 'application/pdf' ? 'ไฟล์ PDF ' : 'รูปภาพ';
    await say(ctx, event, target.receipt(what, c.code));
    await target.tell(c, stored === 'application/pdf' ? 'ไฟล์ PDF เพิ่มเติม' : 'รูปเพิ่มเติม', message.id);
    return true;
  }
  // Photos sent together arrive one event each, in any order: each refused one is answered, and the
  // stored ones answered and announced once, by whichever event completes the set.
  const progress = await settleSetMember(ctx.db, {
    orgId: ctx.org.id,
    owner: { complaintId: c.id },
    set,
    sourceRef: message.id,
    refused: !isStored(stored),
    now: ctx.now(),
  });
  const complete = setComplete(progress) && progress.stored > 0;
  const texts = [
    ...(isStored(stored) ? [] : [refused(stored, kind)]),
    ...(complete ? [target.receipt(setPhotosText(progress), c.code)] : []),
  ];
  if (texts.length > 0)
    await replyTo(
      ctx,
      event,
      texts.map((text) => ({ type: 'text', text })),
    );
  if (complete) await target.tell(c, `รูปเพิ่มเติม ${progress.stored} รูป`, set.id);
  return true;
}

const refused = (outcome: Refusal, kind: 'image' | 'file') =>
  outcome === 'full' ? caseFullText : refusalText(outcome, kind);

// Thai runs on after Thai words; after a Latin word ("PDF") it takes a space.
const receiptText = (what: string, code: string) =>
  `ได้รับ${what}แล้ว แนบไว้กับเรื่อง ${code} ให้เจ้าหน้าที่ผู้รับผิดชอบแล้ว หากมีคำอธิบายเพิ่มเติม พิมพ์ตอบได้เลย`;

/**
 * Files sent while a question is open: the officer who asked hears of each file or set once (the retry
 * key), never the file or the sender; a case that moved on closes the question.
 */
export const answerTarget = (ctx: BotContext, wait: ReplyWait): MediaTarget => ({
  complaintId: wait.complaintId,
  receipt: receiptText,
  tell: (c, sent, ref) =>
    tellAsker(ctx, {
      caseId: c.id,
      askedBy: wait.askedBy,
      lead: (fresh) => staffLead(sent, fresh.code),
      retryKey: `relay-file:${ctx.org.id}:${c.code}:${ref}`,
    }),
  gone: async () => {
    await ctx.db.$client
      .prepare('delete from case_reply_waits where complaint_id = ?')
      .bind(wait.complaintId)
      .run();
  },
});

/** What staff read about a file the complainant sent: what it is and the case, never the sender. */
export const staffLead = (sent: string, code: string) =>
  `ผู้ร้องเรียนส่ง${sent}ในเรื่อง ${code} กด "ดูรายละเอียด" เพื่อเปิดดูในระบบเจ้าหน้าที่`;

type Refusal = EvidenceRefusal | 'full';
const isStored = (outcome: EvidenceType | Refusal): outcome is EvidenceType => outcome.includes('/');

// Downloads one file of the case and stores it (the domain's storeCaseFile): its type (also when LINE
// redelivered a stored one, so the answer and the notice are given again: the notice's retry key sends
// it once), or why not.
async function downloadCaseFile(
  ctx: BotContext,
  c: { id: number },
  message: EvidenceMessage,
): Promise<EvidenceType | Refusal> {
  const download = await receiveContent({ line: ctx.line }, message);
  if (typeof download === 'string') return download;
  return storeCaseFile({ db: ctx.db, bucket: ctx.env.EVIDENCE, orgId: ctx.org.id, now: ctx.now() }, c.id, {
    kind: message.type,
    bytes: download,
    sourceRef: message.id,
    imageSet: imageSetOf(message),
  });
}
