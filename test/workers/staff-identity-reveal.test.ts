import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { filed, formUser, newKey } from './support/complaint-form';
import { newUserId } from './support/line';
import { enrollStaff, type Member } from './support/roster';
import { asUser } from './support/staff-api';
import { callWorker } from './support/worker';
import { countRows, firstRow } from './support/db';
import { captureConsole } from './support/console';

// Integrity officers reading a confidential reporter's contact (worker/http/routes/staff-identity.ts).
const org = useOrg('mueang-chan');
const other = useOrg('lampang');
const NAME = 'วีระ ใจซื่อ';
const PHONE = '0864445555';
const GENERAL_PHONE = '0875556666';
const REASON = 'ต้องการโทรสอบถามรายละเอียดเหตุการณ์เพิ่มเติม';
const reporters = {
  confidential: newUserId(),
  anonymous: newUserId(),
  general: newUserId(),
  other: newUserId(),
};
const lineIds = Object.values(reporters);

let integrity: Member;
let officer: Member;
let admin: Member;
let executive: Member;
let adminIntegrity: Member;
let otherIntegrity: Member;
const ids = { confidential: 0, anonymous: 0, general: 0, other: 0 };
const answers: string[] = [];
const consoleLines = captureConsole();

async function file(slug: string, userId: string, body: Record<string, unknown>) {
  const key = newKey();
  const answer = await (await formUser(slug, userId)).submit({ submissionKey: key, consent: true, ...body });
  expect(answer.status).toBe(201);
  return (await filed(key)).complaints[0].id as number;
}
const corruption = { track: 'corruption', categoryCode: 'procurement', description: 'ล็อกสเปกงานซ่อมถนน' };
const confidential = (phone: string) => ({
  ...corruption,
  identity: { mode: 'confidential', name: NAME, phone },
});

async function reveal(m: Member, id: number | string, body: unknown = { reason: REASON }, slug = org.slug) {
  const answer = await asUser(slug, m.userId, `/cases/${id}/reporter-contact`, { body });
  answers.push(answer.text);
  return answer;
}
const audited = async () => ({
  views: await countRows('case_views', "via = 'reveal'"),
  events: await countRows('events', "action = 'reporter_contact_viewed'"),
});

beforeAll(async () => {
  ({ integrity, officer, admin, executive, adminIntegrity } = await enrollStaff(org, {
    integrity: { roles: ['integrity'], name: 'ผู้ตรวจสอบ' },
    officer: { roles: ['officer'], unit: 'engineering' },
    admin: 'admin',
    executive: 'executive',
    adminIntegrity: { roles: ['admin', 'integrity'] },
  }));
  ({ integrity: otherIntegrity } = await enrollStaff(other, { integrity: 'integrity' }));
  ids.confidential = await file(org.slug, reporters.confidential, confidential(PHONE));
  ids.anonymous = await file(org.slug, reporters.anonymous, {
    ...corruption,
    identity: { mode: 'anonymous' },
  });
  ids.general = await file(org.slug, reporters.general, {
    track: 'grievance',
    categoryCode: 'waste',
    description: 'ขยะไม่ได้เก็บมาสองสัปดาห์แล้ว',
    identity: { mode: 'identified', phone: GENERAL_PHONE },
  });
  ids.other = await file(other.slug, reporters.other, confidential('0861239999'));
}, 30_000);

