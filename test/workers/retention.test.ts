import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { eraseExpiredCases } from '../../worker/cases/retention';
import { retentionDefaults } from '../../worker/cases/retention-policy';
import { createDb } from '../../worker/db/client';
import { sealAll, verifyOrg } from './support/audit';
import { staffAct } from './support/case-lifecycle';
import { imageEvent, textOf } from './support/complaint';
import { photo, resident, upToIdentity } from './support/complaint-steps';
import { allRows, execute, firstRow } from './support/db';
import { complaintIdOf, confirmComplaint } from './support/file-complaint';
import { enroll, type StaffChat } from './support/staff';
import { asUser } from './support/staff-api';

// A closed case keeps its personal data for the organisation's period, then loses it (identity, evidence,
// free text, in D1 and R2) and keeps its figures; the audit chain still verifies (docs/privacy.md).
const org = useOrg('lampang');
const DAY = 24 * 60 * 60 * 1000;
let admin: StaffChat & { staffId: number };
let integrity: StaffChat & { staffId: number };

beforeAll(async () => {
  admin = await enroll(org.slug, org.id, ['admin']);
  integrity = await enroll(org.slug, org.id, ['integrity']);
}, 60_000);

// biome-ignore lint/suspicious/noExplicitAny: a row of many columns, asserted field by field.
const caseRow = (id: number) => firstRow<any>('select * from complaints where id = ?', id);
const filesOf = (id: number) =>
  allRows<{ r2_key: string }>('select r2_key from complaint_attachments where complaint_id = ?', id);

async function grievanceWithPhoto() {
  const p = resident(org.slug);
  await p.say('ไฟถนนดับทั้งซอยหน้าวัด กลางคืนมืดมาก');
  await p.tap('แจ้งเรื่องนี้');
  await p.send([
    {
      type: 'message',
      message: { type: 'location', title: 'หน้าวัดพระแก้ว', latitude: 18.29, longitude: 99.49 },
    },
  ]);
  await p.send([imageEvent(photo)]);
  await p.tap('ขอให้โทรกลับ');
  await p.say('0891234567');
  return complaintIdOf(await confirmComplaint(p));
}

async function confidentialTipWithPhoto() {
  const p = resident(org.slug);
  await upToIdentity(p, 'นายช่างเรียกเงินค่าอนุมัติแบบบ้าน 5,000 บาท', 1);
  await p.tap('แจ้งชื่อแบบลับ');
  await p.say('สมหญิง กล้าพูด');
  await p.say('0811112222');
  return complaintIdOf(await confirmComplaint(p));
}

