import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { complaintReceipt, evidenceStored, formCategories } from '../../schema/contracts/complaint-api';
import { useOrg } from '../fixtures/demo-org';
import { anonymousReport, filed, formUser, newKey } from './support/complaint-form';
import { openVault } from './support/complaint-steps';
import { CAMERA_MAKE, containsBytes, jpegWithMetadata, largeJpeg, pngWithMetadata } from './support/images';
import { bearer, mintIdToken } from './support/liff';
import { newUserId } from './support/line';
import { callWorker } from './support/worker';
import { TRACKING_CODE } from '../fixtures/tracking-code';

const objectCount = async () => (await env.EVIDENCE.list()).objects.length;

const trang = useOrg('trang');

describe('LIFF complaint form API', () => {
  it('lists the categories of both tracks', async () => {
    const user = await formUser('trang');
    const answer = await user.categories();
    expect(answer.status).toBe(200);
    const categories = formCategories.parse(answer.json);
    expect(categories.corruption.map((c) => c.code)).toContain('procurement');
    expect(categories.grievance.map((c) => c.code)).toContain('lighting');
    // The units a tip may name as involved (their names are public).
    expect(categories.units.map((u) => u.name)).toContain('กองช่าง');
  });

  it('files an anonymous corruption report with two photos, metadata removed, PIN shown', async () => {
    const user = await formUser('trang');
    const key = newKey();
    const first = await user.upload(key, jpegWithMetadata(), 'image/jpeg');
    expect(first.status).toBe(201);
    expect(evidenceStored.parse(first.json)).toMatchObject({ contentType: 'image/jpeg', count: 1 });
    const second = await user.upload(key, pngWithMetadata(), 'image/png');
    expect(second.json).toMatchObject({ contentType: 'image/png', count: 2 });

    const answer = await user.submit(anonymousReport(key));
    expect(answer.status).toBe(201);
    const receipt = complaintReceipt.parse(answer.json);
    expect(receipt).toMatchObject({ duplicate: false, track: 'corruption', evidenceCount: 2 });
    expect(receipt.code).toMatch(TRACKING_CODE);
    expect(receipt.pin).toMatch(/^\d{6}$/);

    const { complaints, files } = await filed(key);
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatchObject({ channel: 'liff', identity_mode: 'anonymous', latitude: 7.5563 });
    expect(files.map((f) => f.sha256).sort()).toEqual([first.json.sha256, second.json.sha256].sort());
    for (const file of files) {
      expect(file.r2_key).toMatch(new RegExp(`^evidence/${trang.id}/[a-z2-7]{26}/[a-z2-7]{26}\\.(jpg|png)$`));
      const stored = new Uint8Array(await (await env.EVIDENCE.get(file.r2_key))!.arrayBuffer());
      expect(containsBytes(stored, CAMERA_MAKE)).toBe(false);
      expect(file.metadata_removed_bytes).toBeGreaterThan(0);
    }
    expect((await openVault(trang.id, complaints[0])).identity).toEqual({ lineUserId: user.userId });
  });

  it('takes the reporter only from the token: a userId in the body is ignored', async () => {
    const user = await formUser('trang');
    const key = newKey();
    const someoneElse = newUserId();
    const body = {
      ...anonymousReport(key),
      track: 'grievance',
      categoryCode: 'lighting',
      involved: undefined,
      identity: { mode: 'identified', phone: '081-234-5678' },
      userId: someoneElse,
      lineUserId: someoneElse,
    };
    const answer = await user.submit(body);
    expect(answer.status).toBe(201);
    expect(answer.json.pin).toBeUndefined();
    const { complaints } = await filed(key);
    expect((await openVault(trang.id, complaints[0])).identity).toEqual({
      lineUserId: user.userId,
      phone: '0812345678',
    });
  });

  it('files one complaint for a double tap, and both answers carry the same receipt', async () => {
    const user = await formUser('trang');
    const key = newKey();
    await user.upload(key, jpegWithMetadata(), 'image/jpeg');
    const [a, b] = await Promise.all([user.submit(anonymousReport(key)), user.submit(anonymousReport(key))]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.json.code).toBe(b.json.code);
    expect(a.json.pin).toBe(b.json.pin);
    expect([a.json.duplicate, b.json.duplicate].sort()).toEqual([false, true]);
    const later = await user.submit(anonymousReport(key));
    expect(later).toMatchObject({
      status: 200,
      json: { duplicate: true, code: a.json.code, evidenceCount: 1 },
    });
    expect((await filed(key)).complaints).toHaveLength(1);
    // The form is filed: it takes no more files.
    expect((await user.upload(key, pngWithMetadata(), 'image/png')).status).toBe(409);
  });

  it('answers 422 field by field in Thai', async () => {
    const user = await formUser('trang');
    const answer = await user.submit({
      submissionKey: newKey(),
      track: 'corruption',
      categoryCode: '',
      description: 'สั้น',
      place: { text: 'ก'.repeat(301) },
      identity: { mode: 'confidential', name: 'ส', phone: '123' },
      consent: false,
    });
    expect(answer.status).toBe(422);
    expect(answer.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'ข้อมูลเรื่องร้องเรียนไม่ครบถ้วน',
      details: {
        categoryCode: 'กรุณาเลือกหมวดของเรื่อง',
        description: 'กรุณาเล่าเหตุการณ์อย่างน้อย 10 ตัวอักษร',
        'place.text': 'สถานที่ยาวได้ไม่เกิน 300 ตัวอักษร',
        'identity.name': 'กรุณาระบุชื่อ-นามสกุล',
        'identity.phone': 'เบอร์โทรศัพท์ไม่ถูกต้อง เช่น 0812345678',
        consent: 'ต้องยินยอมตามประกาศความเป็นส่วนตัวก่อนส่งเรื่อง',
      },
    });
    const unknown = await user.submit({ ...anonymousReport(newKey()), categoryCode: 'lighting' });
    expect(unknown).toMatchObject({
      status: 422,
      json: { error: { details: { categoryCode: 'ไม่พบหมวดของเรื่องนี้' } } },
    });
    const notJson = await callWorker('/api/orgs/trang/complaints', {
      method: 'POST',
      body: '{nope',
      headers: bearer(user.token),
    });
    expect(notJson.status).toBe(400);
  });

  it('refuses another organisation’s token, for reading and for filing', async () => {
    const token = await mintIdToken({ channel: 'lampang', userId: newUserId() });
    const key = newKey();
    const submit = await callWorker('/api/orgs/trang/complaints', {
      method: 'POST',
      body: JSON.stringify(anonymousReport(key)),
      headers: { ...bearer(token), 'content-type': 'application/json' },
    });
    expect(submit.status).toBe(401);
    expect(await submit.json()).toMatchObject({
      error: { code: 'unauthorized', details: { reason: 'wrong_audience' } },
    });
    expect((await filed(key)).complaints).toHaveLength(0);
  });

  it('refuses oversize, unsupported and unreadable uploads, and a sixth file', async () => {
    const user = await formUser('trang');
    const key = newKey();
    const big = await user.upload(key, largeJpeg(10 * 1024 * 1024 + 1), 'image/jpeg');
    expect(big).toMatchObject({
      status: 413,
      json: { error: { code: 'payload_too_large', message: 'รูปภาพนี้ใหญ่เกิน 10 MB จึงไม่ได้แนบ' } },
    });
    const gif = await user.upload(key, new TextEncoder().encode('GIF89a....'), 'image/gif');
    expect(gif).toMatchObject({ status: 415, json: { error: { code: 'unsupported_media_type' } } });
    expect(gif.json.error.message).toBe('รับเฉพาะรูปภาพ (JPG, PNG) และไฟล์ PDF ไฟล์นี้จึงไม่ได้แนบ');
    const disguised = await user.upload(key, new TextEncoder().encode('GIF89a....'), 'image/png');
    expect(disguised.status).toBe(415);
    const broken = await user.upload(key, Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg');
    expect(broken).toMatchObject({ status: 422, json: { error: { details: { reason: 'unreadable' } } } });
    const empty = await user.upload(key, new Uint8Array(0), 'image/jpeg');
    expect(empty.status).toBe(400);
    const badKey = await user.upload('short', jpegWithMetadata(), 'image/jpeg');
    expect(badKey.status).toBe(422);

    for (let i = 0; i < 5; i++) {
      const pdf = new TextEncoder().encode(`%PDF-1.4 evidence ${i}`);
      expect((await user.upload(key, pdf, 'application/pdf')).status).toBe(201);
    }
    const objects = await objectCount();
    const sixth = await user.upload(key, jpegWithMetadata(), 'image/jpeg');
    expect(sixth).toMatchObject({ status: 409, json: { error: { details: { reason: 'too_many' } } } });
    expect(sixth.json.error.message).toContain('สูงสุด 5 ไฟล์');
    expect(await objectCount()).toBe(objects); // the refused file left nothing in R2
  });

  it('stores the same photo once, and removes a file before filing', async () => {
    const user = await formUser('trang');
    const key = newKey();
    const a = await user.upload(key, jpegWithMetadata(), 'image/jpeg');
    const objects = await objectCount();
    const again = await user.upload(key, jpegWithMetadata(), 'image/jpeg');
    expect(again).toMatchObject({ status: 200, json: { id: a.json.id, count: 1 } });
    expect(await objectCount()).toBe(objects);
    const other = await formUser('trang');
    expect((await other.remove(key, a.json.id)).status).toBe(404);
    expect((await user.remove(key, a.json.id)).status).toBe(204);
    expect((await user.remove(key, a.json.id)).status).toBe(404);
    const receipt = await user.submit(anonymousReport(key));
    expect(receipt.json.evidenceCount).toBe(0);
  });

  it('keeps forms apart: reusing someone’s submission key reveals nothing and adds nothing', async () => {
    const owner = await formUser('trang');
    const key = newKey();
    await owner.upload(key, jpegWithMetadata(), 'image/jpeg');
    const receipt = await owner.submit(anonymousReport(key));
    expect(receipt.status).toBe(201);
    const intruder = await formUser('trang');
    const replay = await intruder.submit(anonymousReport(key));
    expect(replay).toMatchObject({ status: 409, json: { error: { code: 'conflict' } } });
    expect(JSON.stringify(replay.json)).not.toContain(receipt.json.code);
    // Their upload lands in a form of their own, never in the owner's complaint.
    expect((await intruder.upload(key, pngWithMetadata(), 'image/png')).status).toBe(201);
    expect((await filed(key)).files).toHaveLength(1);
  });
});
