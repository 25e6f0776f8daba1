import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { bangkokDate } from '../../lib/thai-date';
import {
  activeDraft,
  audioEvent,
  expectText,
  imageEvent,
  labelsIn,
  type Person,
  videoEvent,
} from './support/complaint';
import { openVault, photo, residentChat, upToIdentity } from './support/complaint-steps';
import { base64 } from './support/images';
import { allRows, countRows, firstRow } from './support/db';

const org = useOrg('trang');
const STORY = 'เจ้าหน้าที่กองช่างเรียกเงิน 5,000 บาท เพื่อเร่งออกใบอนุญาตก่อสร้าง';
const _yesterday = () => bangkokDate(Date.now() - 24 * 60 * 60 * 1000);
const { start } = residentChat(org);

/** A general complaint about tap water, at the evidence step. */
async function atEvidence() {
  const p = start();
  await p.say('ร้องทุกข์ทั่วไป');
  await p.tap('น้ำประปา');
  await p.say('น้ำประปาไม่ไหลทั้งซอยตั้งแต่เมื่อวาน');
  await p.tap('ข้าม');
  return p;
}
const corruptionUpToIdentity = (p: Person) => upToIdentity(p, STORY);
const _vaultOf = (complaint: { vault_id: string }) => openVault(org.id, complaint);

describe('cancel and go back', () => {
  it('"ยกเลิก" deletes the draft and its files, and the menu comes back', async () => {
    const p = start();
    await p.say('ร้องเรียนการทุจริต');
    await p.tap('จัดซื้อจัดจ้าง');
    await p.say(STORY);
    await p.tap('ข้าม');
    expectText(await p.send([imageEvent(photo)]), 'ได้รับรูปภาพแล้ว', 'ผู้ถูกร้องเรียนคือใคร');
    const draft = (await activeDraft(org.id, p.userId))!;
    const files = await allRows<{ r2_key: string }>(
      'select r2_key from complaint_attachments where draft_id = ?',
      draft.id,
    );
    expect(files).toHaveLength(1);
    // Asked first: "ทำต่อ" keeps everything, "ยืนยันยกเลิก" deletes it.
    expectText(await p.tap('ยกเลิก'), 'ต้องการยกเลิกเรื่องนี้ใช่ไหม');
    expect(labelsIn(p.last)).toEqual(['ยืนยันยกเลิก', 'ทำต่อ']);
    expectText(await p.tap('ทำต่อ'), 'ผู้ถูกร้องเรียนคือใคร');
    expect(await countRows('complaint_attachments', 'draft_id = ?', draft.id)).toBe(1);
    await p.tap('ยกเลิก');
    const cancelled = await p.tap('ยืนยันยกเลิก');
    expectText(cancelled, 'ยกเลิกเรื่องเรียบร้อยแล้ว', 'ไฟล์ที่แนบถูกลบแล้ว');
    expect(labelsIn(cancelled)).toContain('ร้องเรียนการทุจริต');
    expect(await activeDraft(org.id, p.userId)).toBeNull();
    expect(await env.EVIDENCE.get(files[0]!.r2_key)).toBeNull();
    const row = await firstRow(
      'select state, data, name_sealed from complaint_drafts where id = ?',
      draft.id,
    );
    expect(row).toEqual({ state: 'cancelled', data: '{}', name_sealed: null });
    const audit = await allRows(
      "select action, actor from events where entity = 'complaint_draft' and entity_id = ? order by id",
      draft.id,
    );
    expect(audit).toEqual([
      { action: 'started', actor: 'reporter' },
      { action: 'cancelled', actor: 'reporter' },
    ]);
    expectText(await p.say('สวัสดี'), 'ยินดีต้อนรับ');
  });

  it('"แก้ไข" goes back one step, shows the earlier answer, and "คงเดิม" keeps it', async () => {
    const p = start();
    await p.say('ร้องทุกข์ทั่วไป');
    await p.tap('ขยะ/ความสะอาด');
    await p.say('ขยะหน้าตลาดไม่ได้เก็บมา 3 วัน');
    const back = await p.tap('แก้ไข');
    expectText(back, 'เล่าเหตุการณ์', 'ข้อมูลเดิม: ขยะหน้าตลาดไม่ได้เก็บมา 3 วัน');
    expect(labelsIn(back)).toEqual(['คงเดิม', 'แก้ไข', 'ยกเลิก']);
    expectText(await p.tap('แก้ไข'), 'หมวดของเรื่อง', 'ข้อมูลเดิม: ขยะ/ความสะอาด');
    expectText(await p.tap('แก้ไข'), 'ต้องการแจ้งเรื่องประเภทใด');
    // The same track again: what is already answered is not asked again.
    expectText(await p.tap('ร้องทุกข์ทั่วไป'), 'เกิดเหตุที่ไหน');
    await p.tap('แก้ไข');
    expectText(await p.tap('คงเดิม'), 'เกิดเหตุที่ไหน');
  });

  it('edits one field from the summary and returns to the summary', async () => {
    const p = start();
    await corruptionUpToIdentity(p);
    await p.tap('ไม่เปิดเผยตัวตน');
    expectText(await p.tap('แก้ไขข้อมูล'), 'ต้องการแก้ไขส่วนใด');
    expect(labelsIn(p.last)).toEqual([
      'หมวดของเรื่อง',
      'รายละเอียด',
      'สถานที่',
      'วันเวลา',
      'หลักฐาน',
      'ผู้ถูกร้องเรียน',
      'การเปิดเผยตัวตน',
      'กลับไปหน้าสรุป',
      'ยกเลิก',
    ]);
    await p.tap('รายละเอียด');
    const summary = await p.say(`${STORY} (แก้ไขเพิ่มเติม)`);
    expect(summary.at(-1)!.message.type).toBe('flex');
    expectText(summary, '(แก้ไขเพิ่มเติม)');
    // Switching to confidential from the summary asks name and phone, then the summary with its notice.
    await p.tap('แก้ไขข้อมูล');
    await p.tap('การเปิดเผยตัวตน');
    expectText(await p.tap('แจ้งชื่อแบบลับ'), 'ชื่อ-นามสกุล');
    await p.say('สมชาย กล้าหาญ');
    expectText(await p.say('0812223333'), 'ประกาศความเป็นส่วนตัว', 'แจ้งชื่อแบบลับ: สมชาย กล้าหาญ');
  });
});