describe('integrity officers reading a confidential reporter’s contact', () => {
  it('answers name and phone to an integrity officer, never cached, audited with the reason', async () => {
    const answer = await reveal(integrity, ids.confidential);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ name: NAME, phone: PHONE });
    expect(answer.headers.get('cache-control')).toContain('no-store');

    const view = await firstRow("select * from case_views where via = 'reveal'");
    expect(view).toMatchObject({
      org_id: org.id,
      complaint_id: ids.confidential,
      staff_id: integrity.staffId,
    });
    const event = await firstRow<{
      data: string;
    }>("select * from events where action = 'reporter_contact_viewed'");
    expect(event).toMatchObject({
      org_id: org.id,
      entity: 'complaint',
      entity_id: String(ids.confidential),
      actor: `staff:${integrity.staffId}`,
    });
    expect(JSON.parse(event!.data)).toEqual({ viewId: view!.id, reason: REASON });
    for (const secret of [NAME, PHONE, ...lineIds]) expect(JSON.stringify(event)).not.toContain(secret);
  });

  it('shows the reveal in the admins’ audit log, apart from openings, with its reason', async () => {
    expect((await asUser(org.slug, integrity.userId, `/cases/${ids.confidential}`)).status).toBe(200);
    const log = await asUser(org.slug, admin.userId, '/settings/audit');
    answers.push(log.text);
    expect(log.json.items.slice(0, 2)).toEqual([
      { at: expect.any(Number), code: expect.any(String), staffName: 'ผู้ตรวจสอบ', via: 'liff' },
      {
        at: expect.any(Number),
        code: expect.any(String),
        staffName: 'ผู้ตรวจสอบ',
        via: 'reveal',
        reason: REASON,
      },
    ]);
  });

  it('has nothing for an anonymous reporter or a grievance, and writes nothing', async () => {
    const before = await audited();
    const anonymous = await reveal(integrity, ids.anonymous);
    expect(anonymous.status).toBe(404);
    expect(anonymous.json.error.message).toBe('ไม่มีข้อมูลผู้ร้องเรียน');
    // A grievance's phone is not given out here, even to someone who may read the grievance.
    const grievance = await reveal(adminIntegrity, ids.general);
    expect(grievance.status).toBe(404);
    expect(grievance.json.error.message).toBe('ไม่มีข้อมูลผู้ร้องเรียน');
    expect((await reveal(integrity, ids.general)).json.error.message).toBe('ไม่พบเรื่องนี้');
    expect(await audited()).toEqual(before);
  });

  it('refuses officers, admins and executives (403), and writes nothing', async () => {
    const before = await audited();
    for (const m of [officer, admin, executive]) {
      const refused = await reveal(m, ids.confidential);
      expect(refused.status).toBe(403);
      expect(refused.json.error.code).toBe('forbidden');
    }
    expect(await audited()).toEqual(before);
  });

  it('finds no case of another organisation (404); staff there are nobody here (403)', async () => {
    const before = await audited();
    expect((await reveal(integrity, ids.other)).status).toBe(404);
    expect((await reveal(otherIntegrity, ids.confidential, undefined, other.slug)).status).toBe(404);
    expect((await reveal(integrity, ids.other, undefined, other.slug)).status).toBe(403);
    expect((await reveal(integrity, 999_999)).status).toBe(404);
    expect((await reveal(integrity, 'abc')).status).toBe(404);
    const anonymousCall = await callWorker(
      `/api/orgs/${org.slug}/staff/cases/${ids.confidential}/reporter-contact`,
      {
        method: 'POST',
        body: JSON.stringify({ reason: REASON }),
        headers: { 'content-type': 'application/json' },
      },
    );
    expect(anonymousCall.status).toBe(401);
    answers.push(await anonymousCall.text());
    expect(await audited()).toEqual(before);
  });

  it('needs a reason of 5 to 200 characters (422), and writes nothing without one', async () => {
    const before = await audited();
    for (const body of [
      {},
      { reason: '' },
      { reason: '  สั้น  ' },
      { reason: 'ก'.repeat(201) },
      { reason: 5 },
      null,
    ]) {
      const refused = await reveal(integrity, ids.confidential, body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.json.error.message).toMatch(/[\u0E00-\u0E7F]/);
    }
    expect(await audited()).toEqual(before);
    expect((await reveal(integrity, ids.confidential, { reason: 'ติดต่อ' })).status).toBe(200);
    expect(await audited()).toEqual({ views: before.views + 1, events: before.events + 1 });
  });

  it('never answers or logs a LINE id; name and phone only in the reveals themselves', () => {
    const all = answers.join('\n');
    for (const id of lineIds) expect(all).not.toContain(id);
    const others = answers.filter((a) => !a.startsWith('{"name"'));
    expect(others.length).toBeGreaterThan(10);
    for (const secret of [NAME, PHONE, GENERAL_PHONE]) expect(others.join('\n')).not.toContain(secret);
    for (const secret of [NAME, PHONE, GENERAL_PHONE, ...lineIds]) {
      expect(consoleLines.join('\n')).not.toContain(secret);
    }
  });
});
