import { describe, expect, it } from 'vitest';
import { isAside, isGreetingOnly } from '../../worker/bot/complaint/asides';
import { useOrg } from '../fixtures/demo-org';
import { activeDraft, labelsIn, textOf } from './support/complaint';
import { resident } from './support/complaint-steps';

// Inside a complaint, the words that mean the same everywhere still do, and a greeting is not an answer.
const org = useOrg('chanthaburi');

describe('asides and greetings inside a complaint', () => {
  it.each([
    ['สวัสดีครับ', true],
    ['สวัสดีค่ะ', true],
    ['หวัดดีจ้า', true],
    ['ขอบคุณมากครับ', true],
    ['ครับ', true],
    ['Hello!', true],
    ['ok', true],
    ['สวัสดีครับ ไฟถนนหน้าโรงเรียนดับ', false],
    ['ดีเซลรั่วลงท่อระบายน้ำ', false],
    ['ขอบคุณที่ช่วยดูให้ ถนนหน้าบ้านเป็นหลุม', false],
    ['ซอยสุขุมวิท 5', false],
  ])('isGreetingOnly(%s) = %s', (text, expected) => {
    expect(isGreetingOnly(text)).toBe(expected);
  });

  it.each([
    ['ติดตามเรื่อง', true],
    [' เมนู ', true],
    ['แผนป้องกันการทุจริต', true],
    ['ติดตามเรื่องไฟดับหน้าบ้าน', false],
  ])('isAside(%s) = %s', (text, expected) => {
    expect(isAside(text)).toBe(expected);
  });

  it('a greeting at a text step is asked about, not stored; the tracker answers and the draft waits', async () => {
    const r = resident(org.slug);
    await r.say('ร้องทุกข์ทั่วไป');
    await r.tap('ไฟฟ้าส่องสว่าง');
    const greeted = await r.say('สวัสดีครับ');
    expect(textOf(greeted)).toContain('ข้อความนี้เป็นคำทักทาย');
    expect(textOf(greeted)).toContain('รายละเอียด');
    let draft = await activeDraft(org.id, r.userId);
    expect(draft?.step).toBe('description');
    expect(JSON.stringify(draft?.data)).not.toContain('สวัสดีครับ');

    const tracked = await r.say('ติดตามเรื่อง');
    expect(textOf(tracked)).toContain('ยังไม่พบเรื่องที่ท่านแจ้ง');
    expect(labelsIn(tracked)).toEqual(expect.arrayContaining(['ทำต่อ', 'เริ่มใหม่']));
    draft = await activeDraft(org.id, r.userId);
    expect(draft?.step).toBe('description');
    expect(JSON.stringify(draft?.data)).not.toContain('ติดตามเรื่อง');

    expect(textOf(await r.tap('ทำต่อ'))).toContain('รายละเอียด');
    // A description that opens with a greeting is a description.
    expect(textOf(await r.say('สวัสดีครับ ไฟถนนหน้าโรงเรียนดับมาสองคืนแล้ว'))).toContain('สถานที่');
    expect(JSON.stringify((await activeDraft(org.id, r.userId))?.data)).toContain('ไฟถนนหน้าโรงเรียนดับ');
  });
});
