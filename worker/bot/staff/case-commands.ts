import { getCase } from '../../cases/cases-data';
import type { CaseOutcome, OutsideBody } from '../../../schema/contracts/staff';
import { parseTrackingCode } from '../../complaints/tracking-code';
import { actOnCase, type CaseRequest, performCaseAction } from '../../cases/case-actions';
import { canRead } from '../../cases/case-machine';
import { getCaseByCode } from '../../cases/cases-data';
import { declareRecusal } from '../../cases/recusal';
import { bodyFromWord, outcomeFromWord, type StaffCommand } from '../../cases/command-parse';
import { pendingAfterPhoto } from '../../cases/after-photos';
import { clearPrompt, PROMPT_TTL_MS, type StaffPrompt } from '../../cases/prompts-data';
import { findUnit, listStaff, type StaffMember } from '../../staff/staff-data';
import { answerResult, showCase } from './case-replies';
import { askForText, forwardChoices, outcomeChoices } from './case-choices';
import { actionDeps, cardLinks, corruptionInGroupText, inGroup, type StaffTurn, say, sayText } from './turn';

/** "ผู้ตรวจ / ลป 0023/123" → agency and reference (" / " first, then the first "/"). */
function splitAgency(text: string): { agencyName: string; reference: string } {
  const at = text.includes(' / ') ? text.indexOf(' / ') : text.indexOf('/');
  if (at < 0) return { agencyName: text.trim(), reference: '' };
  const width = text.startsWith(' / ', at) ? 3 : 1;
  return { agencyName: text.slice(0, at).trim(), reference: text.slice(at + width).trim() };
}

/** "K7QM-4R9P สรุปผล…" → the original's code and the summary. */
function splitDuplicate(text: string): { duplicateOf?: string; summary: string } {
  const [first = '', ...rest] = text.split(' ');
  const code = parseTrackingCode(first);
  return code ? { duplicateOf: code, summary: rest.join(' ') } : { summary: text };
}

function requestFor(action: Exclude<StaffPrompt['action'], 'rec'>, arg: string, text: string): CaseRequest {
  switch (action) {
    case 'ask':
      return { action: 'ask_info', message: text };
    case 'upd':
      return { action: 'update', message: text };
    case 'esc':
      return { action: 'escalate', message: text };
    case 'ins':
      return { action: 'instruct', message: text };
    case 'fwd':
      return arg === 'other'
        ? { action: 'forward', body: 'other', ...splitAgency(text) }
        : { action: 'forward', body: arg as OutsideBody, reference: text };
    case 'cls':
      return arg === 'duplicate'
        ? { action: 'close', outcome: 'duplicate', ...splitDuplicate(text) }
        : { action: 'close', outcome: arg as CaseOutcome, summary: text };
  }
}

/** The staff member's text after a button asked for it: the question, update, reference or result. */
export async function onPromptText(turn: StaffTurn, actor: StaffMember, prompt: StaffPrompt, text: string) {
  const { db, org } = turn.ctx;
  if (text === 'ยกเลิก') {
    await clearPrompt(db, org.id, turn.chatKey, actor.id);
    return sayText(turn, 'ยกเลิกแล้ว');
  }
  if (prompt.action === 'rec') return recuseFromPrompt(turn, actor, prompt, text);
  const request = requestFor(prompt.action, prompt.arg, text);
  // A photo sent while this prompt was open (after-photo.ts) goes with the result: the newest one.
  if (request.action === 'close' && request.outcome === 'resolved') {
    const since = turn.ctx.now() - PROMPT_TTL_MS;
    request.afterPhotoId = (await pendingAfterPhoto(db, prompt.complaintId, since)) ?? undefined;
  }
  const result = await performCaseAction(
    actionDeps(turn),
    actor,
    prompt.complaintId,
    request,
    prompt.version,
  );
  // A typing mistake keeps the prompt, so the next text is tried again; anything else ends it.
  if (result.ok || result.reason !== 'invalid') await clearPrompt(db, org.id, turn.chatKey, actor.id);
  return answerResult(turn, actor, result);
}

