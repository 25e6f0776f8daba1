import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { textOf } from './support/complaint';
import { anonymousReport, formUser, newKey } from './support/complaint-form';
import { caseEvents } from './support/cases';
import { photo } from './support/complaint-steps';
import { allRows } from './support/db';
import { base64, CAMERA_MAKE, containsBytes, pngWithMetadata } from './support/images';
import { fileFormGrievance } from './support/case-lifecycle';
import { demoStaff, useStaff } from './support/roster';
import { lastSeq, messagesIn } from './support/staff';
import { tracker } from './support/tracking-api';

const org = useOrg('lampang');
const pngPhoto = base64(pngWithMetadata());
const { officer, integrity, admin } = useStaff(org, {
  officer: { ...demoStaff.officer, name: 'ช่างไฟ' },
  integrity: demoStaff.integrity,
  admin: demoStaff.admin,
});

describe('POST /api/orgs/:org/track/:code/info', () => {
  it('adds text to one’s own open case, tells the handler without the sender, shows it in the timeline', async () => {
    const filed = await fileFormGrievance(org);
    const me = await tracker(org.slug, filed.userId);
    expect(textOf(await officer.say(`รับเรื่อง ${filed.code}`))).toContain('แล้ว');
    const since = await lastSeq(org.slug);
    const added = await me.addInfo(filed.code, { text: '  ไฟดับทั้งซอยตั้งแต่วันจันทร์  ' });
    expect(added.json).toEqual({ message: expect.any(String) });
    expect(added.status).toBe(201);
    expect(added.cacheControl).toBe('no-store');
    expect(added.json.message).toBe(`ได้รับข้อมูลเพิ่มเติมสำหรับเรื่อง ${filed.code} แล้ว เจ้าหน้าที่จะได้รับแจ้ง`);
    expect(await caseEvents(filed.code, 'info_added')).toEqual([
      expect.objectContaining({ actor_ref: 'reporter', note: 'ไฟดับทั้งซอยตั้งแต่วันจันทร์' }),
    ]);
    const toOfficer = await messagesIn(org.slug, officer.userId, since);
    expect(textOf(toOfficer)).toContain('ไฟดับทั้งซอยตั้งแต่วันจันทร์');
    expect(JSON.stringify(toOfficer)).not.toContain(filed.userId);
    const detail = (await me.get(filed.code)).json;
    expect(detail.timeline.at(-1)).toMatchObject({ title: 'ท่านส่งข้อมูลเพิ่มเติม', detail: null });
  });

  it('answers the same 404 for another person’s case, a missing code and a malformed code', async () => {
    const filed = await fileFormGrievance(org);
    const stranger = await tracker(org.slug);
    for (const code of [filed.code, 'ZZZZ-ZZZZ', 'x']) {
      const refused = await stranger.addInfo(code, { text: 'ข้อมูลปลอม' });
      expect(refused.status, code).toBe(404);
      expect(refused.cacheControl).toBe('no-store');
    }
    // Someone's own grievance with a PIN sent along is no different: no PIN exists.
    expect((await stranger.addInfo(filed.code, { text: 'x', pin: '123456' })).status).toBe(404);
    expect(await caseEvents(filed.code, 'info_added')).toHaveLength(0);
  });

  it('refuses a malformed body with 422 and a body over the limit with 413, recording nothing', async () => {
    const filed = await fileFormGrievance(org);
    const me = await tracker(org.slug, filed.userId);
    for (const body of [{}, { text: '' }, { text: '   ' }, { text: 5 }, { text: 'ก'.repeat(2001) }]) {
      const refused = await me.addInfo(filed.code, body);
      expect(refused.status, JSON.stringify(body).slice(0, 40)).toBe(422);
      expect(refused.cacheControl).toBe('no-store');
    }
    expect((await me.addInfo(filed.code, { text: 'x'.repeat(20_000) })).status).toBe(422);
    // Past three photos' worth of base64: refused before it is read.
    expect((await me.addInfo(filed.code, { photos: ['x'.repeat(43 * 1024 * 1024)] })).status).toBe(413);
    expect(await caseEvents(filed.code, 'info_added')).toHaveLength(0);
  });

  it('an anonymous case needs code and PIN in the body; integrity officers are told, nobody else', async () => {
    const form = await formUser(org.slug);
    const { code, pin } = (await form.submit(anonymousReport(newKey()))).json;
    const holder = await tracker(org.slug);
    expect((await holder.addInfo(code, { text: 'ไม่มี PIN' })).status).toBe(404);
    // Not even the filing account opens it without the PIN.
    expect((await (await tracker(org.slug, form.userId)).addInfo(code, { text: 'ไม่มี PIN' })).status).toBe(
      404,
    );
    expect((await holder.addInfo(code, { text: 'PIN ผิด', pin: '000000' })).status).toBe(404);
    const since = await lastSeq(org.slug);
    expect((await holder.addInfo(code, { text: 'มีใบเสร็จปลอมสามใบ', pin })).status).toBe(201);
    expect(await caseEvents(code, 'info_added')).toHaveLength(1);
    const toIntegrity = await messagesIn(org.slug, integrity.userId, since);
    expect(textOf(toIntegrity)).toContain('มีใบเสร็จปลอมสามใบ');
    expect(JSON.stringify(toIntegrity)).not.toContain(form.userId);
    expect(JSON.stringify(toIntegrity)).not.toContain(holder.userId);
    expect(await messagesIn(org.slug, officer.userId, since)).toHaveLength(0);
    expect(await messagesIn(org.slug, admin.userId, since)).toHaveLength(0);
  });

  it('takes photos with or without text, stripped like evidence; one refused photo stores nothing', async () => {
    const filed = await fileFormGrievance(org);
    const me = await tracker(org.slug, filed.userId);
    const files = () =>
      allRows<{ r2_key: string }>(
        'select r2_key from complaint_attachments where complaint_id = ? and draft_id is null',
        filed.id,
      );
    const unsupported = await me.addInfo(filed.code, { text: 'ดูรูป', photos: [photo, btoa('not a photo')] });
    expect(unsupported.status).toBe(415);
    expect(await files()).toHaveLength(0);
    expect(await caseEvents(filed.code, 'info_added')).toHaveLength(0);
    expect((await me.addInfo(filed.code, { photos: [photo, photo, photo, photo] })).status).toBe(422);

    const since = await lastSeq(org.slug);
    const both = await me.addInfo(filed.code, { text: 'เสาต้นนี้', photos: [photo] });
    expect(both.status).toBe(201);
    const [file] = await files();
    expect(file!.r2_key).toMatch(new RegExp(`^evidence/${org.id}/case-${filed.id}/`));
    const stored = new Uint8Array(await (await env.EVIDENCE.get(file!.r2_key))!.arrayBuffer());
    expect(containsBytes(stored, CAMERA_MAKE)).toBe(false);
    expect(await caseEvents(filed.code, 'evidence_added')).toHaveLength(1);
    expect(await caseEvents(filed.code, 'info_added')).toHaveLength(1);
    // Nobody is assigned: the unit's officers hear of it, once, text and photo together.
    const told = await messagesIn(org.slug, officer.userId, since);
    expect(textOf(told)).toContain(`ผู้ร้องเรียนส่งข้อมูลเพิ่มเติมในเรื่อง ${filed.code} พร้อมรูป 1 รูป`);
    expect(told.filter((m) => m.message.type === 'text')).toHaveLength(1);

    const again = await lastSeq(org.slug);
    expect((await me.addInfo(filed.code, { photos: [pngPhoto] })).status).toBe(201);
    expect(await files()).toHaveLength(2);
    expect(textOf(await messagesIn(org.slug, officer.userId, again))).toContain(
      `ผู้ร้องเรียนส่งรูปเพิ่มเติม 1 รูปในเรื่อง ${filed.code}`,
    );
  });

  it('takes at most ten texts a day per case (each is a message to staff)', async () => {
    const filed = await fileFormGrievance(org);
    const me = await tracker(org.slug, filed.userId);
    for (let i = 1; i <= 10; i++)
      expect((await me.addInfo(filed.code, { text: `ข้อ ${i}` })).status).toBe(201);
    const since = await lastSeq(org.slug);
    const over = await me.addInfo(filed.code, { text: 'ข้อ 11' });
    expect(over.status).toBe(409);
    expect(over.json.error.message).toContain('ครบ 10 ครั้งแล้ว');
    expect(await caseEvents(filed.code, 'info_added')).toHaveLength(10);
    expect(await messagesIn(org.slug, officer.userId, since)).toHaveLength(0);
  });

  it('a closed case takes nothing: 409 with the reason', async () => {
    const filed = await fileFormGrievance(org);
    const me = await tracker(org.slug, filed.userId);
    await admin.say(`ปิดเรื่อง ${filed.code} แก้ไขแล้ว เปลี่ยนหลอดไฟแล้ว`);
    const late = await me.addInfo(filed.code, { text: 'ยังดับอยู่' });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toContain('ปิดแล้ว');
    expect(await caseEvents(filed.code, 'info_added')).toHaveLength(0);
  });
});
