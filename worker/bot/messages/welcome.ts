import type { LineMessage } from '../../line/gateway';

/** The entry points of the bot, as quick-reply labels (each ≤ 20 characters, LINE's limit). */
export const entryPoints = {
  corruption: 'ร้องเรียนการทุจริต',
  grievance: 'ร้องทุกข์ทั่วไป',
  track: 'ติดตามเรื่อง',
  plan: 'แผนป้องกันการทุจริต',
} as const;

/** The Thai welcome with one quick reply per entry point; sent on follow and for text we do not understand. */
export function welcomeMessage(orgName: string, opts: { misunderstood?: boolean } = {}): LineMessage {
  const opening = opts.misunderstood
    ? 'ขออภัย ระบบยังไม่เข้าใจข้อความนี้'
    : `สวัสดี ยินดีต้อนรับสู่ช่องทางรับเรื่องร้องเรียนของ${orgName}`;
  const text = [
    opening,
    'เลือกบริการที่ต้องการจากปุ่มด้านล่างได้เลย',
    '• ร้องเรียนการทุจริต: แจ้งเบาะแสการทุจริตและประพฤติมิชอบ ระบบปกป้องข้อมูลผู้แจ้ง',
    '• ร้องทุกข์ทั่วไป: ถนน ไฟฟ้า ขยะ น้ำ ท่อระบายน้ำ เสียงดัง และบริการอื่น',
    '• ติดตามเรื่อง: ดูความคืบหน้าด้วยเลขรับเรื่อง',
    '• แผนป้องกันการทุจริต: ดูแผน โครงการ และงบประมาณ',
  ].join('\n');
  return {
    type: 'text',
    text,
    quickReply: {
      items: Object.values(entryPoints).map((label) => ({
        type: 'action',
        action: { type: 'message', label, text: label },
      })),
    },
  };
}

/** Said once when the bot is added to a group or room: it stays quiet there unless spoken to. */
export function groupIntroMessage(orgName: string): LineMessage {
  return {
    type: 'text',
    text: [
      `สวัสดีทุกท่าน บัญชีนี้คือช่องทางรับเรื่องร้องเรียนของ${orgName}`,
      'ในกลุ่มนี้ระบบจะไม่ตอบข้อความทั่วไป',
      'ผู้ดูแลระบบสามารถตั้งกลุ่มนี้เป็นกลุ่มรับเรื่องของเจ้าหน้าที่ได้ด้วยคำสั่ง "ผูกกลุ่ม <รหัส>"',
    ].join('\n'),
  };
}
