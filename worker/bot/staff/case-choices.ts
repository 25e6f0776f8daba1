import { escalationBarred } from '../../cases/involvement-policy';
import { mayStaff } from '../../cases/case-audience';
import {
  type CaseOutcome,
  caseOutcomes,
  type OutsideBody,
  outcomeNames,
  outsideBodies,
  outsideBodyNames,
} from '../../../schema/contracts/staff';
import type { CaseRecord } from '../../cases/cases-data';
import type { LineMessage } from '../../line/gateway';
import { setPrompt, type StaffPrompt } from '../../cases/prompts-data';
import { listUnits, type StaffMember, staffWithRole } from '../../staff/staff-data';
import { choiceMessage } from '../../cases/cards/case-card';
import { type StaffTurn, say } from './turn';

/*
 * What the staff chat asks next about a case, by button or typed command alike: the choices of where
 * to forward it, how to close it and whom to assign it to, and the question a typing prompt asks.
 */

/** The question a typing prompt asks. */
export function promptQuestion(
  c: Pick<CaseRecord, 'code'>,
  action: StaffPrompt['action'],
  arg: string,
): string {
  switch (action) {
    case 'ask':
      return `พิมพ์คำถามถึงผู้ร้องเรียนเรื่อง ${c.code} ระบบจะส่งในนามหน่วยงาน ไม่แสดงชื่อของท่าน`;
    case 'upd':
      return `พิมพ์ความคืบหน้าเรื่อง ${c.code} ที่จะแจ้งผู้ร้องเรียน`;
    case 'fwd':
      return arg === 'other'
        ? `พิมพ์ชื่อหน่วยงานและเลขที่หนังสือ คั่นด้วย / เช่น สำนักงานจังหวัด / ลป 0023/123`
        : `พิมพ์เลขที่หนังสือหรือเลขอ้างอิงการส่งเรื่อง ${c.code} ไปยัง${outsideBodyNames[arg as OutsideBody]}`;
    case 'esc':
      return `พิมพ์เหตุผลหรือประเด็นที่ขอให้ผู้บริหารพิจารณาเรื่อง ${c.code}`;
    case 'ins':
      return `พิมพ์ข้อสั่งการเรื่อง ${c.code} ถึงผู้รับผิดชอบ`;
    case 'rec':
      return `พิมพ์เหตุที่ท่านมีส่วนได้เสียกับเรื่อง ${c.code} เมื่อส่งแล้ว ท่านจะเปิดเรื่องนี้ไม่ได้อีกทันที และเจ้าหน้าที่ป้องกันการทุจริตคนอื่นจะได้รับแจ้ง`;
    case 'cls':
      return arg === 'duplicate'
        ? `พิมพ์เลขรับเรื่องเดิมที่ซ้ำกัน ตามด้วยสรุปผลที่จะแจ้งผู้ร้องเรียน เช่น K7QM-4R9P ได้รวมการดำเนินการกับเรื่องเดิมแล้ว`
        : `พิมพ์สรุปผลการดำเนินการเรื่อง ${c.code} (ผล: ${outcomeNames[arg as CaseOutcome]}) ที่จะแจ้งผู้ร้องเรียน`;
  }
}

/**
 * Asks the staff member for the text an action needs: leaves the prompt, on the version they saw, so
 * their next text in this chat is taken as that text, and says the question.
 */
export async function askForText(
  turn: StaffTurn,
  actor: StaffMember,
  c: CaseRecord,
  ask: { action: StaffPrompt['action']; arg: string; version: number },
): Promise<void> {
  await setPrompt(turn.ctx.db, {
    orgId: turn.ctx.org.id,
    chatId: turn.chatKey,
    staffId: actor.id,
    complaintId: c.id,
    ...ask,
    now: turn.ctx.now(),
  });
  return say(turn, [choiceMessage(promptQuestion(c, ask.action, ask.arg), c, [])]);
}

// A tip about the executive or the clerk: the bodies that oversee local executives come first.
const overseersFirst: readonly OutsideBody[] = [
  'district',
  'province',
  'nacc',
  'pacc',
  'damrongdhama',
  'other',
];

/** The outside bodies a case can be forwarded to, as choices. */
export const forwardChoices = (c: Pick<CaseRecord, 'id' | 'version' | 'code' | 'involvement'>): LineMessage =>
  choiceMessage(
    `ส่งเรื่อง ${c.code} ต่อไปยังหน่วยงานใด`,
    c,
    (escalationBarred(c.involvement) ? overseersFirst : outsideBodies).map((b) => ({
      action: 'fwdb',
      arg: b,
      label: outsideBodyNames[b],
    })),
  );

/** The outcomes a case can be closed with, as choices. */
export const outcomeChoices = (c: Pick<CaseRecord, 'id' | 'version' | 'code'>): LineMessage =>
  choiceMessage(
    `ผลการดำเนินการเรื่อง ${c.code}`,
    c,
    caseOutcomes.map((o) => ({ action: 'clso', arg: o, label: outcomeNames[o] })),
  );

/** Who or where a case can go: integrity officers for corruption; units and officers for grievances. */
export async function assignChoices(turn: StaffTurn, c: CaseRecord): Promise<LineMessage> {
  const { db, org } = turn.ctx;
  if (c.track === 'corruption') {
    // Never someone the involvement policy keeps out of this case (the machine would refuse them).
    const people = (await staffWithRole(db, org.id, 'integrity')).filter((p) => mayStaff(c, p, 'act'));
    return choiceMessage(
      `มอบหมายเรื่อง ${c.code} ให้ใคร`,
      c,
      people.map((p) => ({ action: 'asgs', arg: String(p.id), label: p.displayName })),
    );
  }
  const [units, officers] = await Promise.all([listUnits(db, org.id), staffWithRole(db, org.id, 'officer')]);
  const choices = [
    ...officers
      .slice(0, 6)
      .map((p) => ({ action: 'asgs' as const, arg: String(p.id), label: p.displayName })),
    ...units
      .filter((u) => !u.handlesIntegrity)
      .map((u) => ({ action: 'asgu' as const, arg: String(u.id), label: u.name })),
  ];
  return choiceMessage(`มอบหมายเรื่อง ${c.code} ให้เจ้าหน้าที่หรือหน่วยงานใด`, c, choices);
}
