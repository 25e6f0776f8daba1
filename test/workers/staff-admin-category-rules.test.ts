import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { guardedEvent, runSetupBatch } from '../../worker/staff/setup-batch';
import { labelsIn } from './support/complaint';
import { resident } from './support/complaint-steps';
import {
  useAdminTeam,
  categoryRow,
  chatGrievanceChoices,
  eventCount,
  eventsOf,
  unitIdOf,
} from './support/staff-admin';
import { firstRow } from './support/db';

// The rules a category change must keep: valid LINE buttons, at most 10 offered per track, corruption
// reports routed only to integrity units, and nothing half-written when two admins race.
const org = useOrg('mueang-chan');
const otherOrg = useOrg('chanthaburi');
const { admin, as, patchCategory: patch } = useAdminTeam(org);
const choices = () => chatGrievanceChoices(org.slug);

describe('complaint category rules', () => {
  it('keeps corruption categories with integrity units (or none) and grievances away from them', async () => {
    const before = await eventCount();
    const toEngineering = await patch('bribery', { unitId: await unitIdOf(org.id, 'engineering') });
    expect(toEngineering.status).toBe(422);
    expect(toEngineering.json.error.message).toContain('หน่วยงานป้องกันการทุจริต');
    const toIntegrity = await patch('road', { unitId: await unitIdOf(org.id, 'integrity') });
    expect(toIntegrity.status).toBe(422);
    const theirs = await patch('road', { unitId: await unitIdOf(otherOrg.id, 'engineering') });
    expect(theirs.status).toBe(404);
    expect(theirs.json.error.message).toBe('ไม่พบหน่วยงาน');
    expect(await eventCount()).toBe(before);
    // No unit: integrity officers see every corruption report anyway.
    expect((await patch('bribery', { unitId: null })).json.unitId).toBeNull();
    expect((await patch('bribery', { unitId: await unitIdOf(org.id, 'integrity') })).status).toBe(200);
  });

  it('creates categories at the end of a track, validating names as LINE buttons', async () => {
    const created = await as(admin, '/categories', 'POST', {
      track: 'grievance',
      name: 'ต้นไม้ล้ม/กิ่งไม้',
      description: 'ต้นไม้ล้มขวางทาง กิ่งไม้พาดสายไฟ',
      unitId: await unitIdOf(org.id, 'health'),
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ track: 'grievance', active: true, name: 'ต้นไม้ล้ม/กิ่งไม้' });
    expect(created.json.code).toMatch(/^cat-[a-z2-9]{6}$/);
    expect(await eventsOf('complaint_category', created.json.id)).toEqual([
      expect.objectContaining({ action: 'created', to_state: 'ต้นไม้ล้ม/กิ่งไม้' }),
    ]);
    expect((await choices()).at(-1)).toBe('ต้นไม้ล้ม/กิ่งไม้');

    // 20 characters as LINE counts them (tone marks and vowels above are free), 25 code points.
    const long = 'น้ำไม่ไหลที่หมู่บ้านริมน้ำ';
    const ok = await as(admin, '/categories', 'POST', {
      track: 'grievance',
      name: long,
      description: 'น้ำประปา',
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    const before = await eventCount();
    const cases: [unknown, number][] = [
      [{ track: 'grievance', name: 'ก'.repeat(21), description: 'ยาวเกิน' }, 422],
      [{ track: 'grievance', name: 'ยกเลิก', description: 'ชื่อซ้ำกับปุ่ม' }, 422],
      [{ track: 'grievance', name: 'หมวดใหม่', description: '' }, 422],
      [{ track: 'other', name: 'หมวดใหม่', description: 'x' }, 422],
      [{ track: 'grievance', name: 'ถนน/ทางเท้า', description: 'ซ้ำ' }, 409],
      [{ track: 'grievance', name: 'หมวดใหม่', description: 'x', code: 'road' }, 409],
      [
        {
          track: 'corruption',
          name: 'ทุจริตงานช่าง',
          description: 'x',
          unitId: await unitIdOf(org.id, 'engineering'),
        },
        422,
      ],
    ];
    for (const [body, status] of cases) {
      const answer = await as(admin, '/categories', 'POST', body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.json.error.message).toMatch(/[\u0E00-\u0E7F]/);
    }
    expect(await eventCount()).toBe(before);
  });

  it('offers at most 10 categories per track (LINE shows 13 quick replies, the step adds 3)', async () => {
    // Corruption has 6; four more fit, the same name as a grievance category is fine in this track.
    for (const name of ['เรื่องอื่น ๆ', 'ฮั้วประมูล', 'เบิกจ่ายเท็จ', 'ช่วยเหลือพวกพ้อง']) {
      const answer = await as(admin, '/categories', 'POST', {
        track: 'corruption',
        name,
        description: 'ทดสอบ',
      });
      expect(answer.status, name).toBe(201);
    }
    const eleventh = await as(admin, '/categories', 'POST', {
      track: 'corruption',
      name: 'เกินจำนวน',
      description: 'ทดสอบ',
    });
    expect(eleventh.status).toBe(409);
    expect(eleventh.json.error.message).toContain('ไม่เกิน 10 หมวด');
    const chat = await resident(org.slug).say('ร้องเรียนการทุจริต');
    expect(labelsIn(chat)).toHaveLength(12); // 10 categories, back, cancel
    expect((await patch('personnel', { active: false })).status).toBe(200);
    expect((await patch('personnel', { active: true })).status).toBe(200);
    expect(
      (await as(admin, '/categories', 'POST', { track: 'corruption', name: 'x', description: 'y' })).status,
    ).toBe(409);
  });

  it('two admins creating the same name at once: one wins, the other is told', async () => {
    expect((await patch('other', { active: false })).status).toBe(200); // room for one more
    const body = { track: 'grievance', name: 'สัตว์จรจัด', description: 'สุนัขและแมวจรจัด' };
    const [a, b] = await Promise.all([
      as(admin, '/categories', 'POST', body),
      as(admin, '/categories', 'POST', body),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const rows = await firstRow(
      'select count(*) as n from complaint_categories where org_id = ? and name = ?',
      org.id,
      'สัตว์จรจัด',
    );
    expect(rows).toEqual({ n: 1 });
  });

  it('a failed guard rolls the whole batch back (what protects against a change made in between)', async () => {
    const road = await categoryRow(org.id, 'road');
    const before = await eventCount();
    const c = env.DB;
    const outcome = await runSetupBatch(c, [
      c.prepare("update complaint_categories set name = 'ถูกแก้' where id = ?").bind(road.id),
      guardedEvent(
        c,
        {
          orgId: org.id,
          entity: 'complaint_category',
          action: 'renamed',
          by: admin.staffId,
          from: null,
          to: null,
          now: 1,
        },
        { sql: 'select null', params: [] },
      ),
    ]);
    expect(outcome).toBe('guard');
    expect(await categoryRow(org.id, 'road')).toEqual(road);
    expect(await eventCount()).toBe(before);
  });
});
