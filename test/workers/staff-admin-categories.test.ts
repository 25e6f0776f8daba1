import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { textOf } from './support/complaint';
import { formUser } from './support/complaint-form';
import { resident, toSummary } from './support/complaint-steps';
import {
  useAdminTeam,
  categoryRow,
  chatGrievanceChoices,
  eventCount,
  eventsOf,
  unitIdOf,
} from './support/staff-admin';
import { fileComplaint } from './support/file-complaint';
import { firstRow } from './support/db';

// Admins manage complaint categories: routing, what the chat and the form offer, order, and who may.
const org = useOrg('mueang-chan');
const otherOrg = useOrg('chanthaburi');
const { admin, officer, executive, as, patchCategory: patch } = useAdminTeam(org);
const choices = () => chatGrievanceChoices(org.slug);

/** Files a general grievance (street lights) through the chat; its complaint row. */
async function fileLighting() {
  const { code } = await fileComplaint(org.slug);
  return (await firstRow<{ id: number; unit_id: number | null; category_id: number }>(
    'select id, unit_id, category_id from complaints where code = ?',
    code,
  ))!;
}

describe('complaint categories (admins)', () => {
  it('lists every category of both tracks in display order', async () => {
    const list = await as(admin, '/categories', 'GET');
    expect(list.status).toBe(200);
    const grievance = list.json.items.filter((k: { track: string }) => k.track === 'grievance');
    expect(grievance.map((k: { code: string }) => k.code)).toEqual([
      'road',
      'lighting',
      'waste',
      'water',
      'drainage',
      'nuisance',
      'service',
      'other',
    ]);
    expect(list.json.items.filter((k: { track: string }) => k.track === 'corruption')).toHaveLength(6);
  });

  it('re-maps a category: the NEXT grievance goes to the new unit, earlier cases keep theirs', async () => {
    const earlier = await fileLighting();
    expect(earlier.unit_id).toBe(await unitIdOf(org.id, 'engineering'));
    const unit = await as(admin, '/units', 'POST', { name: 'งานไฟฟ้าสาธารณะ', code: 'street-lights' });
    expect(unit.status).toBe(201);
    const remap = await patch('lighting', { unitId: unit.json.id });
    expect(remap.status).toBe(200);
    expect(remap.json).toMatchObject({ code: 'lighting', unitId: unit.json.id, active: true });
    const lighting = await categoryRow(org.id, 'lighting');
    expect(await eventsOf('complaint_category', lighting.id)).toEqual([
      expect.objectContaining({
        action: 'unit_changed',
        actor: `staff:${admin.staffId}`,
        from_state: String(earlier.unit_id),
        to_state: String(unit.json.id),
      }),
    ]);
    const next = await fileLighting();
    expect(next.category_id).toBe(lighting.id);
    expect(next.unit_id).toBe(unit.json.id);
    const again = await firstRow('select unit_id from complaints where id = ?', earlier.id);
    expect(again).toEqual({ unit_id: earlier.unit_id });
  });

  it('deactivates (never deletes): the chat and the form stop offering it, the last one stays', async () => {
    const off = await patch('nuisance', { active: false });
    expect(off.status).toBe(200);
    expect(off.json.active).toBe(false);
    const nuisance = await categoryRow(org.id, 'nuisance');
    expect((await eventsOf('complaint_category', nuisance.id)).at(-1)).toMatchObject({
      action: 'deactivated',
      from_state: 'active',
      to_state: 'inactive',
    });
    const offered = await choices();
    expect(offered).not.toContain('เสียงดัง/เหตุรำคาญ');
    expect(offered).toContain('ถนน/ทางเท้า');
    // Typing its name is not a way around it either.
    const p = resident(org.slug);
    await p.say('ร้องทุกข์ทั่วไป');
    expect(textOf(await p.say('เสียงดัง/เหตุรำคาญ'))).toContain('กรุณาเลือกหมวด');
    const form = await (await formUser(org.slug)).categories();
    expect(form.json.grievance.map((k: { code: string }) => k.code)).not.toContain('nuisance');

    const grievances = (await as(admin, '/categories', 'GET')).json.items.filter(
      (k: { track: string; active: boolean }) => k.track === 'grievance' && k.active,
    );
    for (const k of grievances.slice(1)) {
      expect((await as(admin, `/categories/${k.id}`, 'PATCH', { active: false })).status).toBe(200);
    }
    const before = await eventCount();
    const last = await as(admin, `/categories/${grievances[0].id}`, 'PATCH', { active: false });
    expect(last.status).toBe(409);
    expect(last.json.error.message).toContain('อย่างน้อยหนึ่งหมวด');
    expect(await eventCount()).toBe(before);
    expect(await choices()).toEqual([grievances[0].name]);
    for (const k of grievances.slice(1)) await as(admin, `/categories/${k.id}`, 'PATCH', { active: true });
  });

  it('renames, re-describes and moves categories up and down, each with an event', async () => {
    const water = await categoryRow(org.id, 'water');
    const renamed = await patch('water', { name: 'ประปา/น้ำไม่ไหล', description: 'น้ำประปาไม่ไหลหรือขุ่น' });
    expect(renamed.json).toMatchObject({ name: 'ประปา/น้ำไม่ไหล', description: 'น้ำประปาไม่ไหลหรือขุ่น' });
    expect(
      (await eventsOf('complaint_category', water.id)).slice(-2).map((e) => [e.action, e.from_state]),
    ).toEqual([
      ['renamed', 'น้ำประปา'],
      ['described', 'น้ำไม่ไหล น้ำขุ่น ท่อประปารั่ว'],
    ]);
    expect((await patch('water', { name: 'ถนน/ทางเท้า' })).status).toBe(409);

    const order = (items: { track: string; code: string }[]) =>
      items.filter((k) => k.track === 'grievance').map((k) => k.code);
    const up = await as(admin, `/categories/${water.id}/move`, 'POST', { direction: 'up' });
    expect(up.status).toBe(200);
    expect(order(up.json.items).slice(0, 5)).toEqual(['road', 'lighting', 'water', 'waste', 'drainage']);
    expect((await eventsOf('complaint_category', water.id)).at(-1)).toMatchObject({
      action: 'moved',
      from_state: '4',
      to_state: '3',
    });
    expect((await choices()).slice(0, 4)).toEqual([
      'ถนน/ทางเท้า',
      'ไฟฟ้าส่องสว่าง',
      'ประปา/น้ำไม่ไหล',
      'ขยะ/ความสะอาด',
    ]);
    const road = await categoryRow(org.id, 'road');
    const before = await eventCount();
    const top = await as(admin, `/categories/${road.id}/move`, 'POST', { direction: 'up' });
    expect(top.status).toBe(200);
    expect(order(top.json.items)[0]).toBe('road');
    expect(await eventCount()).toBe(before);
    expect((await as(admin, `/categories/${road.id}/move`, 'POST', { direction: 'left' })).status).toBe(422);
    const down = await as(admin, `/categories/${road.id}/move`, 'POST', { direction: 'down' });
    expect(order(down.json.items).slice(0, 2)).toEqual(['lighting', 'road']);
  });

  it('a draft whose category was switched off meanwhile is not filed; the resident is told', async () => {
    const p = resident(org.slug);
    await toSummary(p, 'grievance'); // street lights
    expect((await patch('lighting', { active: false })).status).toBe(200);
    expect(textOf(await p.tap('ยืนยันส่งเรื่อง'))).toContain('ไม่พบหมวดของเรื่องนี้');
    const filed = await firstRow('select count(*) as n from complaints where org_id = ?', org.id);
    expect((await patch('lighting', { active: true })).status).toBe(200);
    expect(filed).toEqual({ n: 2 }); // the two of the re-mapping test
  });

  it('is for admins only, and never reaches another organisation', async () => {
    const road = await categoryRow(org.id, 'road');
    for (const m of [officer, executive]) {
      expect((await as(m, '/categories', 'GET')).status).toBe(403);
      expect((await as(m, `/categories/${road.id}`, 'PATCH', { active: false })).status).toBe(403);
      expect((await as(m, `/categories/${road.id}/move`, 'POST', { direction: 'down' })).status).toBe(403);
      expect(
        (await as(m, '/categories', 'POST', { track: 'grievance', name: 'x', description: 'y' })).status,
      ).toBe(403);
    }
    const theirs = await categoryRow(otherOrg.id, 'road');
    const before = await eventCount();
    const edit = await as(admin, `/categories/${theirs.id}`, 'PATCH', { name: 'ยึดหมวด', active: false });
    expect(edit.status).toBe(404);
    expect(edit.json.error.message).toBe('ไม่พบหมวดเรื่อง');
    expect((await as(admin, `/categories/${theirs.id}/move`, 'POST', { direction: 'down' })).status).toBe(
      404,
    );
    expect(await categoryRow(otherOrg.id, 'road')).toEqual(theirs);
    expect(await eventCount()).toBe(before);
  });
});
