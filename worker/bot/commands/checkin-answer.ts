import { checkinWords } from '../../cases/checkin';
import type { TextCommand } from './text-command';

/** The check-in's "ไม่มี": thanked, with how to report later (the "มี" answer starts a tip in the flow). */
export const checkinAnswerCommand: TextCommand = {
  name: 'checkin-answer',
  matches: (text) => text === checkinWords.none,
  handle: async (ctx) => [
    {
      type: 'text',
      text: `ขอบคุณที่แจ้งให้${ctx.org.name}ทราบ หากภายหลังมีเหตุการณ์ใดเกิดขึ้นเพราะการแจ้งเรื่อง แจ้งได้ทุกเมื่อ พิมพ์ "แจ้งเบาะแสทุจริต" ข้อมูลของท่านได้รับการปกป้อง`,
    },
  ],
};
