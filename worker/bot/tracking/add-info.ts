import { infoAddedText, infoClosedText, infoLimitText } from '../../../lib/texts/tracking-texts';
import { INFO_PER_DAY_MAX } from '../../cases/info-added';
import type { WebhookEvent } from '../../../schema/contracts/line-webhook';
import { INFO_TEXT_MAX } from '../../../schema/contracts/tracking';
import { readInfoPostback } from '../../cases/cards/tracked-case-card';
import { getCase } from '../../cases/cases-data';
import { closeInfoWindow, openInfoWindow } from '../../cases/tracking/info-waits';
import { readTypedCode } from '../../cases/tracking/typed-code';
import type { LineMessage } from '../../line/gateway';
import { addInformation, type InfoNoticeDeps, tellHandlers } from '../../notices/info-added-notice';
import type { BotContext } from '../context';
import type { EventInput } from '../event-input';
import { entryPoints } from '../messages/welcome';
import type { Person } from '../person-lookup';
import { replyTo } from '../reply';
import { relayMedia, staffLead } from '../staff/relay-media';

const MENU_WORDS = new Set<string>(Object.values(entryPoints));

const say = (ctx: BotContext, event: WebhookEvent, text: string, chips: string[] = []) => {
  const message: LineMessage = { type: 'text', text };
  if (chips.length > 0)
    message.quickReply = {
      items: chips.map((label) => ({ type: 'action', action: { type: 'message', label, text: label } })),
    };
  return replyTo(ctx, event, [message]).then(() => true);
};

const askText = (code: string) =>
  `พิมพ์ข้อมูลเพิ่มเติม หรือส่งรูปภาพสำหรับเรื่อง ${code} ได้เลยภายใน 10 นาที ` +
  'ข้อมูลจะบันทึกไว้กับเรื่องและแจ้งเจ้าหน้าที่ผู้รับผิดชอบ โดยไม่แจ้งชื่อหรือบัญชี LINE ของท่าน';
// One sentence for every tap that does not open: another person's case, no such code, an expired grant.
const refusedText =
  'ส่งข้อมูลเพิ่มเติมสำหรับเรื่องนี้ไม่ได้ หากเป็นเรื่องที่แจ้งแบบไม่เปิดเผยตัวตน กรุณาพิมพ์เลขรับเรื่องและรหัส PIN อีกครั้ง แล้วกด "ส่งข้อมูลเพิ่มเติม" ภายใน 30 นาที';
const tooLongText = `ข้อความยาวเกิน ${INFO_TEXT_MAX.toLocaleString('en-US')} ตัวอักษร จึงยังไม่ได้บันทึก กรุณาแบ่งส่งเป็นข้อความที่สั้นลง`;

const noticeDeps = async (ctx: BotContext, person: Person): Promise<InfoNoticeDeps> => ({
  env: ctx.env,
  db: ctx.db,
  keyring: person.keyring,
  target: { org: ctx.org, liff: ctx.liff, line: ctx.line },
  now: ctx.now(),
});

/**
 * The tap on "ส่งข้อมูลเพิ่มเติม" (a tracked case card): opens a 10-minute window for the case when the
 * person may (docs/tracking.md), else says why not. False when the postback is not this button's.
 */
export async function handleInfoTap(
  ctx: BotContext,
  event: WebhookEvent,
  data: string,
  person: Person,
): Promise<boolean> {
  const typed = readInfoPostback(data);
  if (typed === null) return false;
  const code = readTypedCode(typed);
  const window = code
    ? await openInfoWindow(
        { db: ctx.db, keyring: person.keyring, orgId: ctx.org.id, now: ctx.now() },
        person.userId,
        code,
      )
    : ({ kind: 'refused' } as const);
  if (window.kind === 'opened') return say(ctx, event, askText(window.code));
  if (window.kind === 'closed')
    return say(ctx, event, infoClosedText(window.code), [entryPoints.grievance, entryPoints.track]);
  return say(ctx, event, refusedText, [entryPoints.track]);
}

/**
 * A message while the person's "ส่งข้อมูลเพิ่มเติม" window is open: text is recorded on the case and
 * relayed to its handler (the text closes the window); photos and PDFs become files of the case through
 * the answer relay's code (the window stays open for a word about them). Menu words are not taken: the
 * menu answers them. False when the message is not ours.
 */
export async function handleInfoMessage(
  ctx: BotContext,
  event: WebhookEvent,
  input: EventInput,
  person: Person,
): Promise<boolean> {
  const window = person.info;
  if (event.type !== 'message' || !window) return false;
  const deps = await noticeDeps(ctx, person);
  if (input.text === null) {
    return relayMedia(ctx, event, input, {
      complaintId: window.complaintId,
      receipt: (what, code) =>
        `ได้รับ${what}สำหรับเรื่อง ${code} แล้ว เจ้าหน้าที่จะได้รับแจ้ง หากมีคำอธิบายเพิ่มเติม พิมพ์ส่งได้เลย`,
      tell: (c, sent, ref) =>
        tellHandlers(deps, {
          caseId: c.id,
          lead: (fresh) => staffLead(sent, fresh.code),
          key: `info-file:${ctx.org.id}:${c.code}:${ref}`,
        }),
      gone: () => closeWindow(ctx, person, window.complaintId).then(() => undefined),
    });
  }
  const text = input.text.trim();
  if (text === '' || MENU_WORDS.has(text)) return false;
  if (text.length > INFO_TEXT_MAX) return say(ctx, event, tooLongText);
  // Closing first: a redelivered event finds no window and is not recorded twice.
  if (!(await closeWindow(ctx, person, window.complaintId))) return false;
  const c = await addInformation(deps, { complaintId: window.complaintId, text });
  if (typeof c === 'string') {
    const code = (await getCase(ctx.db, ctx.org.id, window.complaintId))?.code ?? '';
    const why = c === 'limit' ? infoLimitText(code, INFO_PER_DAY_MAX) : infoClosedText(code);
    return say(ctx, event, why, [entryPoints.track]);
  }
  return say(ctx, event, infoAddedText(c.code));
}

const closeWindow = (ctx: BotContext, person: Person, complaintId: number) =>
  closeInfoWindow(ctx.db, { orgId: ctx.org.id, personKeys: person.keys.info, complaintId, now: ctx.now() });
