import { type CaseOutcome, caseOutcomes, outsideBodies } from '../../../schema/contracts/staff';
import type { LineMessage } from '../../line/gateway';
import { actOnCase, type CaseRequest } from '../../cases/case-actions';
import { type CaseCommand, canRead, decide } from '../../cases/case-machine';
import { refusalText } from '../../cases/case-refusals';
import { getCase } from '../../cases/cases-data';
import { clearPrompt } from '../../cases/prompts-data';
import type { StaffMember } from '../../staff/staff-data';
import { answerResult, showCase } from './case-replies';
import { askForText, assignChoices, forwardChoices, outcomeChoices } from './case-choices';
import type { StaffPostback } from '../../cases/cards/staff-postback';
import { actionDeps, corruptionInGroupText, inGroup, type StaffTurn, say, sayText } from './turn';

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
      return reply(turn, await assignChoices(turn, c));
    case 'fwd':
      return reply(turn, forwardChoices(c));
    case 'cls':
      return reply(turn, outcomeChoices(c));
    case 'rec':
      return askForText(turn, actor, c, { action: 'rec', arg: '', version: button.version });
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
      return askForText(turn, actor, c, { action, arg: button.arg, version: button.version });
    }
  }
}

const reply = (turn: StaffTurn, message: LineMessage) => say(turn, [message]);