/** A typed case command: "รับเรื่อง K7QM-4R9P", "ปิดเรื่อง K7QM-4R9P แก้ไขแล้ว ซ่อมไฟแล้ว", … */
export async function onCaseCommand(
  turn: StaffTurn,
  actor: StaffMember,
  command: Extract<StaffCommand, { kind: 'case' }>,
): Promise<void> {
  const { db, org } = turn.ctx;
  if (!command.code) return sayText(turn, 'เลขรับเรื่องไม่ถูกต้อง ตัวอย่าง: รับเรื่อง K7QM-4R9P');
  const c = await getCaseByCode(db, org.id, command.code);
  if (!c || !canRead(c, actor)) return sayText(turn, `ไม่พบเรื่อง ${command.code} หรือท่านไม่มีสิทธิ์เข้าถึงเรื่องนี้`);
  if (inGroup(turn) && c.track === 'corruption') return sayText(turn, corruptionInGroupText);
  const perform = async (request: CaseRequest) =>
    answerResult(turn, actor, await actOnCase(actionDeps(turn), actor, c, request));
  const ask = (action: StaffPrompt['action'], arg = '') =>
    askForText(turn, actor, c, { action, arg, version: c.version });
  const rest = command.rest;
  switch (command.verb) {
    case 'view':
      return showCase(turn, actor, c);
    case 'accept':
      return perform({ action: 'accept' });
    case 'reopen':
      return perform({ action: 'reopen' });
    case 'ask':
      return rest ? perform({ action: 'ask_info', message: rest }) : ask('ask');
    case 'update':
      return rest ? perform({ action: 'update', message: rest }) : ask('upd');
    case 'escalate':
      return rest ? perform({ action: 'escalate', message: rest }) : ask('esc');
    case 'instruct':
      return rest ? perform({ action: 'instruct', message: rest }) : ask('ins');
    case 'forward': {
      const [word = '', ...tail] = rest.split(' ');
      const body = bodyFromWord(word);
      if (!body) return say(turn, [forwardChoices(c)]);
      const text = tail.join(' ').trim();
      return text ? perform(requestFor('fwd', body, text)) : ask('fwd', body);
    }
    case 'close': {
      const [word = '', ...tail] = rest.split(' ');
      const outcome = outcomeFromWord(word);
      if (!outcome) return say(turn, [outcomeChoices(c)]);
      const text = tail.join(' ').trim();
      return text ? perform(requestFor('cls', outcome, text)) : ask('cls', outcome);
    }
    case 'recuse':
      return sayText(turn, (await declareRecusal(recusalDeps(turn), actor, c, rest)).text);
    case 'assign': {
      const unit = rest ? await findUnit(db, org.id, { text: rest }) : null;
      if (unit) return perform({ action: 'assign', unitId: unit.id });
      const people = rest ? (await listStaff(db, org.id)).filter((p) => p.displayName.includes(rest)) : [];
      if (people.length === 1) return perform({ action: 'assign', staffId: people[0]!.id });
      return sayText(turn, `ไม่พบหน่วยงานหรือเจ้าหน้าที่ชื่อ "${rest}" กดปุ่ม "มอบหมาย" บนการ์ดเรื่องเพื่อเลือกจากรายชื่อ`);
    }
  }
}

// The card's "ถอนตัว (มีส่วนได้เสีย)" asked why: the typed reason declares the recusal (recusal.ts).
async function recuseFromPrompt(turn: StaffTurn, actor: StaffMember, prompt: StaffPrompt, reason: string) {
  const { db, org } = turn.ctx;
  await clearPrompt(db, org.id, turn.chatKey, actor.id);
  const c = await getCase(db, org.id, prompt.complaintId);
  if (!c) return sayText(turn, 'ไม่พบเรื่องนี้ หรือท่านไม่มีสิทธิ์เข้าถึงเรื่องนี้');
  return sayText(turn, (await declareRecusal(recusalDeps(turn), actor, c, reason)).text);
}

const recusalDeps = (turn: StaffTurn) => ({
  db: turn.ctx.db,
  keyring: turn.keyring,
  line: turn.ctx.line,
  links: cardLinks(turn),
  now: turn.ctx.now(),
});
