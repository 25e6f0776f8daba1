import { describe, expect, it } from 'vitest';
import { receiptRequestText } from '../../lib/texts/receipt-request';
import { isAside } from '../../worker/bot/complaint/asides';
import { useOrg } from '../fixtures/demo-org';
import { activeDraft, actionsIn, labelsIn, textOf } from './support/complaint';
import { anonymousReport, formUser, newKey } from './support/complaint-form';
import { resident } from './support/complaint-steps';
import type { SentMessage } from './support/line';
import { grievanceReport } from './support/tracking-api';

// The LIFF form's receipt in the chat: after filing inside LINE the page sends "ขอใบรับเรื่อง <code>" as
// the person (liff.sendMessages) and the bot replies with the receipt card, to the case's owner only.
const org = useOrg('chanthaburi');

async function fileInForm(userId: string, report: Record<string, unknown>): Promise<string> {
  const answer = await (await formUser(org.slug, userId)).submit(report);
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json.code as string;
}

const receiptCards = (reply: SentMessage[]) =>
  reply.filter((m) => m.message.type === 'flex' && String(m.message.altText).startsWith('รับเรื่องแล้ว'));

describe('"ขอใบรับเรื่อง <code>" from the LIFF form', () => {
  it('answers the owner of an identified filing with the receipt card, free, and no PIN', async () => {
    const r = resident(org.slug);
    const code = await fileInForm(r.userId, grievanceReport(newKey()));
    const reply = await r.say(receiptRequestText(code));
    const [card] = receiptCards(reply);
    expect(card?.message.altText).toBe(`รับเรื่องแล้ว เลขรับเรื่อง ${code}`);
    expect(card?.via).toBe('reply');
    const text = textOf(reply);
    expect(text).toContain('ไฟฟ้าส่องสว่าง');
    expect(text).toMatch(/ตอบรับภายใน 2 วันทำการ \(ภายใน \d+ \S+ 25\d\d\)/);
    expect(text).toContain(`ติดตามความคืบหน้าได้ด้วยเลขรับเรื่อง ${code}`);
    expect(text).not.toContain('PIN');
    // Typed by the owner in other spellings, too: a lower-case code.
    expect(receiptCards(await r.say(receiptRequestText(code.toLowerCase())))).toHaveLength(1);
  });

  it('answers the owner of a confidential filing', async () => {
    const r = resident(org.slug);
    const code = await fileInForm(r.userId, {
      ...anonymousReport(newKey()),
      identity: { mode: 'confidential', name: 'สมใจ รักดี', phone: '0812345678' },
    });
    const reply = await r.say(receiptRequestText(code));
    expect(receiptCards(reply)).toHaveLength(1);
    expect(textOf(reply)).toContain('ทุจริต');
    expect(textOf(reply)).not.toContain('สมใจ');
  });

  it('gives anyone else the tracking code’s usual answer: the PIN question, nothing of the case', async () => {
    const owner = resident(org.slug);
    const code = await fileInForm(owner.userId, grievanceReport(newKey()));
    const stranger = resident(org.slug);
    const reply = await stranger.say(receiptRequestText(code));
    expect(receiptCards(reply)).toHaveLength(0);
    expect(textOf(reply)).toContain(`รหัส PIN 6 หลักของเรื่อง ${code}`);
    expect(textOf(reply)).not.toContain('ไฟฟ้าส่องสว่าง');
    // Exactly what the code typed alone answers.
    expect(textOf(await resident(org.slug).say(code))).toBe(textOf(reply));
  });

  it('never shows an anonymous filing’s receipt, not even to the person who filed it', async () => {
    const r = resident(org.slug);
    const code = await fileInForm(r.userId, anonymousReport(newKey()));
    const reply = await r.say(receiptRequestText(code));
    expect(receiptCards(reply)).toHaveLength(0);
    expect(textOf(reply)).toContain(`รหัส PIN 6 หลักของเรื่อง ${code}`);
  });

  it('inside a chat complaint it is answered as an aside and the draft waits, its words unused', async () => {
    expect(isAside(receiptRequestText('ABCD-2345'))).toBe(true);
    const r = resident(org.slug);
    const code = await fileInForm(r.userId, grievanceReport(newKey()));
    await r.say('ร้องทุกข์ทั่วไป');
    await r.tap('ไฟฟ้าส่องสว่าง');
    const reply = await r.say(receiptRequestText(code));
    expect(receiptCards(reply)).toHaveLength(1);
    expect(labelsIn(reply)).toEqual(expect.arrayContaining(['ทำต่อ', 'เริ่มใหม่']));
    const draft = await activeDraft(org.id, r.userId);
    expect(draft?.step).toBe('description');
    expect(JSON.stringify(draft?.data)).not.toContain(code);
  });

  it('is not taken as information while a "ส่งข้อมูลเพิ่มเติม" window is open', async () => {
    const r = resident(org.slug);
    const code = await fileInForm(r.userId, grievanceReport(newKey()));
    const card = await r.say(code);
    expect(actionsIn(card).map((a) => a.label)).toContain('ส่งข้อมูลเพิ่มเติม');
    await r.tap('ส่งข้อมูลเพิ่มเติม');
    expect(receiptCards(await r.say(receiptRequestText(code)))).toHaveLength(1);
    // The window is still open for the information itself.
    expect(textOf(await r.say('หลอดไฟดับสามต้น'))).toContain(`ได้รับข้อมูลเพิ่มเติมสำหรับเรื่อง ${code} แล้ว`);
  });
});
