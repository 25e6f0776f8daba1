import {
  type CaseOutcome,
  caseOutcomes,
  type OutsideBody,
  outcomeNames,
  outsideBodies,
  outsideBodyNames,
} from '../../../schema/contracts/staff';
import type { LineMessage } from '../../line/gateway';
import { actOnCase, type CaseRequest } from '../../cases/case-actions';
import { type CaseCommand, canRead, decide } from '../../cases/case-machine';
import { refusalText } from '../../cases/case-refusals';
import { type CaseRecord, getCase } from '../../cases/cases-data';
import { clearPrompt, setPrompt, type StaffPrompt } from '../../cases/prompts-data';
import { listUnits, type StaffMember, staffWithRole } from '../../staff/staff-data';
import { choiceMessage } from '../../cases/cards/case-card';
import { answerResult, showCase } from './case-replies';
import type { StaffPostback } from '../../cases/cards/staff-postback';
import { actionDeps, corruptionInGroupText, inGroup, type StaffTurn, say, sayText } from './turn';

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
    case 'cls':
      return arg === 'duplicate'
        ? `พิมพ์เลขรับเรื่องเดิมที่ซ้ำกัน ตามด้วยสรุปผลที่จะแจ้งผู้ร้องเรียน เช่น K7QM-4R9P ได้รวมการดำเนินการกับเรื่องเดิมแล้ว`
        : `พิมพ์สรุปผลการดำเนินการเรื่อง ${c.code} (ผล: ${outcomeNames[arg as CaseOutcome]}) ที่จะแจ้งผู้ร้องเรียน`;
  }
}

// A representative command, to refuse a button before asking the staff member to type anything.
function precheckCommand(button: StaffPostback, actor: StaffMember): CaseCommand | null {
  switch (button.action) {
    case 'asg':
      return { type: 'assign_staff', target: actor };
    case 'ask':
      return { type: 'ask_info' };
    case 'upd':
      return { type: 'update' };
    case 'esc':
      return { type: 'escalate' };
    case 'ins':
      return { type: 'instruct' };
    case 'fwd':
    case 'fwdb':
      return { type: 'forward' };
    case 'cls':
    case 'clso':
      return {
        type: 'close',
        outcome: (caseOutcomes as readonly string[]).includes(button.arg)
          ? (button.arg as CaseOutcome)
          : 'resolved',
      };
    default:
      return null;
  }
}

/** A staff button pressed (1:1 or in the desk group): re-checks everything, then acts or asks for more. */
export async function onStaffButton(
  turn: StaffTurn,
  actor: StaffMember,
  button: StaffPostback,
): Promise<void> {
  const { db, org } = turn.ctx;
  if (button.action === 'cancel') {
    await clearPrompt(db, org.id, turn.chatKey, actor.id);
    return sayText(turn, 'ยกเลิกแล้ว');
  }
  const c = await getCase(db, org.id, button.caseId);
  if (!c || !canRead(c, actor)) return sayText(turn, 'ไม่พบเรื่องนี้ หรือท่านไม่มีสิทธิ์เข้าถึงเรื่องนี้');
  if (inGroup(turn) && c.track === 'corruption') return sayText(turn, corruptionInGroupText);
  const perform = (request: CaseRequest) =>
    actOnCase(actionDeps(turn), actor, c, request, button.version).then((r) => answerResult(turn, actor, r));

  const pre = precheckCommand(button, actor);
  if (pre) {
    const decision = decide(c, pre, actor, button.version);
    if (!decision.ok)
      return answerResult(turn, actor, {
        ok: false,
        reason: decision.refusal,
        message: refusalText(decision.refusal, c.status),
        case: c,
      });
  }
  switch (button.action) {
    case 'view':
      return showCase(turn, actor, c);
    case 'acc':
      return perform({ action: 'accept' });
    case 'reo':
      return perform({ action: 'reopen' });
    case 'asgu':
      return perform({ action: 'assign', unitId: Number(button.arg) });
    case 'asgs':
      return perform({ action: 'assign', staffId: Number(button.arg) });
    case 'asg':
      return say(turn, [await assignChoices(turn, c)]);
    case 'fwd':
      return reply(
        turn,
        choiceMessage(
          `ส่งเรื่อง ${c.code} ต่อไปยังหน่วยงานใด`,
          c,
          outsideBodies.map((b) => ({ action: 'fwdb', arg: b, label: outsideBodyNames[b] })),
        ),
      );
    case 'cls':
      return reply(
        turn,
        choiceMessage(
          `ผลการดำเนินการเรื่อง ${c.code}`,
          c,
          caseOutcomes.map((o) => ({ action: 'clso', arg: o, label: outcomeNames[o] })),
        ),
      );
    case 'ask':
    case 'upd':
    case 'esc':
    case 'ins':
    case 'fwdb':
    case 'clso': {
      const action = ({ ask: 'ask', upd: 'upd', esc: 'esc', ins: 'ins', fwdb: 'fwd', clso: 'cls' } as const)[
        button.action
      ];
      if (action === 'fwd' && !(outsideBodies as readonly string[]).includes(button.arg))
        return sayText(turn, 'ไม่รู้จักหน่วยงานนี้');
      if (action === 'cls' && !(caseOutcomes as readonly string[]).includes(button.arg))
        return sayText(turn, 'ไม่รู้จักผลการดำเนินการนี้');
      await setPrompt(db, {
        orgId: org.id,
        chatId: turn.chatKey,
        staffId: actor.id,
        complaintId: c.id,
        action,
        arg: button.arg,
        version: button.version,
        now: turn.ctx.now(),
      });
      return reply(turn, choiceMessage(promptQuestion(c, action, button.arg), c, []));
    }
  }
}

const reply = (turn: StaffTurn, message: LineMessage) => say(turn, [message]);

// Who or where a case can go: integrity officers for corruption; units and officers for grievances.
async function assignChoices(turn: StaffTurn, c: CaseRecord) {
  const { db, org } = turn.ctx;
  if (c.track === 'corruption') {
    const people = await staffWithRole(db, org.id, 'integrity');
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
