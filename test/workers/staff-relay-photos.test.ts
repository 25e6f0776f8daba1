import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { audioEvent, imageEvent, textOf, videoEvent } from './support/complaint';
import { photo, resident } from './support/complaint-steps';
import { stripImageMetadata } from '../../worker/complaints/metadata-strip';
import { createDb } from '../../worker/db/client';
import { CASE_FILES_MAX, insertCaseFile } from '../../worker/cases/case-files-data';
import { base64, CAMERA_MAKE, containsBytes, jpegWithMetadata } from './support/images';
import { billableTo, lastSeq, messagesIn } from './support/staff';
import { caseByCode } from './support/cases';
import { asUser } from './support/staff-api';
import { callWorker } from './support/worker';
import { fileComplaint } from './support/file-complaint';
import { demoStaff, useStaff } from './support/roster';
import { allRows, countRows, firstRow } from './support/db';

const org = useOrg('mueang-chan');
const { officer } = useStaff(org, { officer: { ...demoStaff.officer, name: 'ช่างไฟ' } });

/** A resident's street-light grievance, accepted by the officer, who asks a question through the bot. */
async function awaitingInfo() {
  const { p: r, code } = await fileComplaint(org.slug);
  expect(textOf(await officer.say(`รับเรื่อง ${code}`))).toContain(`รับเรื่อง ${code} แล้ว`);
  expect(textOf(await officer.say(`ขอข้อมูล ${code} ขอรูปเสาไฟต้นที่ดับ`))).toContain('ส่งคำถามถึงผู้ร้องเรียน');
  const c = await caseByCode(code);
  expect(c.status).toBe('awaiting_info');
  return { r, code, id: c.id as number };
}

const files = (complaintId: number) =>
  allRows<{
    id: string;
    draft_id: string | null;
    kind: string;
    content_type: string;
    r2_key: string;
    metadata_removed_bytes: number;
  }>(
    'select id, draft_id, kind, content_type, r2_key, metadata_removed_bytes from complaint_attachments where complaint_id = ? order by created_at, id',
    complaintId,
  );

const waits = (complaintId: number) => countRows('case_reply_waits', 'complaint_id = ?', complaintId);

const fileEvent = (fileName: string, bytes: Uint8Array) => ({
  type: 'message',
  message: { type: 'file', fileName, contentBase64: base64(bytes) },
});

