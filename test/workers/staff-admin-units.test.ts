import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { useStaff } from './support/roster';
import { callAs, eventCount, eventsOf, lampangAdmins, unitIdOf } from './support/staff-admin';
import { asUser } from './support/staff-api';
import { firstRow } from './support/db';

// Admins create and rename units; units are never deleted (complaints, categories, officers point to them).
const org = useOrg('lampang');
const otherOrg = useOrg('chanthaburi');
const { admin, officer, executive } = useStaff(org, lampangAdmins);
const { admin: otherAdmin } = useStaff(otherOrg, { admin: 'admin' });
const as = callAs(org.slug);

describe('units (admins)', () => {
  it('creates units with a made-up or a given code, and writes an event in the same batch', async () => {
    const auto = await as(admin, '/units', 'POST', { name: ' กองยุทธศาสตร์และงบประมาณ ' });
    expect(auto.status).toBe(201);
    expect(auto.json).toMatchObject({ name: 'กองยุทธศาสตร์และงบประมาณ', handlesIntegrity: false });
    expect(auto.json.code).toMatch(/^unit-[a-z2-9]{6}$/);
    expect(await eventsOf('unit', auto.json.id)).toEqual([
      expect.objectContaining({
        action: 'created',
        actor: `staff:${admin.staffId}`,
        from_state: null,
        to_state: 'กองยุทธศาสตร์และงบประมาณ',
      }),
    ]);
    const given = await as(admin, '/units', 'POST', {
      name: 'หน่วยตรวจสอบภายใน',
      code: 'Audit',
      handlesIntegrity: true,
    });
    expect(given.status).toBe(201);
    expect(given.json).toMatchObject({ code: 'audit', handlesIntegrity: true });
    const list = await as(admin, '/units', 'GET');
    expect(list.json.items.map((u: { code: string }) => u.code)).toContain('audit');
  });

  it('refuses duplicates (409) and invalid input (422) with Thai messages, writing nothing', async () => {
    const before = await eventCount();
    const sameName = await as(admin, '/units', 'POST', { name: 'กองช่าง' });
    expect(sameName.status).toBe(409);
    expect(sameName.json.error.message).toBe('มีหน่วยงานชื่อนี้แล้ว');
    const sameCode = await as(admin, '/units', 'POST', { name: 'ช่างใหม่', code: 'engineering' });
    expect(sameCode.status).toBe(409);
    expect(sameCode.json.error.message).toBe('มีหน่วยงานที่ใช้รหัสนี้แล้ว');
    for (const body of [
      { name: '  ' },
      { name: 'ก'.repeat(81) },
      { name: 'กองใหม่', code: 'ไทย' },
      {},
      null,
    ]) {
      const bad = await as(admin, '/units', 'POST', body);
      expect(bad.status, JSON.stringify(body)).toBe(422);
      expect(bad.json.error.message).toMatch(/[\u0E00-\u0E7F]/);
    }
    const rename = await as(admin, `/units/${await unitIdOf(org.id, 'health')}`, 'PATCH', { name: 'กองคลัง' });
    expect(rename.status).toBe(409);
    expect((await as(admin, `/units/${await unitIdOf(org.id, 'health')}`, 'PATCH', {})).status).toBe(422);
    expect(await eventCount()).toBe(before);
  });

  it('renames a unit and keeps integrity routing consistent when its flag changes', async () => {
    const welfare = await unitIdOf(org.id, 'welfare');
    const renamed = await as(admin, `/units/${welfare}`, 'PATCH', { name: 'กองสวัสดิการสังคมและสังคมสงเคราะห์' });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({
      id: welfare,
      code: 'welfare',
      name: 'กองสวัสดิการสังคมและสังคมสงเคราะห์',
    });
    expect(await eventsOf('unit', welfare)).toEqual([
      expect.objectContaining({ action: 'renamed', from_state: 'กองสวัสดิการสังคม' }),
    ]);
    // welfare has no categories or officers: it may become an integrity unit, and back.
    const flagged = await as(admin, `/units/${welfare}`, 'PATCH', { handlesIntegrity: true });
    expect(flagged.json.handlesIntegrity).toBe(true);
    expect((await as(admin, `/units/${welfare}`, 'PATCH', { handlesIntegrity: false })).status).toBe(200);
    expect((await eventsOf('unit', welfare)).map((e) => [e.action, e.to_state])).toEqual([
      ['renamed', 'กองสวัสดิการสังคมและสังคมสงเคราะห์'],
      ['handles_changed', 'integrity'],
      ['handles_changed', 'general'],
    ]);
    // The corruption categories point to the integrity unit; engineering has grievances and officers.
    const integrity = await as(admin, `/units/${await unitIdOf(org.id, 'integrity')}`, 'PATCH', {
      handlesIntegrity: false,
    });
    expect(integrity.status).toBe(409);
    expect(integrity.json.error.message).toContain('หมวดเรื่องร้องเรียนการทุจริต');
    const engineering = await as(admin, `/units/${await unitIdOf(org.id, 'engineering')}`, 'PATCH', {
      handlesIntegrity: true,
    });
    expect(engineering.status).toBe(409);
  });

  it('is for admins only: officers and executives get 403', async () => {
    for (const m of [officer, executive]) {
      expect((await as(m, '/units', 'POST', { name: 'กองลับ' })).status).toBe(403);
      expect(
        (await as(m, `/units/${await unitIdOf(org.id, 'finance')}`, 'PATCH', { name: 'x' })).status,
      ).toBe(403);
      expect((await as(m, '/units', 'GET')).status).toBe(403);
    }
  });

  it("another organisation's unit is not found, and stays as it was", async () => {
    const theirs = await unitIdOf(otherOrg.id, 'finance');
    const before = await eventCount();
    const answer = await as(admin, `/units/${theirs}`, 'PATCH', { name: 'ยึดกองคลัง' });
    expect(answer.status).toBe(404);
    expect(answer.json.error.message).toBe('ไม่พบหน่วยงาน');
    expect((await as(admin, '/units/abc', 'PATCH', { name: 'x' })).status).toBe(404);
    const row = await firstRow('select name from units where id = ?', theirs);
    expect(row).toEqual({ name: 'กองคลัง' });
    expect(await eventCount()).toBe(before);
    // Their admin is nobody here.
    expect((await asUser(org.slug, otherAdmin.userId, '/units', { body: { name: 'x' } })).status).toBe(403);
  });
});
