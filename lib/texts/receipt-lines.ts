import { type ComplaintTrack, complaintDeadlines } from '../../schema/contracts/complaint-rules';
import { formatThaiDate } from '../thai-date';

/**
 * The receipt's Thai wording, shared by the chat's Flex receipt and the LIFF form's receipt screen so
 * both commit to the same deadlines in the same words. Pure; no zod.
 */

/** "ตอบรับภายใน 2 วันทำการ (ภายใน 24 พ.ย. 2569)" and the result line, as the receipt states them. */
export function deadlineLines(result: { acknowledgeDueOn: string; resultDueOn: string }): string[] {
  return [
    `ตอบรับภายใน ${complaintDeadlines.acknowledgeDays} วันทำการ (ภายใน ${formatThaiDate(result.acknowledgeDueOn)})`,
    `แจ้งผลภายใน ${complaintDeadlines.resultDays} วันทำการ (ภายใน ${formatThaiDate(result.resultDueOn)})`,
  ];
}

/** Where the complainant will hear of progress, under the receipt (chat and LIFF alike). */
export function progressChannelLine(receipt: { track: ComplaintTrack; reachInLine: boolean }): string {
  if (!receipt.reachInLine) {
    return 'ท่านเลือกไม่รับข้อความทาง LINE: ระบบไม่เก็บบัญชี LINE ของท่านไว้กับเรื่องนี้ และจะไม่ส่งข้อความใด ๆ ถึงท่าน ติดตามความคืบหน้าได้ด้วยเลขรับเรื่องและรหัสลับ (PIN) เท่านั้น เมื่อจดไว้แล้วท่านลบแชตนี้ได้';
  }
  return receipt.track === 'corruption'
    ? 'ข้อมูลของผู้แจ้งได้รับการปกป้อง เจ้าหน้าที่จะแจ้งความคืบหน้าทาง LINE'
    : 'เจ้าหน้าที่จะแจ้งความคืบหน้าทาง LINE';
}

/** What to do with the PIN of an anonymous report, under the PIN itself. */
export const pinAdvice = [
  'จดรหัสนี้ไว้ ระบบจะไม่แสดงอีก',
  'ใช้คู่กับเลขรับเรื่องเมื่อติดตามเรื่อง และอย่าบอกรหัสนี้แก่ผู้อื่น',
] as const;