describe('wrong input at each step: a short hint, and the draft stays as it was', () => {
  const sticker = { type: 'message', message: { type: 'sticker', packageId: '446', stickerId: '1988' } };
  const [video, audio] = [videoEvent, audioEvent];
  const word = {
    type: 'message',
    message: {
      type: 'file',
      fileName: 'หลักฐาน.docx',
      contentBase64: base64(new TextEncoder().encode('PK\u0003\u0004')),
    },
  };

  async function expectUnchanged(p: Person & { userId: string }, act: () => Promise<unknown>, hint: string) {
    const before = await activeDraft(org.id, p.userId);
    await act();
    expectText(p.last, hint);
    const after = await activeDraft(org.id, p.userId);
    expect({ step: after!.step, data: after!.data, version: after!.version }).toEqual({
      step: before!.step,
      data: before!.data,
      version: before!.version,
    });
  }

  it('through a whole confidential report', async () => {
    const filedBefore = await complaintCount();
    const p = start();
    await p.say('ร้องเรียนการทุจริต');
    await expectUnchanged(p, () => p.say('อยากร้องเรียนครับ'), 'กรุณาเลือกหมวดของเรื่อง');
    await expectUnchanged(p, () => p.send([sticker]), 'ระบบรับเฉพาะข้อความ ตำแหน่งที่ตั้ง รูปภาพ และไฟล์ PDF');
    await p.tap('ใช้อำนาจโดยมิชอบ');
    await expectUnchanged(p, () => p.say('สั้นไป'), 'รายละเอียดสั้นเกินไป');
    await expectUnchanged(p, () => p.say('ก'.repeat(2001)), 'ยาวเกิน 2,000 ตัวอักษร');
    await expectUnchanged(p, () => p.say('ข้าม'), 'ขั้นตอนนี้ข้ามไม่ได้');
    await p.say(STORY);
    await expectUnchanged(p, () => p.say('ก'.repeat(301)), 'ยาวเกิน 300 ตัวอักษร');
    await expectUnchanged(p, () => p.send([audio]), 'ยังไม่รับวิดีโอและไฟล์เสียง');
    await p.tap('ข้าม');
    await expectUnchanged(p, () => p.say('ส่งรูปไปแล้ว'), 'ขั้นตอนนี้รับรูปภาพหรือไฟล์');
    await expectUnchanged(p, () => p.send([video]), 'ยังไม่รับวิดีโอและไฟล์เสียง');
    await p.send([word]);
    expectText(p.last, 'ยังไม่รับไฟล์ Word');
    await p.tap('ไม่มีหลักฐาน');
    await expectUnchanged(p, () => p.say('ก'.repeat(501)), 'ยาวเกิน 500 ตัวอักษร');
    await p.say('ปลัดเทศบาล');
    await expectUnchanged(p, () => p.say('ไม่แน่ใจครับ'), 'กรุณาเลือกการเปิดเผยตัวตน');
    await p.tap('แจ้งชื่อแบบลับ');
    await expectUnchanged(p, () => p.say('0812345678'), 'กรุณาพิมพ์ชื่อ-นามสกุล');
    await p.say('สมศรี ใจกล้า');
    await expectUnchanged(p, () => p.say('12345'), 'เบอร์โทรศัพท์ไม่ถูกต้อง');
    await expectUnchanged(p, () => p.say('ข้าม'), 'ต้องมีเบอร์โทรศัพท์');
    await p.say('0812345678');
    const summary = p.last;
    await expectUnchanged(p, () => p.say('โอเค'), 'กรุณาตรวจสอบข้อมูล');
    await expectUnchanged(p, () => p.tap('ระบุวันที่เกิดเหตุ', { date: '2099-01-01' }), 'วันที่ไม่ถูกต้อง');
    // A button from an older answer carries an old version: refused, the current step shown again.
    await p.tap('แก้ไขข้อมูล');
    await p.tap('กลับไปหน้าสรุป');
    const stale = await p.chat.postback(summary.at(-1)!.message.contents.footer.contents[0].action.data);
    expectText(stale, 'ปุ่มนี้ใช้ไม่ได้แล้ว');
    expect(await complaintCount()).toBe(filedBefore);
  });
});