describe('photos and files from a complainant whose case awaits information', () => {
  it('a photo becomes an attachment of the case, stripped, listed for staff; the officer is told without identity', async () => {
    const { r, code, id } = await awaitingInfo();
    const since = await lastSeq(org.slug);
    const ack = await r.send([imageEvent(photo)]);
    expect(textOf(ack)).toContain(`ได้รับรูปภาพแล้ว แนบไว้กับเรื่อง ${code}`);

    const [file] = await files(id);
    expect(file).toMatchObject({ draft_id: null, kind: 'image', content_type: 'image/jpeg' });
    expect(file!.r2_key).toMatch(new RegExp(`^evidence/${org.id}/case-${id}/[a-z2-7]{26}\\.jpg$`));
    expect(file!.metadata_removed_bytes).toBeGreaterThan(0);
    const stored = new Uint8Array(await (await env.EVIDENCE.get(file!.r2_key))!.arrayBuffer());
    expect(containsBytes(stored, CAMERA_MAKE)).toBe(false);
    // Exactly what the complaint's evidence step stores: the same whitelist (orientation kept, GPS gone).
    expect(stored).toEqual(stripImageMetadata(jpegWithMetadata())!.bytes);

    // The timeline says who in the only way staff ever see it.
    const event = await firstRow(
      "select actor_type, actor_ref, note from complaint_events where complaint_id = ? and action = 'evidence_added'",
      id,
    );
    expect(event).toEqual({ actor_type: 'resident', actor_ref: 'reporter', note: 'ส่งรูปภาพเพิ่มเติม' });

    // The staff API's case detail lists it with a signed link that serves the stripped photo.
    const detail = await asUser(org.slug, officer.userId, `/cases/${id}`);
    expect(detail.status).toBe(200);
    const listed = detail.json.attachments.find((a: { id: string }) => a.id === file!.id);
    expect(listed).toMatchObject({ kind: 'image', contentType: 'image/jpeg' });
    expect(detail.json.timeline).toContainEqual(
      expect.objectContaining({ actor: 'ผู้ร้องเรียน', action: 'evidence_added' }),
    );
    const served = await callWorker(listed.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(containsBytes(new Uint8Array(await served.arrayBuffer()), CAMERA_MAKE)).toBe(false);

    // One billable push to the officer: a line and the case card with its staff LIFF link; no image, no id.
    const toOfficer = await messagesIn(org.slug, officer.userId, since);
    expect(toOfficer.map((m) => m.via)).toEqual(['push', 'push']);
    expect(textOf(toOfficer)).toContain(`ผู้ร้องเรียนส่งรูปเพิ่มเติมในเรื่อง ${code}`);
    expect(toOfficer.map((m) => m.message.type)).not.toContain('image');
    const raw = JSON.stringify(toOfficer);
    expect(raw).toContain(`/staff/cases/${id}`);
    expect(raw).not.toContain(r.userId);
    expect(await billableTo(org.slug, [officer.userId], since)).toBe(1);

    // The photo does not end the question: the case still awaits the text answer, which ends it.
    expect((await caseByCode(code)).status).toBe('awaiting_info');
    expect(await waits(id)).toBe(1);
    expect(textOf(await r.say('เสาต้นที่สามจากปากซอย'))).toContain('ส่งข้อความของท่านถึงเจ้าหน้าที่');
    expect((await caseByCode(code)).status).toBe('in_progress');
    expect(await waits(id)).toBe(0);
    // Afterwards a photo is not an answer any more: offered as a new complaint, as for anyone, and
    // nothing added to the case.
    expect(textOf(await r.send([imageEvent(photo)]))).toContain('ต้องการแจ้งเรื่องนี้กับ');
    expect(await files(id)).toHaveLength(1);
  });

  it('photos sent together are answered and announced once; a PDF is attached as a file', async () => {
    const { r, code, id } = await awaitingInfo();
    const since = await lastSeq(org.slug);
    const set = { id: `SET${Date.now()}`, total: 3 };
    const answers = (await r.send([1, 2, 3].map((index) => imageEvent(photo, { ...set, index })))).filter(
      (m) => m.via === 'reply',
    );
    expect(textOf(answers)).toContain(`ได้รับรูปภาพ 3 รูปแล้ว แนบไว้กับเรื่อง ${code}`);
    expect(answers).toHaveLength(1);
    expect(textOf(await messagesIn(org.slug, officer.userId, since))).toContain(
      `ผู้ร้องเรียนส่งรูปเพิ่มเติม 3 รูปในเรื่อง ${code}`,
    );
    expect(await billableTo(org.slug, [officer.userId], since)).toBe(1);

    const pdf = fileEvent('ใบเสร็จ.pdf', new TextEncoder().encode('%PDF-1.7\n%%EOF'));
    expect(textOf(await r.send([pdf]))).toContain(`ได้รับไฟล์ PDF แล้ว แนบไว้กับเรื่อง ${code}`);
    const stored = await files(id);
    expect(stored.map((f) => f.content_type)).toEqual([
      'image/jpeg',
      'image/jpeg',
      'image/jpeg',
      'application/pdf',
    ]);
    expect(stored[3]!.kind).toBe('file');
    expect((await caseByCode(code)).status).toBe('awaiting_info');
  });

  it('video, audio and Word files are refused in Thai and nothing is stored or sent to staff', async () => {
    const { r, id } = await awaitingInfo();
    const since = await lastSeq(org.slug);
    const [video, audio] = [videoEvent, audioEvent];
    expect(textOf(await r.send([video]))).toContain('ยังส่งวิดีโอและไฟล์เสียงถึงเจ้าหน้าที่ไม่ได้');
    expect(textOf(await r.send([audio]))).toContain('ยังส่งวิดีโอและไฟล์เสียงถึงเจ้าหน้าที่ไม่ได้');
    const word = fileEvent('หลักฐาน.docx', new TextEncoder().encode('PK\u0003\u0004'));
    expect(textOf(await r.send([word]))).toContain('ยังไม่รับไฟล์ Word');
    // A "photo" that is not a readable image is refused rather than stored uncleaned.
    const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00]);
    expect(textOf(await r.send([imageEvent(base64(broken))]))).toContain('ไม่สามารถเปิดไฟล์นี้ได้');
    expect(await files(id)).toEqual([]);
    expect(await messagesIn(org.slug, officer.userId, since)).toEqual([]);
    const objects = await env.EVIDENCE.list({ prefix: `evidence/${org.id}/case-${id}/` });
    expect(objects.objects).toEqual([]);
    expect(await waits(id)).toBe(1);
  });

  it('takes at most CASE_FILES_MAX files per case; the next one is refused and leaves nothing behind', async () => {
    const { r, id } = await awaitingInfo();
    for (let i = 0; i < CASE_FILES_MAX; i++) {
      const outcome = await insertCaseFile(createDb(env.DB), {
        id: `filler${i}`,
        orgId: org.id,
        complaintId: id,
        sourceRef: `filler-${i}`,
        kind: 'image',
        contentType: 'image/jpeg',
        sizeBytes: 1,
        sha256: '00',
        r2Key: `evidence/${org.id}/case-${id}/filler${i}.jpg`,
        metadataRemovedBytes: 0,
        note: 'ส่งรูปภาพเพิ่มเติม',
        now: Date.now(),
      });
      expect(outcome).toBe('inserted');
    }
    expect(textOf(await r.send([imageEvent(photo)]))).toContain('ครบจำนวนที่รับได้แล้ว');
    expect(await files(id)).toHaveLength(CASE_FILES_MAX);
    const objects = await env.EVIDENCE.list({ prefix: `evidence/${org.id}/case-${id}/` });
    expect(objects.objects).toEqual([]);
  });

  it('a photo from someone with no open question is offered as a new complaint, never attached to a case', async () => {
    const r = resident(org.slug);
    const answer = await r.send([imageEvent(photo)]);
    expect(textOf(answer)).toContain('ต้องการแจ้งเรื่องนี้กับ');
    const stored = await countRows(
      'complaint_attachments',
      'org_id = ? and draft_id is null and complaint_id is null',
      org.id,
    );
    expect(stored).toBe(0);
  });
});

