import { notSentYetText, sendsLaterText } from '../../../lib/texts/complainant-delivery';
import { silentReporterNote } from '../../../lib/texts/reporter-label';
import { outcomeNames, outsideBodyNames, roleNames } from '../../../schema/contracts/staff';
import type { ActionResult } from '../../cases/case-actions';
import { isHandler } from '../../cases/case-machine';
import { complainantMessageActions } from '../../cases/complainant-messages';
import type { CaseRecord } from '../../cases/cases-data';
import { recordCaseView } from '../../cases/case-transition-data';
import type { StaffMember } from '../../staff/staff-data';
import { tellOthers } from '../../cases/action-notices';
import { type CardViewer, caseCard } from '../../cases/cards/case-card';
import { cardLinks, corruptionInGroupText, inGroup, type StaffTurn, say } from './turn';

/** What staff read after an action went through. */
function doneText(c: CaseRecord, action: string, delivered: boolean | null, sendsAt: number | null): string {
  const tells = complainantMessageActions.has(action);
  if (!c.reachInLine && tells) return `บันทึกเรื่อง ${c.code} แล้ว\n${silentReporterNote}`;
  const later = tells && sendsAt !== null;
  const lines: Record<string, string> = {
    accepted: later
      ? `${c.assigneeName ?? 'ท่าน'} รับเรื่อง ${c.code} แล้ว`
      : `${c.assigneeName ?? 'ท่าน'} รับเรื่อง ${c.code} แล้ว ระบบแจ้งผู้ร้องเรียนว่ารับเรื่องแล้ว`,
    assigned: `มอบหมายเรื่อง ${c.code} แล้ว (${c.assigneeName ?? c.unitName ?? ''})`,
    info_requested: `${later ? 'บันทึกคำถาม' : 'ส่งคำถาม'}ถึงผู้ร้องเรียนเรื่อง ${c.code} แล้ว เมื่อผู้ร้องเรียนตอบ ระบบจะส่งคำตอบมาที่ท่าน`,
    progress_update: later ? `บันทึกความคืบหน้าเรื่อง ${c.code} แล้ว` : `ส่งความคืบหน้าเรื่อง ${c.code} ถึงผู้ร้องเรียนแล้ว`,
    forwarded: `บันทึกการส่งต่อเรื่อง ${c.code} ไปยัง${c.handling.referralAgency ?? (c.handling.referralBody ? outsideBodyNames[c.handling.referralBody] : '')} แล้ว`,
    closed: `ปิดเรื่อง ${c.code} แล้ว (ผล: ${c.handling.outcome ? outcomeNames[c.handling.outcome] : ''})${later ? '' : ' และแจ้งผลถึงผู้ร้องเรียนแล้ว'}`,
    reopened: `เปิดเรื่อง ${c.code} อีกครั้งแล้ว`,
    escalated: `บันทึกการเสนอเรื่อง ${c.code} ต่อผู้บริหารแล้ว`,
    instructed: `บันทึกข้อสั่งการเรื่อง ${c.code} แล้ว`,
  };
  const text = lines[action] ?? `บันทึกเรื่อง ${c.code} แล้ว`;
  if (later) return `${text}\n${sendsLaterText(sendsAt)}`;
  return delivered === false ? `${text}\n(บันทึกแล้ว ${notSentYetText})` : text;
}

/** Answers an action: what happened and the fresh card; or why not, with the fresh card when known. */
export async function answerResult(turn: StaffTurn, actor: StaffMember, result: ActionResult): Promise<void> {
  const links = cardLinks(turn);
  if (!result.ok) {
    const shown =
      result.case && !(inGroup(turn) && result.case.track === 'corruption')
        ? [caseCard(result.case, links)]
        : [];
    return say(turn, [{ type: 'text', text: result.message }, ...shown]);
  }
  // The others first, so the actor's answer can say whether they were reached.
  const extra = await tellOthers(
    { db: turn.ctx.db, keyring: turn.keyring, line: turn.ctx.line, links },
    result,
    actor,
  );
  const done = doneText(result.case, result.action, result.delivered, result.sendsAt);
  await say(turn, [
    { type: 'text', text: extra ? `${done}\n${extra}` : done },
    caseCard(result.case, links, undefined, viewerOf(result.case, actor)),
  ]);
}

/** Executives who do not handle the case get the instruction button instead of the handlers' ones. */
export function viewerOf(c: CaseRecord, actor: StaffMember): CardViewer {
  return actor.roles.includes('executive') && !isHandler(c, actor) ? 'executive' : 'handler';
}

/** Shows a case's card; opening a corruption case is written to the audit log (and never in a group). */
export async function showCase(
  turn: StaffTurn,
  actor: StaffMember,
  c: CaseRecord,
  lead?: string,
): Promise<void> {
  if (c.track === 'corruption') {
    if (inGroup(turn)) return say(turn, [{ type: 'text', text: corruptionInGroupText }]);
    await recordCaseView(turn.ctx.db, {
      orgId: turn.ctx.org.id,
      caseId: c.id,
      staffId: actor.id,
      via: 'chat',
      now: turn.ctx.now(),
    });
  }
  const card = caseCard(c, cardLinks(turn), undefined, viewerOf(c, actor));
  return say(turn, lead ? [{ type: 'text', text: lead }, card] : [card]);
}

/** The roles of a member, in Thai. */
export const rolesText = (m: StaffMember) => m.roles.map((r) => roleNames[r]).join(', ') || 'ไม่มีบทบาท';
