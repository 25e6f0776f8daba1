import { entryPoints } from '../messages/welcome';
import type { TextCommand } from './text-command';

/**
 * "ติดตามเรื่อง" from the welcome. Looking a case up by its code (and PIN) belongs to the tracking
 * work that comes next; until then the resident gets the truth (what the office commits to and how
 * they will hear) instead of "not understood" for a button we showed them.
 */
export const trackCaseCommand: TextCommand = {
  name: 'track-case',
  matches: (text) => text === entryPoints.track || /^ติดตาม(เรื่อง)?(\s|$)/.test(text),
  handle: async (ctx) => [
    {
      type: 'text',
      text: [
        'การติดตามเรื่องด้วยเลขรับเรื่องผ่านแชตนี้จะเปิดให้บริการเร็ว ๆ นี้',
        `ระหว่างนี้ ${ctx.org.name} จะแจ้งการรับเรื่องภายใน 2 วันทำการ และแจ้งผลภายใน 15 วันทำการ ทาง LINE นี้`,
        'ผู้ที่แจ้งแบบไม่ระบุตัวตน โปรดเก็บเลขรับเรื่องและรหัส PIN ไว้ให้ดี',
      ].join('\n'),
      quickReply: {
        items: [entryPoints.corruption, entryPoints.grievance, entryPoints.plan].map((label) => ({
          type: 'action' as const,
          action: { type: 'message' as const, label, text: label },
        })),
      },
    },
  ],
};
