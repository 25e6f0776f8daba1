import type { messagingApi } from '@line/bot-sdk';

/**
 * The check-in after a tip (issue: the protected track holds when the accused is powerful). Some weeks
 * after a corruption case is finished, its reporter (when they can be reached in LINE) is asked once,
 * privately, whether anything happened to them because they reported. "มี" starts a report on the
 * protected track linked to the earlier case; "ไม่มี" is thanked. The message never names anyone.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

/** When the check-in of a tip finished at `now` is due, or null when the organisation turned it off. */
export const checkinDueAt = (now: number, days: number): number | null =>
  days > 0 ? now + days * DAY_MS : null;

/** The words of the check-in's two answers (also understood when typed). */
export const checkinWords = {
  none: 'ไม่มีผลกระทบ ขอบคุณ',
  report: (code: string) => `ถูกกลั่นแกล้งหลังแจ้งเรื่อง ${code}`,
} as const;

/** The tracking code in a "ถูกกลั่นแกล้งหลังแจ้งเรื่อง <code>" text, or null. */
export function retaliationCode(text: string): string | null {
  return /^ถูกกลั่นแกล้งหลังแจ้งเรื่อง ([A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(text.trim())?.[1] ?? null;
}

/** The check-in message for the case `code`. */
export function checkinMessage(orgName: string, code: string): messagingApi.TextMessage {
  const chip = (label: string, text: string) => ({
    type: 'action' as const,
    action: { type: 'message' as const, label, text },
  });
  return {
    type: 'text',
    text: [
      `${orgName} ขอสอบถามเรื่องเลขรับ ${code} ที่ท่านแจ้งไว้และเสร็จสิ้นแล้ว`,
      'หลังจากแจ้งเรื่อง ท่านถูกกลั่นแกล้ง ข่มขู่ หรือได้รับผลกระทบใดเพราะการแจ้งเรื่องนี้หรือไม่',
      'หากมี ท่านแจ้งได้ทางช่องทางที่ปกป้องผู้แจ้ง และเลือกไม่เปิดเผยตัวตนได้ เรื่องจะส่งถึงเจ้าหน้าที่ป้องกันการทุจริตเท่านั้น',
    ].join('\n'),
    quickReply: {
      items: [chip('มี ต้องการแจ้ง', checkinWords.report(code)), chip('ไม่มี', checkinWords.none)],
    },
  };
}
