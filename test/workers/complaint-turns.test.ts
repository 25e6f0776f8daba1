import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { imageEvent, lastComplaint, type Person } from './support/complaint';
import { photo, residentChat } from './support/complaint-steps';

// Bot turns from a person's first message to the receipt, on the shortest path of a report with text,
// a photo and a location (docs/complaint-flow.md keeps the before/after table). Before the offer and the
// optional steps moved to the summary (commit c7bffff), the same reports took 10 and 11 turns.
const org = useOrg('trang');
const { start } = residentChat(org);
const place = {
  type: 'message',
  message: { type: 'location', title: 'ตลาดสด', address: 'ตรัง', latitude: 7.56, longitude: 99.61 },
};

/** Runs the steps and counts the exchanges the bot answered. */
async function turns(p: Person, steps: ((p: Person) => Promise<unknown>)[]): Promise<number> {
  let answered = 0;
  for (const step of steps) {
    await step(p);
    if (p.last.length > 0) answered += 1;
  }
  return answered;
}

const walks = {
  'grievance, first message': [
    (p: Person) => p.say('ไฟถนนดับทั้งซอยหน้าตลาด กลางคืนมืดมาก'),
    (p: Person) => p.tap('แจ้งเรื่องนี้'),
    (p: Person) => p.send([place]),
    (p: Person) => p.send([imageEvent(photo)]),
    (p: Person) => p.tap('ยืนยันส่งเรื่อง'),
  ],
  'corruption, first message': [
    (p: Person) => p.say('เจ้าหน้าที่เรียกเงินใต้โต๊ะ 3,000 บาท เพื่อเร่งออกใบอนุญาต'),
    (p: Person) => p.tap('แจ้งเรื่องนี้'),
    (p: Person) => p.send([place]),
    (p: Person) => p.send([imageEvent(photo)]),
    (p: Person) => p.tap('ไม่ทราบ'),
    (p: Person) => p.tap('ไม่เปิดเผยตัวตน'),
    (p: Person) => p.tap('ยืนยันส่งเรื่อง'),
  ],
  'grievance, from the menu': [
    (p: Person) => p.say('ร้องทุกข์ทั่วไป'),
    (p: Person) => p.tap('ไฟฟ้าส่องสว่าง'),
    (p: Person) => p.say('ไฟถนนดับทั้งซอยหน้าตลาด กลางคืนมืดมาก'),
    (p: Person) => p.send([place]),
    (p: Person) => p.send([imageEvent(photo)]),
    (p: Person) => p.tap('ยืนยันส่งเรื่อง'),
  ],
  'corruption, from the menu': [
    (p: Person) => p.say('ร้องเรียนการทุจริต'),
    (p: Person) => p.tap('สินบน/เรียกรับเงิน'),
    (p: Person) => p.say('เจ้าหน้าที่เรียกเงินใต้โต๊ะ 3,000 บาท เพื่อเร่งออกใบอนุญาต'),
    (p: Person) => p.send([place]),
    (p: Person) => p.send([imageEvent(photo)]),
    (p: Person) => p.tap('ไม่ทราบ'),
    (p: Person) => p.tap('ไม่เปิดเผยตัวตน'),
    (p: Person) => p.tap('ยืนยันส่งเรื่อง'),
  ],
};

describe('bot turns to a receipt, with text, a photo and a location', () => {
  const counted: Record<string, number> = {};
  it.each([
    ['grievance, first message', 5, 'grievance'],
    ['corruption, first message', 7, 'corruption'],
    ['grievance, from the menu', 6, 'grievance'],
    ['corruption, from the menu', 8, 'corruption'],
  ] as const)('%s: %i turns', async (name, expected, track) => {
    const p = start();
    counted[name] = await turns(p, walks[name]);
    // Each step was answered, and the last answer is the receipt of a filed case with all three.
    const complaint = await lastComplaint(org.id);
    expect(complaint).toMatchObject({ track, place_text: 'ตลาดสด' });
    expect(counted[name]).toBe(expected);
    console.log(`turns: ${name}: ${counted[name]}`);
  });
});
