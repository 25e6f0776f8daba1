import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import {
  activeDraft,
  expectText,
  imageEvent,
  labelsIn,
  lastComplaint,
  textOf,
  videoEvent,
} from './support/complaint';
import { photo, residentChat } from './support/complaint-steps';
import { allRows, countRows } from './support/db';
import { platformApi } from './support/line';

// People open a chat with their problem, not with the menu: their words, a photo, a location. Each
// is offered as a complaint ("ต้องการแจ้งเรื่องนี้กับ…ไหม"), and what they sent first is in the case.
const org = useOrg('trang');
const { start } = residentChat(org);
const OFFER = `ต้องการแจ้งเรื่องนี้กับ${org.name}ไหม`;
const location = (title: string) => ({
  type: 'message',
  message: { type: 'location', title, address: 'ถนนวิเศษกุล ตรัง', latitude: 7.5563, longitude: 99.6114 },
});
const filesOf = (complaintId: number) =>
  allRows<{ r2_key: string }>('select r2_key from complaint_attachments where complaint_id = ?', complaintId);

describe('the problem in their own words, first thing', () => {
  it('a grievance: suggested track and category, then only what is missing', async () => {
    const p = start();
    const text = 'ขยะไม่ได้เก็บมา 1 สัปดาห์แล้ว ซอยสุขุมวิท 5 ส่งกลิ่นเหม็นมาก';
    expectText(await p.say(text), OFFER, 'ได้รับแล้ว: ข้อความ', 'ประเภท: ร้องทุกข์ทั่วไป', 'หมวด: ขยะ/ความสะอาด');
    expect(labelsIn(p.last)).toEqual(['แจ้งเรื่องนี้', 'เลือกประเภทอื่น', 'ไม่แจ้ง']);
    expectText(await p.tap('แจ้งเรื่องนี้'), 'เกิดเหตุที่ไหน');
    expectText(await p.send([location('ซอยสุขุมวิท 5')]), 'มีรูปภาพหรือเอกสารประกอบหรือไม่');
    expectText(await p.send([imageEvent(photo)]), 'ได้รับรูปภาพแล้ว', 'ตรวจสอบข้อมูลก่อนส่งเรื่อง', text);
    expectText(await p.tap('ยืนยันส่งเรื่อง'), 'ขยะ/ความสะอาด');
    const complaint = await lastComplaint(org.id);
    expect(complaint).toMatchObject({ track: 'grievance', description: text, place_text: 'ซอยสุขุมวิท 5' });
    const category = await allRows(
      'select code from complaint_categories where id = ?',
      complaint.category_id,
    );
    expect(category).toEqual([{ code: 'waste' }]);
    expect(await filesOf(complaint.id)).toHaveLength(1);
  });

  it('a corruption tip: the protected track is suggested, and filed only when the person says so', async () => {
    const p = start();
    const text = 'เจ้าหน้าที่กองช่างเรียกเงิน 5,000 บาท เพื่อเร่งออกใบอนุญาตก่อสร้าง';
    const before = await countRows('complaints', 'org_id = ?', org.id);
    expectText(
      await p.say(text),
      OFFER,
      'ประเภท: ร้องเรียนการทุจริตและประพฤติมิชอบ',
      'หมวด: สินบน/เรียกรับเงิน',
      'ปกป้องผู้แจ้ง',
    );
    expect(await countRows('complaints', 'org_id = ?', org.id)).toBe(before);
    expect(JSON.parse((await activeDraft(org.id, p.userId))!.data)).not.toHaveProperty('track');
    await p.tap('แจ้งเรื่องนี้');
    await p.tap('ข้าม');
    await p.tap('ไม่มีหลักฐาน');
    await p.tap('ไม่ทราบ');
    await p.tap('ไม่เปิดเผยตัวตน');
    expectText(await p.tap('ยืนยันส่งเรื่อง'), 'รหัสลับ (PIN)');
    expect(await lastComplaint(org.id)).toMatchObject({
      track: 'corruption',
      description: text,
      identity_mode: 'anonymous',
    });
  });

  it('"เลือกประเภทอื่น": a corruption suggestion filed as a grievance, the words kept', async () => {
    const p = start();
    const text = 'ผู้รับเหมาทำถนนไม่ตรงตามสัญญา ยางบางมาก';
    expectText(await p.say(text), 'ร้องเรียนการทุจริต');
    expectText(await p.tap('เลือกประเภทอื่น'), 'ต้องการแจ้งเรื่องประเภทใด');
    expectText(await p.tap('ร้องทุกข์ทั่วไป'), 'หมวดของเรื่อง');
    expectText(await p.tap('ถนน/ทางเท้า'), 'เกิดเหตุที่ไหน');
    await p.tap('ข้าม');
    await p.tap('ไม่มีหลักฐาน');
    await p.tap('ยืนยันส่งเรื่อง');
    expect(await lastComplaint(org.id)).toMatchObject({ track: 'grievance', description: text });
  });

  it('two words ("ไฟดับ") are offered too; the story is asked after the tap', async () => {
    const p = start();
    expectText(await p.say('ไฟดับ'), OFFER, 'หมวด: ไฟฟ้าส่องสว่าง');
    expectText(await p.tap('แจ้งเรื่องนี้'), 'กรุณาเล่าเหตุการณ์');
    await p.tap('ยกเลิก');
    await p.tap('ยืนยันยกเลิก');
  });

  it('greetings, questions and plan words are not reports: the menu or the answer, no draft', async () => {
    const p = start();
    expectText(await p.say('สวัสดีครับ'), 'ยินดีต้อนรับ');
    expectText(await p.say('สำนักงานเปิดกี่โมงครับ'), 'ขออภัย');
    expectText(await p.say('แผนปีนี้มีโครงการอะไรบ้าง'), 'ขออภัย');
    expect(textOf(await p.say('แผนป้องกันการทุจริต'))).not.toContain(OFFER);
    expect(await activeDraft(org.id, p.userId)).toBeNull();
  });
});

