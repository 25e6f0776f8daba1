import { bangkokTime } from '../thai-date';
import { MERGE_MINUTES } from '../notice-merge';

/** Staff's answer when the complainant's notice failed for now (chat and staff LIFF). */
export const notSentYetText = 'ยังส่งข้อความถึงผู้ร้องเรียนไม่สำเร็จ ระบบจะส่งซ้ำให้อัตโนมัติ';

/** Staff's answer when the notice waits for the merge window to end at `at` (chat and staff LIFF). */
export function sendsLaterText(at: number): string {
  return `ผู้ร้องเรียนเพิ่งได้รับข้อความเรื่องนี้เมื่อไม่ถึง ${MERGE_MINUTES} นาทีก่อน ระบบจะรวมการเปลี่ยนแปลงช่วงนี้เป็นข้อความเดียว แล้วส่งถึงผู้ร้องเรียนเวลา ${bangkokTime(at)} น.`;
}
