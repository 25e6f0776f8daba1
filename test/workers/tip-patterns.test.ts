import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { anonymousReport, formUser, newKey } from './support/complaint-form';
import { firstRow } from './support/db';
import { enroll, type StaffChat } from './support/staff';
import { asUser } from './support/staff-api';

// Integrity officers see where several tips point (a unit, a category, a role), as counts only.
const org = useOrg('mueang-chan');
let integrity: StaffChat & { staffId: number };
let officer: StaffChat & { staffId: number };

beforeAll(async () => {
  integrity = await enroll(org.slug, org.id, ['integrity']);
  officer = await enroll(org.slug, org.id, ['officer'], { unit: 'engineering' });
}, 60_000);

async function tip(unitId: number | undefined, categoryCode: string) {
  const answer = await (await formUser(org.slug)).submit({
    ...anonymousReport(newKey()),
    categoryCode,
    ...(unitId ? { involvedRole: 'unit_staff', involvedUnitId: unitId } : { involvedRole: 'contractor' }),
  });
  expect(answer.status).toBe(201);
}

describe('tip patterns', () => {
  it('counts two or more tips per unit, category and role; nothing else', async () => {
    const unit = (await firstRow<{ id: number }>(
      "select id from units where org_id = ? and code = 'engineering'",
      org.id,
    ))!.id;
    await tip(unit, 'procurement');
    await tip(unit, 'bribery');
    await tip(undefined, 'procurement');
    const answer = await asUser(org.slug, integrity.userId, '/report/tip-patterns');
    expect(answer.status).toBe(200);
    expect(answer.json.items).toEqual(
      expect.arrayContaining([
        { kind: 'unit', name: 'กองช่าง', count: 2 },
        { kind: 'category', name: 'จัดซื้อจัดจ้าง', count: 2 },
        { kind: 'role', name: 'เจ้าหน้าที่กอง/ฝ่าย', count: 2 },
      ]),
    );
    expect(answer.json.items.some((i: { name: string }) => i.name === 'สินบน/เรียกรับเงิน')).toBe(false);
    expect(answer.text).not.toContain('ล็อกสเปก');
    // The unit's own officer, whose unit is named, gets nothing.
    expect((await asUser(org.slug, officer.userId, '/report/tip-patterns')).status).toBe(403);
  });
});
