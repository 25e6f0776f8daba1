import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../../dev/demo-organizations';
import { purgeUnsentAfterPhotos, UNSENT_AFTER_PHOTO_MS } from '../../worker/cases/after-photos';
import { createDb } from '../../worker/db/client';
import { fileFormGrievance, staffAct } from './support/case-lifecycle';
import { imageEvent, textOf } from './support/complaint';
import { base64, CAMERA_MAKE, containsBytes, jpegWithMetadata, largeJpeg } from './support/images';
import { conversation, platformApi, type SentMessage } from './support/line';
import { deskGroup, enroll, type StaffChat } from './support/staff';
import { asUser } from './support/staff-api';
import { tracker } from './support/tracking-api';
import { callWorker, useAppOrigin } from './support/worker';

// A staff member closing a grievance as resolved in chat may send an "after" photo first: it reaches the
// complainant with the result (an image message whose signed link serves it) and shows on the tracker.
const org = demoOrganizations[3]!; // lampang
const ORG = { id: 4, slug: org.slug, name: org.name };
const ORIGIN = 'https://worker.test';
let admin: StaffChat & { staffId: number };

const received = (userId: string) =>
  platformApi<SentMessage[]>(`/_platform/messages?channel=${org.slug}&chat=${userId}`);
const afterFiles = (caseId: number) =>
  env.DB.prepare(
    `select id, kind, content_type, size_bytes, sha256, r2_key, closing_event_id from complaint_attachments
     where complaint_id = ? and purpose = 'after'`,
  )
    .bind(caseId)
    .all<{ id: string; content_type: string; sha256: string; r2_key: string; closing_event_id: number }>();
const fetchPath = (url: string) => callWorker(url.startsWith(ORIGIN) ? url.slice(ORIGIN.length) : url);
const sha256 = async (bytes: ArrayBuffer) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

async function acceptedGrievance() {
  const c = await fileFormGrievance(ORG);
  await staffAct(ORG, admin.staffId, c.id, { action: 'accept' });
  return c;
}

// LINE takes image links over https only: the worker is reached as https://worker.test in this file.
useAppOrigin(ORIGIN);
beforeAll(async () => {
  admin = await enroll(org.slug, ORG.id, ['admin']);
}, 60_000);

