import { formatNumber } from '../../lib/thai-format';

/** This month's billable LINE messages of an organisation's account and its monthly quota (null: no limit). */
export interface MessageUsage {
  quota: number | null;
  used: number;
}

/** Share of the quota from which admins are warned: notices stop when it runs out. */
export const USAGE_WARNING_SHARE = 0.8;

/**
 * How the admin page states the usage: one line, and a warning near or past the quota with what to do.
 * No zod here: the LIFF imports it.
 */
export function usageText(u: MessageUsage): {
  line: string;
  warning: string | null;
  level: 'ok' | 'near' | 'out';
} {
  if (u.quota === null) {
    return {
      line: `ข้อความ LINE เดือนนี้ส่งไปแล้ว ${formatNumber(u.used)} ข้อความ (แพ็กเกจไม่จำกัดจำนวน)`,
      warning: null,
      level: 'ok',
    };
  }
  const line = `ข้อความ LINE เดือนนี้ใช้ไป ${formatNumber(u.used)} จาก ${formatNumber(u.quota)} ข้อความ`;
  if (u.used >= u.quota) {
    return {
      line,
      warning:
        'ข้อความของเดือนนี้หมดแล้ว: LINE จะไม่ส่งการแจ้งเตือนถึงเจ้าหน้าที่และผู้ร้องเรียนจนถึงต้นเดือนหน้า (การตอบกลับในแชตยังใช้ได้) ดูเรื่องใหม่ได้ในรายการเรื่องของระบบเจ้าหน้าที่ หรือพิมพ์ "เรื่องใหม่" ในแชต ระบบจะแจ้งเรื่องที่ค้างเมื่อส่งได้อีกครั้ง',
      level: 'out',
    };
  }
  if (u.used >= u.quota * USAGE_WARNING_SHARE) {
    return {
      line,
      warning:
        'ใกล้ครบจำนวนข้อความของเดือนแล้ว หากต้องการประหยัด เลือกแจ้งแบบ "สรุปรวมตามเวลาที่ตั้งไว้" หรือ "แจ้งเจ้าหน้าที่ของหน่วยงานทันที" แทนการแจ้งในกลุ่ม',
      level: 'near',
    };
  }
  return { line, warning: null, level: 'ok' };
}
