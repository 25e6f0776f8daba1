import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { bangkokDate, formatThaiDate } from '../../lib/thai-date';
import { parseTrackingCode } from '../../worker/complaints/tracking-code';
import { complaintDueDates } from '../../worker/calendar/deadlines';
import { verifySaltedHash } from '../../worker/crypto/keyed-hash';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import {
  activeDraft,
  expectText,
  imageEvent,
  labelsIn,
  lastComplaint,
  type Person,
  textOf,
} from './support/complaint';
import { openVault, photo, residentChat, upToIdentity } from './support/complaint-steps';
import { CAMERA_MAKE, containsBytes } from './support/images';
import { allRows, firstRow } from './support/db';

const org = useOrg('trang');
const STORY = 'เจ้าหน้าที่กองช่างเรียกเงิน 5,000 บาท เพื่อเร่งออกใบอนุญาตก่อสร้าง';
const yesterday = () => bangkokDate(Date.now() - 24 * 60 * 60 * 1000);
const { start } = residentChat(org);
const corruptionUpToIdentity = (p: Person) => upToIdentity(p, STORY);
const vaultOf = (complaint: { vault_id: string }) => openVault(org.id, complaint);

describe('corruption track, anonymous, with photos, a location and a date', () => {
  it('walks every step and files one complaint with a code, a PIN shown once and deadlines', async () => {
    const p = start();
    expectText(await p.say('ร้องเรียนการทุจริต'), 'หมวดของเรื่อง', 'ไม่เปิดเผยตัวตนได้');
    expect(labelsIn(p.last)).toEqual([
      'สินบน/เรียกรับเงิน',
      'จัดซื้อจัดจ้าง',
      'ใช้อำนาจโดยมิชอบ',
      'การบริหารงานบุคคล',
      'ใช้ทรัพย์สินราชการ',
      'ประพฤติมิชอบอื่น ๆ',
      'แก้ไข',
      'ยกเลิก',
    ]);
    expectText(await p.tap('สินบน/เรียกรับเงิน'), 'เล่าเหตุการณ์', '10–2,000 ตัวอักษร');
    expectText(await p.say(STORY), 'เกิดเหตุที่ไหน');
    expect(labelsIn(p.last)).toEqual(['ส่งตำแหน่ง', 'ข้าม', 'แก้ไข', 'ยกเลิก']);
    const location = {
      type: 'location',
      title: 'สำนักงานเทศบาล',
      address: 'ถนนวิเศษกุล ตรัง',
      latitude: 7.5563,
      longitude: 99.6114,
    };
    expectText(
      await p.send([{ type: 'message', message: location }]),
      'มีรูปภาพหรือเอกสารประกอบหรือไม่',
      'ลบข้อมูลตำแหน่งและกล้อง',
    );

    // Three photos sent at once: three events in any order, one answer that also moves on.
    const set = { id: 'SETA1', total: 3 };
    const acks = await p.send([3, 1, 2].map((index) => imageEvent(photo, { ...set, index })));
    expect(acks).toHaveLength(1);
    expectText(acks, 'ได้รับรูปภาพ 3 รูปแล้ว', 'แนบแล้ว 3 จาก 5 ไฟล์', 'ผู้ถูกร้องเรียนคือใคร');

    expectText(await p.say('นายสมมติ เจ้าพนักงานพัสดุ'), 'ท่านต้องการเปิดเผยตัวตนหรือไม่');
    // The summary comes with the privacy notice above it: confirming is the consent.
    const first = await p.tap('ไม่เปิดเผยตัวตน');
    expect(first.map((m) => m.message.type)).toEqual(['text', 'flex']);
    expectText(first, 'ประกาศความเป็นส่วนตัว', 'ระบบไม่เก็บชื่อและเบอร์โทร', '7 วัน', 'คือการยินยอม');
    // The optional date is offered on the card, and picking it stays on the summary.
    const summary = await p.tap('ระบุวันที่เกิดเหตุ', { date: yesterday() });
    expect(summary.at(-1)!.message.type).toBe('flex');
    expect(labelsIn(summary)).not.toContain('ระบุวันที่เกิดเหตุ');
    expectText(
      summary,
      STORY,
      'สำนักงานเทศบาล',
      formatThaiDate(yesterday()),
      '3 ไฟล์',
      'นายสมมติ',
      'ไม่เปิดเผยตัวตน',
    );

    const receipt = await p.tap('ยืนยันส่งเรื่อง');
    const complaint = await lastComplaint(org.id);
    expect(parseTrackingCode(complaint.code)).toBe(complaint.code);
    expect(receipt.map((m) => m.message.type)).toEqual(['flex', 'text', 'text']);
    expect(receipt.every((m) => m.via === 'reply')).toBe(true);
    const holidays = new Set(
      (await allRows<{ date: string }>('select date from holidays')).map((r) => r.date),
    );
    // The receipt's dates follow the after-hours rule (worker/calendar/deadlines.ts): the test may run at any hour.
    const due = complaintDueDates(complaint.created_at, holidays);
    expectText(
      receipt,
      complaint.code,
      formatThaiDate(bangkokDate(complaint.created_at)),
      'ร้องเรียนการทุจริต',
      `ตอบรับภายใน 2 วันทำการ (ภายใน ${formatThaiDate(due.acknowledgeDueOn)})`,
      `แจ้งผลภายใน 15 วันทำการ (ภายใน ${formatThaiDate(due.resultDueOn)})`,
      'จดรหัสนี้ไว้ ระบบจะไม่แสดงอีก',
    );
    const pin = /\n(\d{6})\n/.exec(receipt[1]!.message.text)![1]!;

    expect(complaint).toMatchObject({
      track: 'corruption',
      status: 'received',
      version: 1,
      description: STORY,
      place_text: 'สำนักงานเทศบาล',
      place_address: 'ถนนวิเศษกุล ตรัง',
      latitude: 7.5563,
      longitude: 99.6114,
      occurred_on: yesterday(),
      involved: 'นายสมมติ เจ้าพนักงานพัสดุ',
      identity_mode: 'anonymous',
      channel: 'line_chat',
      forward_due_on: due.forwardDueOn,
      acknowledge_due_on: due.acknowledgeDueOn,
      result_due_on: due.resultDueOn,
    });
    const keyring = await keyringFromEnv(env);
    expect(
      await verifySaltedHash(
        keyring,
        'complaint-pin',
        `${org.id}:${complaint.vault_id}:${pin}`,
        complaint.pin_hash,
      ),
    ).toBe(true);
    expect(complaint.pin_hash).not.toContain(pin);
    // The vault holds the LINE user id (for updates) and nothing else.
    expect(await vaultOf(complaint)).toEqual({ kind: 'anonymous', identity: { lineUserId: p.userId } });

    const events = await allRows('select * from complaint_events where complaint_id = ?', complaint.id);
    expect(events).toMatchObject([
      {
        actor_type: 'resident',
        actor_ref: 'reporter',
        action: 'submitted',
        from_status: null,
        to_status: 'received',
      },
    ]);
    const files = await allRows<{
      r2_key: string;
      sha256: string;
      size_bytes: number;
      content_type: string;
      image_set_index: number;
      metadata_removed_bytes: number;
    }>('select * from complaint_attachments where complaint_id = ? order by image_set_index', complaint.id);
    expect(files.map((f) => f.image_set_index)).toEqual([1, 2, 3]);
    for (const file of files) {
      const object = await env.EVIDENCE.get(file.r2_key);
      const stored = new Uint8Array(await object!.arrayBuffer());
      expect(stored.length).toBe(file.size_bytes);
      expect(file.content_type).toBe('image/jpeg');
      expect(file.metadata_removed_bytes).toBeGreaterThan(0);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', stored));
      expect(Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')).toBe(file.sha256);
      expect(containsBytes(stored, CAMERA_MAKE)).toBe(false);
    }
    expect(await activeDraft(org.id, p.userId)).toBeNull();
    // After filing, the flow lets go: a greeting gets the menu again.
    expectText(await p.say('สวัสดี'), 'ยินดีต้อนรับ');
  });
});

describe('corruption track, confidential', () => {
  it('asks name and phone, keeps them only sealed in the vault, and shows no PIN', async () => {
    const p = start();
    await corruptionUpToIdentity(p);
    expectText(await p.tap('แจ้งชื่อแบบลับ'), 'ชื่อ-นามสกุล');
    expectText(await p.say('สมศรี ใจกล้า'), 'เบอร์โทรศัพท์');
    const draft = await activeDraft(org.id, p.userId);
    expect(JSON.stringify(draft)).not.toContain('สมศรี');
    expectText(
      await p.say('081-234-5678'),
      'ประกาศความเป็นส่วนตัว',
      'เปิดดูได้เฉพาะเจ้าหน้าที่ที่ได้รับมอบหมายดูแลเรื่องทุจริต',
      'แจ้งชื่อแบบลับ: สมศรี ใจกล้า โทร 0812345678',
    );
    const receipt = await p.tap('ยืนยันส่งเรื่อง');
    expect(receipt.map((m) => m.message.type)).toEqual(['flex', 'text']);
    expect(textOf(receipt)).not.toContain('PIN');
    const complaint = await lastComplaint(org.id);
    expect(complaint).toMatchObject({
      identity_mode: 'confidential',
      pin_hash: null,
      involved: null,
      category_id: expect.any(Number),
    });
    expect(await vaultOf(complaint)).toEqual({
      kind: 'confidential',
      identity: { lineUserId: p.userId, name: 'สมศรี ใจกล้า', phone: '0812345678' },
    });
  });
});

describe('general track', () => {
  it('files with a typed place, no evidence and a phone; the LINE identity is kept for updates', async () => {
    const p = start();
    expectText(await p.say('ร้องทุกข์ทั่วไป'), 'เรื่องร้องทุกข์ถึงเทศบาลนครตรัง');
    expect(labelsIn(p.last)).toHaveLength(10);
    await p.tap('ถนน/ทางเท้า');
    await p.say('ถนนหน้าโรงเรียนเป็นหลุมลึก รถจักรยานยนต์ล้มบ่อย');
    await p.say('หน้าโรงเรียนเทศบาล 1 ถนนราชดำเนิน');
    // Straight to the summary: when it happened and a call-back phone are offered there.
    expectText(await p.tap('ไม่มีหลักฐาน'), 'ประกาศความเป็นส่วนตัว', 'บัญชี LINE ของท่าน');
    expect(labelsIn(p.last)).toEqual(['ยืนยันส่งเรื่อง', 'ระบุวันที่เกิดเหตุ', 'ขอให้โทรกลับ', 'แก้ไขข้อมูล', 'ยกเลิก']);
    expectText(await p.tap('ขอให้โทรกลับ'), 'ต้องการให้เจ้าหน้าที่โทรกลับหรือไม่');
    expectText(await p.say('0891234567'), 'ไม่มี', 'บัญชี LINE นี้ และโทร 0891234567');
    expect(labelsIn(p.last)).not.toContain('ขอให้โทรกลับ');
    // A time in words, from the edit list.
    await p.tap('แก้ไขข้อมูล');
    expectText(await p.tap('วันเวลา'), 'เกิดเหตุเมื่อไร');
    expectText(await p.say('ทุกครั้งที่ฝนตก'), 'ทุกครั้งที่ฝนตก', 'ตรวจสอบข้อมูลก่อนส่งเรื่อง');
    const receipt = await p.tap('ยืนยันส่งเรื่อง');
    expectText(receipt, 'ร้องทุกข์ทั่วไป', 'ถนน/ทางเท้า');
    const complaint = await lastComplaint(org.id);
    const unit = await firstRow('select name from units where id = ?', complaint.unit_id);
    expect(unit).toEqual({ name: 'กองช่าง' });
    expect(complaint).toMatchObject({
      track: 'grievance',
      identity_mode: 'identified',
      place_text: 'หน้าโรงเรียนเทศบาล 1 ถนนราชดำเนิน',
      occurred_text: 'ทุกครั้งที่ฝนตก',
    });
    expect(await vaultOf(complaint)).toEqual({
      kind: 'identified',
      identity: { lineUserId: p.userId, phone: '0891234567' },
    });
  });

  it('files without a phone when the person skips it', async () => {
    const p = start();
    await p.say('ร้องทุกข์ทั่วไป');
    await p.tap('ไฟฟ้าส่องสว่าง');
    await p.say('ไฟถนนซอย 5 ดับมาหนึ่งสัปดาห์แล้ว');
    await p.tap('ข้าม');
    await p.tap('ไม่มีหลักฐาน');
    await p.tap('ยืนยันส่งเรื่อง');
    expect(await vaultOf(await lastComplaint(org.id))).toEqual({
      kind: 'identified',
      identity: { lineUserId: p.userId },
    });
  });
});
