import { trackNames } from '../../../schema/contracts/complaint';
import type { ComplaintStatus } from '../../../schema/contracts/complaint-rules';
import { statusNames } from '../../../schema/contracts/staff';
import { formatThaiDate } from '../../../lib/thai-date';
import { type MyDataDeps, myData, requestErasure } from '../../cases/my-data';
import { keyringFromEnv } from '../../crypto/keyring';
import { card, linkButton, text as flexText } from '../../line/flex';
import type { LineMessage } from '../../line/gateway';
import { liffPath, liffUrl } from '../../line/liff-url';
import type { BotContext } from '../context';
import type { TextCommand } from './text-command';

/** The words of the resident's own-data commands (also the quick replies that lead from one to the next). */
export const myDataWords = {
  view: 'ข้อมูลของฉัน',
  ask: 'ขอลบข้อมูลของฉัน',
  confirm: 'ยืนยันลบข้อมูลของฉัน',
} as const;

const chip = (label: string) => ({
  type: 'action' as const,
  action: { type: 'message' as const, label, text: label },
});
const quickReply = (chips: string[]) => (chips.length > 0 ? { quickReply: { items: chips.map(chip) } } : {});

const text = (body: string, chips: string[] = []): LineMessage => ({
  type: 'text',
  text: body,
  ...quickReply(chips),
});

async function deps(ctx: BotContext): Promise<MyDataDeps> {
  return {
    db: ctx.db,
    bucket: ctx.env.EVIDENCE,
    keyring: await keyringFromEnv(ctx.env),
    orgId: ctx.org.id,
    now: ctx.now(),
  };
}

async function view(ctx: BotContext, userId: string): Promise<LineMessage[]> {
  const data = await myData(await deps(ctx), userId);
  const lines = data.cases.map((c) =>
    [
      `• ${c.code} ${trackNames[c.track].short} (${statusNames[c.status as ComplaintStatus] ?? c.status})`,
      `  ท่านเขียนว่า: "${c.excerpt}"`,
      c.place ? `  สถานที่: ${c.place}` : null,
      `  ติดต่อท่าน: บัญชี LINE นี้${c.phoneHeld ? ' และเบอร์โทรที่ให้ไว้' : ''} (เข้ารหัส)`,
      c.eraseRequested ? '  ท่านขอลบแล้ว: จะลบทันทีเมื่อเรื่องเสร็จสิ้น' : null,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const body = [
    `ข้อมูลของท่านที่${ctx.org.name}เก็บไว้ (เรื่องที่แจ้งในนามของท่าน)`,
    data.cases.length > 0 ? lines.join('\n') : 'ไม่มีเรื่องที่แจ้งในนามของท่าน',
    data.draft ? 'มีร่างเรื่องที่ยังไม่ส่ง 1 เรื่อง' : null,
    'เรื่องที่แจ้งแบบไม่เปิดเผยตัวตนไม่ผูกกับบัญชี LINE จึงไม่แสดงที่นี่ ดูได้ด้วยเลขรับเรื่องและ PIN',
  ]
    .filter(Boolean)
    .join('\n\n');
  const anything = data.cases.length > 0 || data.draft;
  const chips = anything ? [myDataWords.ask] : [];
  if (data.cases.length === 0) return [text(body, chips)];
  return [text(body), { ...downloadCard(ctx), ...quickReply(chips) }];
}

/**
 * A bot cannot send a file: the download is on the LIFF tracker's "ข้อมูลของฉัน", which this button opens
 * (in the organisation's LIFF app inside LINE; worker/line/liff-url.ts).
 */
function downloadCard(ctx: BotContext): LineMessage {
  const uri = liffUrl(ctx.env, ctx.liff, liffPath(['o', ctx.org.slug, 'track'], { show: 'my-data' }));
  return {
    type: 'flex',
    altText: 'ดาวน์โหลดข้อมูลของฉันเป็นไฟล์',
    contents: card({
      header: 'ข้อมูลของฉัน',
      body: [flexText('เก็บข้อมูลทั้งหมดที่หน่วยงานเก็บไว้เกี่ยวกับท่านเป็นไฟล์ (JSON) ได้ที่หน้าติดตามเรื่อง')],
      footer: [linkButton('ดาวน์โหลดข้อมูล', uri)],
    }),
  };
}

function ask(): LineMessage[] {
  return [
    text(
      [
        'ต้องการให้ลบข้อมูลของท่านใช่ไหม',
        '• เรื่องที่เสร็จสิ้นแล้ว: ลบชื่อ ช่องทางติดต่อ หลักฐาน และรายละเอียดทันที (เหลือเพียงตัวเลขสถิติ)',
        '• เรื่องที่ยังดำเนินการอยู่: เจ้าหน้าที่ยังต้องใช้ข้อมูล จะลบทันทีเมื่อเรื่องเสร็จสิ้น',
        '• ร่างเรื่องที่ยังไม่ส่ง: ลบทันที',
        'เมื่อลบแล้ว ท่านจะติดตามเรื่องเหล่านี้ทาง LINE ไม่ได้อีก',
      ].join('\n'),
      [myDataWords.confirm],
    ),
  ];
}

async function erase(ctx: BotContext, userId: string): Promise<LineMessage[]> {
  const done = await requestErasure(await deps(ctx), userId);
  const lines = [
    done.erased.length > 0 ? `ลบข้อมูลแล้ว ${done.erased.length} เรื่อง: ${done.erased.join(', ')}` : null,
    ...done.pending.map(
      (p) =>
        `เรื่อง ${p.code} ยังดำเนินการอยู่ จะลบทันทีเมื่อเสร็จสิ้น (กำหนดแจ้งผลภายใน ${formatThaiDate(p.resultDueOn)})`,
    ),
    done.draft ? 'ลบร่างเรื่องที่ยังไม่ส่งแล้ว' : null,
  ].filter(Boolean);
  return [text(lines.length > 0 ? lines.join('\n') : 'ไม่มีข้อมูลของท่านที่ต้องลบ')];
}

/**
 * "ข้อมูลของฉัน": what the organisation holds about the person (their own cases, what they wrote, how
 * they are reached), then "ขอลบข้อมูลของฉัน" and its confirmation (worker/cases/my-data.ts).
 */
export const myDataCommand: TextCommand = {
  name: 'my-data',
  matches: (t) => (Object.values(myDataWords) as string[]).includes(t.replace(/\s+/g, '')),
  slow: true,
  async handle(ctx, input) {
    const word = input.text.replace(/\s+/g, '');
    if (word === myDataWords.view) return view(ctx, input.userId);
    if (word === myDataWords.ask) return ask();
    return erase(ctx, input.userId);
  },
};