const complaintCount = () => countRows('complaints', 'org_id = ?', org.id);

describe('evidence limits', () => {
  it('takes at most 5 files, refuses the 6th, accepts a PDF, refuses oversize photos', async () => {
    const p = await atEvidence();
    const pdf = {
      type: 'message',
      message: {
        type: 'file',
        fileName: 'บิลค่าน้ำ.pdf',
        contentBase64: base64(new TextEncoder().encode('%PDF-1.7\n%%EOF')),
      },
    };
    expectText(await p.send([pdf]), 'ได้รับไฟล์แล้ว', 'แนบแล้ว 1 จาก 5 ไฟล์');
    // Four photos sent at once, each in its own webhook request, all at the same moment.
    const set = { id: 'SETB', total: 4 };
    const deliveries = await Promise.all(
      [1, 2, 3, 4].map((index) => p.chat.send([imageEvent(photo, { ...set, index })])),
    );
    const acks = deliveries.flat().filter((m) => /ได้รับรูปภาพ 4 รูปแล้ว/.test(m.message.text ?? ''));
    expect(acks.length).toBeGreaterThanOrEqual(1);
    expectText(acks, 'แนบแล้ว 5 จาก 5 ไฟล์');
    const draft = (await activeDraft(org.id, p.userId))!;
    const count = () => countRows('complaint_attachments', 'draft_id = ?', draft.id);
    expect(await count()).toBe(5);
    expectText(await p.send([imageEvent(photo)]), 'แนบหลักฐานได้สูงสุด 5 ไฟล์');
    expect(await count()).toBe(5);
    const types = await firstRow(
      'select content_type, metadata_removed_bytes from complaint_attachments where draft_id = ? and kind = ?',
      draft.id,
      'file',
    );
    expect(types).toEqual({ content_type: 'application/pdf', metadata_removed_bytes: 0 });
    await p.tap('ยกเลิก');
  });

  it('refuses a photo over 10 MB with a clear message', async () => {
    const { largeJpeg } = await import('./support/images');
    const p = await atEvidence();
    expectText(await p.send([imageEvent(base64(largeJpeg(10 * 1024 * 1024 + 1)))]), 'รูปภาพนี้ใหญ่เกิน 10 MB');
    expectText(await p.send([imageEvent(base64(largeJpeg(200_000)))]), 'ได้รับรูปภาพแล้ว', 'แนบแล้ว 1 จาก 5 ไฟล์');
  });
});

describe('photo sets with a refused photo', () => {
  const broken = base64(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00]));
  it('acknowledges the stored photos when the last of the set arrives, whichever is refused', async () => {
    const p = await atEvidence();
    const first = { id: `SETR${Date.now()}`, total: 3 };
    expectText(await p.send([imageEvent(broken, { ...first, index: 1 })]), 'ไม่สามารถเปิดไฟล์นี้ได้');
    expect(await p.send([imageEvent(photo, { ...first, index: 2 })])).toEqual([]);
    expectText(
      await p.send([imageEvent(photo, { ...first, index: 3 })]),
      'ได้รับรูปภาพ 2 จาก 3 รูปแล้ว',
      'แนบแล้ว 2 จาก 5 ไฟล์',
    );
    // The refused photo last: its answer carries both the refusal and the receipt.
    const second = { id: `SETS${Date.now()}`, total: 2 };
    expect(await p.send([imageEvent(photo, { ...second, index: 1 })])).toEqual([]);
    const last = await p.send([imageEvent(broken, { ...second, index: 2 })]);
    // One answer (the summary again, after one lead line), and one refusal in it.
    expect(last.filter((m) => /ไม่สามารถเปิดไฟล์นี้ได้/.test(m.message.text ?? ''))).toHaveLength(1);
    expectText(last, 'ไม่สามารถเปิดไฟล์นี้ได้', 'ได้รับรูปภาพ 1 จาก 2 รูปแล้ว', 'แนบแล้ว 3 จาก 5 ไฟล์');
    const refusals = await firstRow<{ n: number }>(
      'select count(*) as n from image_set_refusals where image_set_id in (?, ?)',
      first.id,
      second.id,
    );
    expect(refusals?.n).toBe(2);
    await p.tap('ยกเลิก');
  });
});