describe('a photo, a photo set, a location or a video first', () => {
  it('a photo first, then the words: the photo is in the case, the evidence step is not asked', async () => {
    const p = start();
    const offer = await p.send([imageEvent(photo)]);
    expectText(offer, OFFER, 'ได้รับแล้ว: รูปภาพ/ไฟล์ 1 ไฟล์', 'กรุณาเล่าสั้น ๆ');
    expect(labelsIn(offer)).toEqual(['ร้องทุกข์ทั่วไป', 'แจ้งเบาะแสทุจริต', 'ไม่แจ้ง']);
    // Fetching a photo from LINE takes a moment: the chat shows LINE's loading animation meanwhile.
    const requests = await platformApi<{ kind: string }[]>(
      `/_platform/requests?channel=${org.slug}&chat=${p.userId}`,
    );
    expect(requests.map((r) => r.kind)).toContain('loading');
    expectText(await p.say('ไฟถนนดับทั้งซอย หน้าวัดมืดมาก'), 'หมวด: ไฟฟ้าส่องสว่าง', 'รูปภาพ/ไฟล์ 1 ไฟล์');
    expectText(await p.tap('แจ้งเรื่องนี้'), 'เกิดเหตุที่ไหน');
    expectText(await p.tap('ข้าม'), 'ตรวจสอบข้อมูลก่อนส่งเรื่อง', '1 ไฟล์');
    await p.tap('ยืนยันส่งเรื่อง');
    const complaint = await lastComplaint(org.id);
    expect(complaint.description).toBe('ไฟถนนดับทั้งซอย หน้าวัดมืดมาก');
    expect(await filesOf(complaint.id)).toHaveLength(1);
  });

  it('a photo set first is taken whole, with one answer', async () => {
    const p = start();
    const set = { id: `FIRST${Date.now()}`, total: 3 };
    const answers = await p.send([2, 3, 1].map((index) => imageEvent(photo, { ...set, index })));
    expect(answers.filter((m) => (m.message.text ?? '').includes(OFFER))).toHaveLength(1);
    expectText(answers, 'ได้รับรูปภาพ 3 รูปแล้ว');
    expectText(await p.tap('ร้องทุกข์ทั่วไป'), 'หมวดของเรื่อง');
    expectText(await p.tap('ถนน/ทางเท้า'), 'เล่าเหตุการณ์');
    expectText(await p.say('ถนนหน้าโรงเรียนเป็นหลุมลึก รถล้มบ่อย'), 'เกิดเหตุที่ไหน');
    expectText(await p.tap('ข้าม'), '3 ไฟล์');
    await p.tap('ยืนยันส่งเรื่อง');
    expect(await filesOf((await lastComplaint(org.id)).id)).toHaveLength(3);
  });

  it('a location first is the place; the words after it suggest the category', async () => {
    const p = start();
    expectText(await p.send([location('หน้าบ้านเลขที่ 12')]), OFFER, 'ได้รับแล้ว: ตำแหน่ง');
    expectText(await p.say('ท่อระบายน้ำตันหน้าบ้าน ฝนตกทีน้ำท่วมขัง'), 'หมวด: ท่อระบายน้ำ/น้ำท่วม');
    expectText(await p.tap('แจ้งเรื่องนี้'), 'มีรูปภาพหรือเอกสารประกอบหรือไม่');
    await p.tap('ไม่มีหลักฐาน');
    await p.tap('ยืนยันส่งเรื่อง');
    expect(await lastComplaint(org.id)).toMatchObject({
      place_text: 'หน้าบ้านเลขที่ 12',
      latitude: 7.5563,
      longitude: 99.6114,
      description: 'ท่อระบายน้ำตันหน้าบ้าน ฝนตกทีน้ำท่วมขัง',
    });
  });

  it('a video first is offered too, and said plainly that videos are not kept', async () => {
    const p = start();
    expectText(await p.send([videoEvent]), 'ยังไม่รับวิดีโอ', OFFER);
    const draft = (await activeDraft(org.id, p.userId))!;
    expect(await countRows('complaint_attachments', 'draft_id = ?', draft.id)).toBe(0);
  });
});

