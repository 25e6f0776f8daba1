import { formatThaiDate } from '../../lib/thai-date';
import { residentStatusNames } from '../../lib/texts/tracking-texts';
import type { ComplaintStatus } from '../../schema/contracts/complaint-rules';
import {
  type CaseOutcome,
  type OutsideBody,
  outcomeNames,
  outsideBodyNames,
} from '../../schema/contracts/staff';
import type { messagingApi } from '@line/bot-sdk';

/**
 * What the complainant reads when staff act on their case. Written as the organisation: never a staff
 * member's name or account (anonymity holds both ways).
 */
/** The case events whose record is also a message to the complainant (case-actions.ts writes the notice). */
export const complainantMessageActions: ReadonlySet<string> = new Set([
  'accepted',
  'info_requested',
  'progress_update',
  'forwarded',
  'closed',
  'reopened',
]);

export type ComplainantNotice =
  | { kind: 'accepted'; resultDueOn: string }
  | { kind: 'ask_info'; message: string }
  | { kind: 'update'; message: string }
  | { kind: 'forwarded'; body: OutsideBody; agency: string | null; reference: string }
  | { kind: 'closed'; outcome: CaseOutcome; summary: string }
  | { kind: 'reopened' }
  /** Every 15 working days while the case is open: where it stands and when they hear next. */
  | { kind: 'progress'; status: ComplaintStatus; nextOn: string };

/** The message for one notice about the case `code` of `orgName`. */
export function complainantMessage(
  orgName: string,
  code: string,
  notice: ComplainantNotice,
): messagingApi.TextMessage {
  const head = `เรื่องเลขรับ ${code}`;
  const lines: string[] = (() => {
    switch (notice.kind) {
      case 'accepted':
        return [
          `${orgName} รับ${head} ของท่านไว้ดำเนินการแล้ว`,
          `จะแจ้งผลให้ทราบภายใน ${formatThaiDate(notice.resultDueOn)}`,
        ];
      case 'ask_info':
        return [
          `${orgName} ขอข้อมูลเพิ่มเติมเกี่ยวกับ${head}`,
          '',
          notice.message,
          '',
          'พิมพ์คำตอบในแชตนี้ได้เลย ข้อความถัดไปของท่านจะส่งถึงเจ้าหน้าที่ผู้รับผิดชอบ โดยไม่เปิดเผยบัญชี LINE ของท่าน',
        ];
      case 'update':
        return [`ความคืบหน้า${head} จาก${orgName}`, '', notice.message];
      case 'forwarded': {
        const to = notice.body === 'other' && notice.agency ? notice.agency : outsideBodyNames[notice.body];
        return [`${orgName} ส่ง${head} ต่อไปยัง${to}แล้ว`, `เลขที่อ้างอิง: ${notice.reference}`];
      }
      case 'closed':
        return [
          `ผลการดำเนินการ${head}`,
          `ผล: ${outcomeNames[notice.outcome]}`,
          '',
          notice.summary,
          '',
          `ขอบคุณที่แจ้งเรื่องต่อ${orgName}`,
        ];
      case 'progress':
        return [
          `ความคืบหน้าเรื่องเลขรับ ${code} จาก${orgName}`,
          `สถานะ: ${residentStatusNames[notice.status]}`,
          'เรื่องของท่านยังอยู่ระหว่างดำเนินการ',
          `จะแจ้งความคืบหน้าให้ทราบอีกครั้งภายใน ${formatThaiDate(notice.nextOn)} หรือเมื่อมีผล`,
          'ติดตามเรื่องได้ตลอดเวลา พิมพ์ "ติดตามเรื่อง" หรือเลขรับเรื่อง',
        ];
      case 'reopened':
        return [`${orgName} เปิด${head} เพื่อดำเนินการอีกครั้ง จะแจ้งความคืบหน้าให้ทราบทาง LINE นี้`];
    }
  })();
  return { type: 'text', text: lines.join('\n') };
}
