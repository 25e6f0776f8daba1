import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../../dev/demo-organizations';
import { fileFormGrievance, staffAct } from './support/case-lifecycle';
import { base64, jpegWithMetadata, largeJpeg } from './support/images';
import { platformApi, type SentMessage } from './support/line';
import { enroll, type StaffChat } from './support/staff';
import { asUser } from './support/staff-api';
import { callWorker, useAppOrigin } from './support/worker';

// The staff LIFF's close form takes an optional after photo: checked first (refused: nothing stored,
// nothing closed), then sent to the complainant with the result like the chat's.
const org = demoOrganizations[2]!; // mueang-chan
const ORG = { id: 3, slug: org.slug, name: org.name };
const ORIGIN = 'https://worker.test';
let admin: StaffChat & { staffId: number };

const received = (userId: string) =>
  platformApi<SentMessage[]>(`/_platform/messages?channel=${org.slug}&chat=${userId}`);
const afterFiles = (caseId: number) =>
  env.DB.prepare(
    "select id, r2_key, sha256, closing_event_id from complaint_attachments where complaint_id = ? and purpose = 'after'",
  )
    .bind(caseId)
    .all<{ id: string; r2_key: string; sha256: string; closing_event_id: number | null }>();
const objectsUnder = async (caseId: number) =>
  (await env.EVIDENCE.list({ prefix: `evidence/${ORG.id}/case-${caseId}/` })).objects.length;
const close = (caseId: number, body: Record<string, unknown>) =>
  asUser(org.slug, admin.userId, `/cases/${caseId}/actions`, { body: { action: 'close', ...body } });

async function acceptedGrievance() {
  const c = await fileFormGrievance(ORG);
  const accepted = await staffAct(ORG, admin.staffId, c.id, { action: 'accept' });
  return { ...c, version: accepted.ok ? accepted.case.version : 0 };
}

useAppOrigin(ORIGIN);
beforeAll(async () => {
  admin = await enroll(org.slug, ORG.id, ['admin']);
}, 60_000);

describe('after photo from the staff LIFF close form', () => {
  it('closes with the photo: the complainant gets it with the result and its link serves it', async () => {
    const c = await acceptedGrievance();
    const answer = await close(c.id, {
      version: c.version,
      outcome: 'resolved',
      summary: 'ซ่อมไฟถนนเรียบร้อยแล้ว',
      afterPhoto: base64(jpegWithMetadata()),
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.case.status).toBe('resolved');
    const after = answer.json.attachments.filter((a: { purpose: string }) => a.purpose === 'after');
    expect(after).toHaveLength(1);
    const toResident = (await received(c.userId)).slice(-2);
    expect(toResident.map((m) => m.message.type)).toEqual(['image', 'text']);
    const url = toResident[0]!.message.originalContentUrl as string;
    expect(url.startsWith(`${ORIGIN}/api/orgs/${org.slug}/after-photos/${after[0].id}?`)).toBe(true);
    const served = await callWorker(url.slice(ORIGIN.length));
    expect(served.status).toBe(200);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await served.arrayBuffer()));
    const [file] = (await afterFiles(c.id)).results;
    expect([...digest].map((b) => b.toString(16).padStart(2, '0')).join('')).toBe(file!.sha256);
    expect(file!.closing_event_id).not.toBeNull();
  });

  it('a refused photo (too large, not a photo, wrong outcome) stores nothing; the close still works', async () => {
    const c = await acceptedGrievance();
    const base = { version: c.version, outcome: 'resolved', summary: 'ซ่อมแล้ว' };
    const big = await close(c.id, { ...base, afterPhoto: base64(largeJpeg(1_100_000)) });
    expect(big.status).toBe(413);
    expect(big.json.error.message).toContain('ไม่เกิน 1 MB');
    // Just over 1 MB fits the body but not the photo limit (the contract's base64 bound).
    const over = await close(c.id, { ...base, afterPhoto: base64(largeJpeg(1024 * 1024 + 4)) });
    expect(over.status).toBe(422);
    expect(over.json.error.message).toContain('ไม่เกิน 1 MB');
    const pdf = await close(c.id, { ...base, afterPhoto: btoa('%PDF-1.4\n%%EOF') });
    expect(pdf.status).toBe(415);
    expect(pdf.json.error.message).toContain('รับเฉพาะรูปภาพ JPG หรือ PNG');
    const wrong = await close(c.id, {
      ...base,
      outcome: 'not_substantiated',
      afterPhoto: base64(jpegWithMetadata()),
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.message).toContain('เฉพาะเรื่องร้องทุกข์ที่ปิดเรื่องว่าแก้ไขแล้ว');
    // A stale version refuses the close, and the photo it carried is not left behind.
    const stale = await close(c.id, {
      ...base,
      version: c.version - 1,
      afterPhoto: base64(jpegWithMetadata()),
    });
    expect(stale.status).toBe(409);
    expect((await afterFiles(c.id)).results).toEqual([]);
    expect(await objectsUnder(c.id)).toBe(0);
    const events = await env.DB.prepare(
      "select count(*) as n from complaint_events where complaint_id = ? and action = 'after_photo_added'",
    )
      .bind(c.id)
      .first();
    expect(events).toEqual({ n: 0 });

    const closed = await close(c.id, base);
    expect(closed.status, closed.text).toBe(200);
    expect((await received(c.userId)).some((m) => m.message.type === 'image')).toBe(false);
  });
});
