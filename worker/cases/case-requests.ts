import { outcomeNames, outsideBodyNames, staffLimits } from '../../schema/contracts/staff';
import type { ActionDeps, ActionResult, CaseRequest } from './case-request';
import type { CaseCommand } from './case-machine';
import type { CaseRecord } from './cases-data';
import type { Transition } from './case-transition-data';
import { getCaseByCode } from './cases-data';
import type { ComplainantNotice } from './complainant-messages';
import { findUnit, getStaff } from '../staff/staff-data';

const invalid = (message: string): Extract<ActionResult, { ok: false }> => ({
  ok: false,
  reason: 'invalid',
  message,
});

/** Why a request's text cannot be used (Thai), or null when it can. */
export function checkText(request: CaseRequest): string | null {
  const blank = (v: string | undefined) => !v?.trim();
  switch (request.action) {
    case 'escalate':
    case 'instruct':
      if (blank(request.message))
        return request.action === 'escalate' ? 'กรุณาพิมพ์เรื่องที่เสนอผู้บริหาร' : 'กรุณาพิมพ์ข้อสั่งการ';
      return request.message.length > staffLimits.messageMax
        ? `ข้อความยาวได้ไม่เกิน ${staffLimits.messageMax} ตัวอักษร`
        : null;
    case 'ask_info':
    case 'update':
      if (blank(request.message)) return 'กรุณาพิมพ์ข้อความถึงผู้ร้องเรียน';
      return request.message.length > staffLimits.messageMax
        ? `ข้อความยาวได้ไม่เกิน ${staffLimits.messageMax} ตัวอักษร`
        : null;
    case 'forward':
      if (blank(request.reference)) return 'กรุณาระบุเลขที่หนังสือหรือเลขอ้างอิงการส่งต่อ';
      if (request.body === 'other' && blank(request.agencyName)) return 'กรุณาระบุชื่อหน่วยงานที่ส่งต่อ';
      return request.reference.length > staffLimits.referenceMax ? 'เลขอ้างอิงยาวเกินไป' : null;
    case 'close':
      if (blank(request.summary)) return 'กรุณาสรุปผลการดำเนินการที่จะแจ้งผู้ร้องเรียน';
      return request.summary.length > staffLimits.summaryMax
        ? `สรุปผลยาวได้ไม่เกิน ${staffLimits.summaryMax} ตัวอักษร`
        : null;
    default:
      return null;
  }
}

export type Built = {
  command: CaseCommand;
  note: string | null;
  handling: Partial<Transition['handling']>;
  notice?: ComplainantNotice;
};

/** The state-machine command, event note, handling change and complainant notice of a request. */
export async function buildCommand(
  deps: ActionDeps,
  current: CaseRecord,
  request: CaseRequest,
): Promise<Built | Extract<ActionResult, { ok: false }>> {
  switch (request.action) {
    case 'accept':
      return {
        command: { type: 'accept' },
        note: null,
        handling: {},
        notice: { kind: 'accepted', resultDueOn: current.resultDueOn },
      };
    case 'assign': {
      if (request.staffId !== undefined) {
        const target = await getStaff(deps.db, deps.org.id, request.staffId);
        if (!target?.active) return invalid('ไม่พบเจ้าหน้าที่ที่เลือก');
        return {
          command: {
            type: 'assign_staff',
            target,
          },
          note: `มอบหมายให้ ${target.displayName}`,
          handling: {},
        };
      }
      const unit =
        request.unitId !== undefined ? await findUnit(deps.db, deps.org.id, { id: request.unitId }) : null;
      if (!unit) return invalid('ไม่พบหน่วยงานที่เลือก');
      return { command: { type: 'assign_unit', unitId: unit.id }, note: `ส่งให้ ${unit.name}`, handling: {} };
    }
    case 'ask_info':
    case 'update':
      // The command and the complainant's notice are named alike: a question, or a progress update.
      return {
        command: { type: request.action },
        note: request.message.trim(),
        handling: {},
        notice: { kind: request.action, message: request.message.trim() },
      };
    case 'forward': {
      const agency = request.body === 'other' ? (request.agencyName?.trim() ?? null) : null;
      const reference = request.reference.trim();
      return {
        command: { type: 'forward' },
        note: `${agency ?? outsideBodyNames[request.body]} เลขที่อ้างอิง ${reference}`,
        handling: { referralBody: request.body, referralAgency: agency, referralRef: reference },
        notice: { kind: 'forwarded', body: request.body, agency, reference },
      };
    }
    case 'close': {
      let duplicateOf: number | null = null;
      if (request.outcome === 'duplicate') {
        const original = request.duplicateOf
          ? await getCaseByCode(deps.db, deps.org.id, request.duplicateOf)
          : null;
        if (!original || original.id === current.id) return invalid('กรุณาระบุเลขรับเรื่องเดิมที่ซ้ำกัน');
        duplicateOf = original.id;
      }
      const summary = request.summary.trim();
      return {
        command: { type: 'close', outcome: request.outcome },
        note: `${outcomeNames[request.outcome]}: ${summary}`,
        handling: { outcome: request.outcome, resultSummary: summary, duplicateOf },
        notice: { kind: 'closed', outcome: request.outcome, summary },
      };
    }
    case 'escalate':
    case 'instruct':
      // Internal: staff and executives only; the complainant is not told.
      return { command: { type: request.action }, note: request.message.trim(), handling: {} };
    case 'reopen':
      return {
        command: { type: 'reopen' },
        note: null,
        handling: { outcome: null, resultSummary: null },
        notice: { kind: 'reopened' },
      };
  }
}