describe('a photo set with a refused photo', () => {
  it('the stored photos are still answered and announced once, by the event that completes the set', async () => {
    const { r, code, id } = await awaitingInfo();
    const since = await lastSeq(org.slug);
    const set = { id: `SETX${Date.now()}`, total: 3 };
    const broken = base64(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00]));
    // The resident's chat already holds the officer's question: only the answers to these photos count.
    const answer = async (event: unknown) => textOf((await r.send([event])).filter((m) => m.via === 'reply'));
    expect(await answer(imageEvent(photo, { ...set, index: 1 }))).toBe('');
    expect(await answer(imageEvent(photo, { ...set, index: 3 }))).toBe('');
    const last = await answer(imageEvent(broken, { ...set, index: 2 }));
    expect(last).toContain('ไม่สามารถเปิดไฟล์นี้ได้');
    expect(last).toContain(`ได้รับรูปภาพ 2 จาก 3 รูปแล้ว แนบไว้กับเรื่อง ${code}`);
    expect(textOf(await messagesIn(org.slug, officer.userId, since))).toContain(
      `ผู้ร้องเรียนส่งรูปเพิ่มเติม 2 รูปในเรื่อง ${code}`,
    );
    expect(await billableTo(org.slug, [officer.userId], since)).toBe(1);
    expect(await files(id)).toHaveLength(2);
  });
});