describe('after photo sent in chat while closing as resolved', () => {
  it('goes to the complainant with the result; its link serves the photo; the tracker shows it', async () => {
    const c = await acceptedGrievance();
    const asked = await admin.say(`ปิดเรื่อง ${c.code} แก้ไขแล้ว`);
    expect(textOf(asked)).toContain('พิมพ์สรุปผลการดำเนินการ');
    const photo = jpegWithMetadata();
    const got = await admin.send([imageEvent(base64(photo))]);
    expect(textOf(got)).toContain(`ได้รับรูปหลังแก้ไขเรื่อง ${c.code} แล้ว`);
    expect(textOf(got)).not.toContain('เลือกบริการ');
    const closed = await admin.say('เปลี่ยนหลอดไฟใหม่แล้ว ใช้งานได้ปกติ');
    expect(textOf(closed)).toContain('ปิดเรื่อง');

    // The result push: the image first, then the text with the "was it fixed?" quick replies.
    const toResident = (await received(c.userId)).slice(-2);
    expect(toResident.map((m) => m.message.type)).toEqual(['image', 'text']);
    expect(toResident[0]!.via).toBe('push');
    expect(toResident[1]!.seq).toBeGreaterThan(toResident[0]!.seq);
    expect(toResident[1]!.message.text).toContain('เปลี่ยนหลอดไฟใหม่แล้ว');
    const image = toResident[0]!.message;
    expect(image.originalContentUrl).toMatch(
      new RegExp(`^${ORIGIN}/api/orgs/${org.slug}/after-photos/[a-z2-7]{26}\\?exp=\\d+&sig=`),
    );
    expect(image.previewImageUrl).toBe(image.originalContentUrl);
    const exp = Number(new URL(image.originalContentUrl).searchParams.get('exp'));
    expect(exp - Date.now()).toBeGreaterThan(300 * 24 * 60 * 60 * 1000);

    // Stored like every case file (metadata stripped, hashed), tied to the closing event.
    const [file] = (await afterFiles(c.id)).results;
    expect(file).toMatchObject({ kind: 'image', content_type: 'image/jpeg' });
    const closing = await env.DB.prepare(
      "select id from complaint_events where complaint_id = ? and action = 'closed'",
    )
      .bind(c.id)
      .first<{ id: number }>();
    expect(file!.closing_event_id).toBe(closing!.id);
    const recorded = await env.DB.prepare(
      "select actor_type, actor_ref from complaint_events where complaint_id = ? and action = 'after_photo_added'",
    )
      .bind(c.id)
      .all();
    expect(recorded.results).toEqual([{ actor_type: 'staff', actor_ref: String(admin.staffId) }]);
    const served = await fetchPath(image.originalContentUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const body = await served.arrayBuffer();
    expect(await sha256(body)).toBe(file!.sha256);
    expect(containsBytes(new Uint8Array(body), CAMERA_MAKE)).toBe(false);

    // Without the signature, or with another file's id under it, nothing is served.
    const url = new URL(image.originalContentUrl);
    expect((await callWorker(url.pathname)).status).toBe(403);
    const forged = `${url.pathname}?exp=${exp}&sig=${url.searchParams.get('sig')!.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'))}`;
    expect((await callWorker(forged)).status).toBe(403);

    // The owner's tracker: the result step carries a short-lived signed link to the same photo.
    const me = await tracker(org.slug, c.userId);
    const page = await me.get(c.code);
    expect(page.status).toBe(200);
    const result = page.json.timeline.find((e: { title: string }) => e.title === 'แจ้งผลการดำเนินการ');
    expect(result.photoUrl).toMatch(new RegExp(`^/api/orgs/${org.slug}/after-photos/${file!.id}\\?exp=`));
    const pageExp = Number(new URL(result.photoUrl, ORIGIN).searchParams.get('exp'));
    expect(pageExp - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);
    expect((await fetchPath(result.photoUrl)).status).toBe(200);
    expect((await callWorker(new URL(result.photoUrl, ORIGIN).pathname)).status).toBe(403);
    expect(page.json.timeline.filter((e: { photoUrl?: string }) => e.photoUrl)).toHaveLength(1);

    // The chat card of the case shows it too (an https link LINE can fetch).
    const card = await conversationCard(c.userId, c.code);
    expect(card.hero?.url).toMatch(new RegExp(`^${ORIGIN}/api/orgs/${org.slug}/after-photos/${file!.id}\\?`));
  });

  it('a refused photo (too large, not a photo) stores nothing and the case still closes', async () => {
    const c = await acceptedGrievance();
    await admin.say(`ปิดเรื่อง ${c.code} แก้ไขแล้ว`);
    const big = await admin.send([imageEvent(base64(largeJpeg(1_200_000)))]);
    expect(textOf(big)).toContain('ไม่เกิน 1 MB');
    const pdf = await admin.send([
      {
        type: 'message',
        message: { type: 'file', fileName: 'after.pdf', contentBase64: btoa('%PDF-1.4\n%%EOF') },
      },
    ]);
    expect(textOf(pdf)).toContain('รับเฉพาะรูปภาพ JPG หรือ PNG');
    expect((await afterFiles(c.id)).results).toEqual([]);
    const closed = await admin.say('ซ่อมแล้ว');
    expect(textOf(closed)).toContain('ปิดเรื่อง');
    const last = (await received(c.userId)).slice(-1);
    expect(last[0]!.message.type).toBe('text');
    expect(last[0]!.message.text).toContain('ซ่อมแล้ว');
    expect((await received(c.userId)).some((m) => m.message.type === 'image')).toBe(false);
    const status = await env.DB.prepare('select status from complaints where id = ?').bind(c.id).first();
    expect(status).toEqual({ status: 'resolved' });
  });

  it('in the staff desk group too, by the buttons: the photo of the member whose prompt it is', async () => {
    const c = await acceptedGrievance();
    const desk = await deskGroup(org.slug, admin, [admin.userId]);
    const me = desk.inGroup(admin.userId);
    await me.say(`เรื่อง ${c.code}`);
    await me.tap('ปิดเรื่อง');
    expect(textOf(await me.tap('แก้ไขแล้ว'))).toContain('พิมพ์สรุปผลการดำเนินการ');
    expect(textOf(await me.send([imageEvent(base64(jpegWithMetadata()))]))).toContain('ได้รับรูปหลังแก้ไข');
    await me.say('ติดตั้งหลอดไฟใหม่แล้ว');
    const toResident = (await received(c.userId)).slice(-2);
    expect(toResident.map((m) => m.message.type)).toEqual(['image', 'text']);
    expect((await afterFiles(c.id)).results).toHaveLength(1);
  });

  it("a photo whose closing never happens is not the case's, and the cron removes it after a day", async () => {
    const c = await acceptedGrievance();
    await admin.say(`ปิดเรื่อง ${c.code} แก้ไขแล้ว`);
    await admin.send([imageEvent(base64(jpegWithMetadata()))]);
    expect(textOf(await admin.say('ยกเลิก'))).toContain('ยกเลิกแล้ว');
    const [file] = (await afterFiles(c.id)).results;
    expect(file!.closing_event_id).toBeNull();
    expect(await env.EVIDENCE.head(file!.r2_key)).not.toBeNull();
    const detail = await asUser(org.slug, admin.userId, `/cases/${c.id}`);
    expect(detail.json.attachments).toEqual([]);
    const db = createDb(env.DB);
    expect(await purgeUnsentAfterPhotos(db, env.EVIDENCE, Date.now())).toBe(0);
    await purgeUnsentAfterPhotos(db, env.EVIDENCE, Date.now() + UNSENT_AFTER_PHOTO_MS + 60_000);
    expect((await afterFiles(c.id)).results).toEqual([]);
    expect(await env.EVIDENCE.head(file!.r2_key)).toBeNull();
  });

  it('only a closing as resolved takes a photo; other outcomes say so and keep the prompt', async () => {
    const c = await acceptedGrievance();
    await admin.say(`ปิดเรื่อง ${c.code} ไม่มีมูล`);
    const got = await admin.send([imageEvent(base64(jpegWithMetadata()))]);
    expect(textOf(got)).toContain('รูปหลังแก้ไขแนบได้เฉพาะเรื่องร้องทุกข์ที่ปิดเรื่องว่าแก้ไขแล้ว');
    expect((await afterFiles(c.id)).results).toEqual([]);
    expect(textOf(await admin.say('ตรวจสอบแล้วไฟใช้งานได้ปกติ'))).toContain('ปิดเรื่อง');
  });
});

// The case card the complainant gets for typing the code (the chat tracker).
async function conversationCard(userId: string, code: string) {
  const chat = conversation(org.slug, { type: 'user', userId });
  const answer = await chat.say(code);
  const flex = answer.find((m) => m.message.type === 'flex')!.message;
  return flex.contents.type === 'carousel' ? flex.contents.contents[0] : flex.contents;
}
