import { complaintDeadlines } from '../../schema/contracts/complaint-rules';
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

/** What to do with the PIN of an anonymous report, under the PIN itself. */
export const pinAdvice = [
  'จดรหัสนี้ไว้ ระบบจะไม่แสดงอีก',
  'ใช้คู่กับเลขรับเรื่องเมื่อติดตามเรื่อง และอย่าบอกรหัสนี้แก่ผู้อื่น',
] as const;