describe('while the offer waits', () => {
  it('"ไม่แจ้ง" deletes what was sent, photos included, and the menu comes back', async () => {
    const p = start();
    await p.send([imageEvent(photo)]);
    const draft = (await activeDraft(org.id, p.userId))!;
    const [file] = await allRows<{ r2_key: string }>(
      'select r2_key from complaint_attachments where draft_id = ?',
      draft.id,
    );
    expectText(await p.tap('ไม่แจ้ง'), 'ยกเลิกเรื่องเรียบร้อยแล้ว');
    expect(await activeDraft(org.id, p.userId)).toBeNull();
    expect(await env.EVIDENCE.get(file!.r2_key)).toBeNull();
  });

  it('a greeting is not added to the story; "ติดตามเรื่อง" is answered and the offer waits', async () => {
    const p = start();
    await p.say('น้ำประปาไม่ไหลตั้งแต่เมื่อวาน');
    expectText(await p.say('ขอบคุณครับ'), 'คำทักทาย', OFFER);
    expectText(await p.say('สวัสดีครับ'), 'ยินดีต้อนรับ', 'มีเรื่องที่ยังไม่เสร็จ');
    expectText(await p.say('ติดตามเรื่อง'), 'มีเรื่องที่ยังไม่เสร็จ');
    const draft = JSON.parse((await activeDraft(org.id, p.userId))!.data);
    expect(draft.description).toBe('น้ำประปาไม่ไหลตั้งแต่เมื่อวาน');
    expectText(await p.tap('ทำต่อ'), OFFER);
  });
});
