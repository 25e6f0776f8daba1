import type { ComplaintStatus } from '../../schema/contracts/complaint-rules';

/**
 * What a complainant reads when tracking a case, shared by the chat and the LIFF tracker so both say
 * the same thing. Pure; no zod.
 */

/** A case's status as the complainant should read it (staff words like "รอรับเรื่อง" are not theirs). */
export const residentStatusNames: Record<ComplaintStatus, string> = {
  received: 'ได้รับเรื่องแล้ว รอเจ้าหน้าที่ตอบรับ',
  accepted: 'เจ้าหน้าที่รับเรื่องไว้ดำเนินการแล้ว',
  forwarded: 'ส่งต่อหน่วยงานภายนอกแล้ว',
  in_progress: 'กำลังดำเนินการ',
  awaiting_info: 'รอข้อมูลเพิ่มเติมจากท่าน',
  resolved: 'แก้ไขแล้ว',
  rejected: 'ยุติเรื่องแล้ว',
  closed: 'ยุติเรื่องแล้ว',
};

/**
 * The one answer for every code that does not open: no such code, another person's, another
 * organisation's, a wrong PIN. It must not tell them apart.
 */
export const notFoundText = 'ไม่พบเรื่องที่ตรงกับเลขรับเรื่องและรหัส PIN นี้ กรุณาตรวจสอบแล้วลองอีกครั้ง';

/** The number of wrong tries, per person and per code, that lock opening by code and PIN. */
export const trackGuardRules = { maxFailures: 5, windowMinutes: 60, lockMinutes: 60 } as const;

/** Said while opening by code and PIN is locked; `until` is "10:45" Thai time. */
export function lockedText(until: string): string {
  return [
    `ใส่เลขรับเรื่องหรือรหัส PIN ไม่ถูกต้องเกิน ${trackGuardRules.maxFailures} ครั้ง`,
    `เพื่อความปลอดภัย ระบบงดเปิดเรื่องด้วยรหัส PIN ไว้ชั่วคราว ลองใหม่ได้หลังเวลา ${until} น.`,
    'เรื่องที่ท่านแจ้งโดยระบุตัวตนยังดูได้ตามปกติที่ปุ่ม "ติดตามเรื่อง"',
  ].join('\n');
}

/** "ส่งข้อมูลเพิ่มเติม" recorded on the case (chat and LIFF). */
export const infoAddedText = (code: string) => `ได้รับข้อมูลเพิ่มเติมสำหรับเรื่อง ${code} แล้ว เจ้าหน้าที่จะได้รับแจ้ง`;

/** A closed case takes no more information. */
export const infoClosedText = (code: string) =>
  `เรื่อง ${code} ปิดแล้ว จึงส่งข้อมูลเพิ่มเติมไม่ได้ หากยังมีปัญหา กรุณาแจ้งเรื่องใหม่`;

/** The day's additions to one case are used up (each one is a message to staff). */
export const infoLimitText = (code: string, max: number) =>
  `วันนี้ส่งข้อมูลเพิ่มเติมสำหรับเรื่อง ${code} ครบ ${max} ครั้งแล้ว กรุณาส่งอีกครั้งในวันพรุ่งนี้ หรือรวมหลายเรื่องไว้ในข้อความเดียว`;