describe('retention of closed cases', () => {
  it('sets the erase date at closure from the track’s period, and clears it on reopening', async () => {
    const id = await grievanceWithPhoto();
    const now = Date.now();
    await staffAct(org, admin.staffId, id, { action: 'accept' }, now);
    expect((await caseRow(id)).erase_after).toBeNull();
    await staffAct(
      org,
      admin.staffId,
      id,
      { action: 'close', outcome: 'resolved', summary: 'เปลี่ยนหลอดไฟแล้ว' },
      now,
    );
    expect((await caseRow(id)).erase_after).toBe(now + retentionDefaults.grievance * DAY);
    await staffAct(org, admin.staffId, id, { action: 'reopen' }, now + 1);
    expect((await caseRow(id)).erase_after).toBeNull();
    // The organisation's own period counts for closures after the change.
    await execute(
      `insert into staff_settings (org_id, retention_days_grievance, updated_at) values (?, 120, ?)
       on conflict (org_id) do update set retention_days_grievance = 120`,
      org.id,
      now,
    );
    await staffAct(
      org,
      admin.staffId,
      id,
      { action: 'close', outcome: 'resolved', summary: 'ซ่อมแล้ว' },
      now + 2,
    );
    expect((await caseRow(id)).erase_after).toBe(now + 2 + 120 * DAY);
  });

  it('admins set the period per track (90–3,650 days), with an event; others cannot', async () => {
    const put = (who: StaffChat, body: unknown) =>
      asUser(org.slug, who.userId, '/settings/retention', { method: 'PUT', body });
    const ok = await put(admin, { corruption: 3650 });
    expect(ok.status).toBe(200);
    expect(ok.json.retention).toEqual({ grievance: 120, corruption: 3650 });
    for (const bad of [
      {},
      { grievance: 89 },
      { corruption: 3651 },
      { grievance: 100.5 },
      { grievance: '365' },
    ]) {
      expect((await put(admin, bad)).status, JSON.stringify(bad)).toBe(422);
    }
    expect((await put(integrity, { grievance: 365 })).status).toBe(403);
    const events = await allRows<{ action: string; from_state: string; to_state: string }>(
      "select action, from_state, to_state from events where entity = 'staff_settings' and entity_id = ? and action like 'retention%'",
      String(org.id),
    );
    expect(events).toEqual([{ action: 'retention_days_corruption', from_state: '1825', to_state: '3650' }]);
    await put(admin, { corruption: 1825 });
  });

  it("the summary's privacy notice states the organisation's period for the track", async () => {
    const p = resident(org.slug);
    await upToIdentity(p, 'นายช่างเรียกเงินค่าอนุมัติแบบบ้าน 5,000 บาท');
    expect(textOf(await p.tap('ไม่เปิดเผยตัวตน'))).toContain('เมื่อเรื่องเสร็จสิ้นครบ 5 ปี ระบบลบชื่อ');
    // Lampang chose 120 days for grievances (the test above).
    const g = resident(org.slug);
    await g.say('ไฟถนนดับทั้งซอยหน้าวัด กลางคืนมืดมาก');
    await g.tap('แจ้งเรื่องนี้');
    await g.tap('ข้าม');
    expect(textOf(await g.tap('ไม่มีหลักฐาน'))).toContain('เมื่อเรื่องเสร็จสิ้นครบ 120 วัน');
  });

  it('erases identity, evidence and free text once due, keeps the figures, and the chain still verifies', async () => {
    const tip = await confidentialTipWithPhoto();
    const grievance = await grievanceWithPhoto();
    const now = Date.now();
    await staffAct(org, integrity.staffId, tip, { action: 'accept' }, now);
    await staffAct(
      org,
      integrity.staffId,
      tip,
      { action: 'update', message: 'สอบถามนายสมชายผู้เห็นเหตุการณ์แล้ว' },
      now,
    );
    await staffAct(
      org,
      integrity.staffId,
      tip,
      { action: 'close', outcome: 'resolved', summary: 'ลงโทษทางวินัย' },
      now,
    );
    await staffAct(org, admin.staffId, grievance, { action: 'accept' }, now);
    const before = { tip: await caseRow(tip), grievance: await caseRow(grievance) };
    const files = [...(await filesOf(tip)), ...(await filesOf(grievance))];
    expect(files).toHaveLength(2);
    await sealAll();

    // Not due yet: nothing happens.
    expect(await eraseExpiredCases(createDb(env.DB), env.EVIDENCE, now)).toBe(0);
    await execute('update complaints set erase_after = ? where id = ?', now - 1, tip);
    expect(await eraseExpiredCases(createDb(env.DB), env.EVIDENCE, now)).toBe(1);

    const after = await caseRow(tip);
    expect(after).toMatchObject({
      description: '',
      place_text: null,
      involved: null,
      erased_at: now,
      erase_after: null,
      // The figures stay for the statistics.
      track: 'corruption',
      status: 'resolved',
      category_id: before.tip.category_id,
      unit_id: before.tip.unit_id,
      created_at: before.tip.created_at,
      result_due_on: before.tip.result_due_on,
    });
    const vault = await firstRow<{ sealed: string }>(
      'select sealed from identity_vault where id = ?',
      after.vault_id,
    );
    expect(vault?.sealed).toBe('');
    expect(await filesOf(tip)).toEqual([]);
    for (const f of files.slice(0, 1)) expect(await env.EVIDENCE.get(f.r2_key)).toBeNull();
    expect(await env.EVIDENCE.get(files[1]!.r2_key)).not.toBeNull();
    const notes = await allRows<{ action: string; note: string | null; erased_note_sha256: string | null }>(
      'select action, note, erased_note_sha256 from complaint_events where complaint_id = ? order by id',
      tip,
    );
    expect(JSON.stringify(notes)).not.toContain('นายสมชาย');
    expect(notes.at(-1)).toMatchObject({ action: 'erased' });
    expect(notes.some((n) => n.erased_note_sha256 !== null)).toBe(true);
    expect(await firstRow('select 1 from complaint_owners where complaint_id = ?', tip)).toBeNull();
    // The other case, not closed, is untouched; the chain verifies with the erasure in it.
    expect((await caseRow(grievance)).description).toBe(before.grievance.description);
    await sealAll();
    expect(await verifyOrg(org.id)).toMatchObject({ ok: true });
    // Run again: nothing left to do.
    expect(await eraseExpiredCases(createDb(env.DB), env.EVIDENCE, now + 1)).toBe(0);
  });
});
