import { describe, expect, it } from 'vitest';
import { demoStaff } from '../../dev/line-platform/demo-people';
import { fileComplaint, mintIdToken, newUserId, phonePages, workerUrl } from './support/stack';

// Who is involved, in the staff LIFF (setup as in liff-staff.test.ts). The demo's อรุณี is both the
// integrity officer and an executive: a tip about the executive keeps her out like every executive.
const [, thana, arunee] = demoStaff.map((s) => s.userId) as [string, string, string];
const openAs = phonePages('trang');

const tip = (extra: Record<string, unknown>) =>
  fileComplaint('trang', newUserId(), {
    track: 'corruption',
    categoryCode: 'procurement',
    description: 'มีการแบ่งซื้อแบ่งจ้างเพื่อให้ญาติได้งานซ่อมถนน',
    identity: { mode: 'anonymous' },
    ...extra,
  });

async function unitId(name: string): Promise<number> {
  const response = await fetch(`${workerUrl}/api/orgs/trang/complaints/categories`, {
    headers: { authorization: `Bearer ${await mintIdToken('trang', newUserId())}` },
  });
  const { units } = (await response.json()) as { units: { id: number; name: string }[] };
  return units.find((u) => u.name === name)!.id;
}

describe('staff LIFF: who is involved, and a recusal', () => {
  it('says plainly who will not see a tip about a unit; the officer steps aside and it is gone', async () => {
    const aboutMayor = await tip({ involvedRole: 'executive' });
    const code = await tip({ involvedRole: 'unit_staff', involvedUnitId: await unitId('กองช่าง') });
    const page = await openAs(arunee, '/o/trang/staff?track=corruption');
    await page.locator('.case-card', { hasText: code }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`เรื่อง ${code}`);
    expect(await page.locator('.facts').textContent()).toContain('เจ้าหน้าที่กอง/ฝ่าย (กองช่าง)');
    expect(await page.getByTestId('involvement-warning').textContent()).toContain(
      'เจ้าหน้าที่ของหน่วยงานนี้จะไม่เห็นเรื่องนี้',
    );

    await page.locator('textarea[name="recusalReason"]').fill('ผู้ถูกร้องเป็นญาติของข้าพเจ้า');
    await page.getByRole('button', { name: 'ยืนยันการถอนตัว' }).click();
    await expect
      .poll(() => page.locator('[role="status"]').textContent())
      .toContain(`บันทึกการถอนตัวจากเรื่อง ${code} แล้ว`);
    await page.getByRole('link', { name: 'กลับไปรายการ' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('เรื่องร้องเรียน');
    const listed = (await page.locator('main, body').first().textContent()) ?? '';
    expect(listed).not.toContain(code);
    // The integrity officer who is also an executive never had the tip about the executive.
    expect(listed).not.toContain(aboutMayor);
  });

  it('links two tips to one plan project, and the integrity officer sees where tips point on the report page', async () => {
    for (const code of [await tip({}), await tip({})]) {
      const page = await openAs(arunee, '/o/trang/staff?track=corruption');
      await page.locator('.case-card', { hasText: code }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(`เรื่อง ${code}`);
      await expect.poll(() => page.getByTestId('plan-project').textContent()).toBe('ยังไม่ระบุ');
      await page.locator('input[name="planProjectQuery"]').fill('');
      await page.getByRole('button', { name: 'ค้นหา' }).click();
      const first = page.locator('.plan-project-results button').first();
      const label = (await first.textContent()) ?? '';
      await first.click();
      await expect.poll(() => page.locator('.form-message.ok').textContent()).toBe('บันทึกโครงการตามแผนแล้ว');
      expect(await page.getByTestId('plan-project').textContent()).toContain(label);
      expect(await page.locator('.timeline').textContent()).toContain('ระบุโครงการตามแผนป้องกันการทุจริต');
    }

    // The counts the page shows are the API's (other tests file tips in Trang too).
    const response = await fetch(`${workerUrl}/api/orgs/trang/staff/report/tip-patterns`, {
      headers: { authorization: `Bearer ${await mintIdToken('trang', arunee)}` },
    });
    const { items } = (await response.json()) as { items: { kind: string; name: string; count: number }[] };
    const projects = items.filter((i) => i.kind === 'project');
    expect(projects.some((i) => i.count >= 2)).toBe(true);
    const page = await openAs(arunee, '/o/trang/staff/report');
    await expect.poll(() => page.locator('h1').textContent()).toBe('รายงานสรุปเรื่องร้องเรียน');
    const section = page.locator('[data-section="tip-patterns"]');
    expect(await section.locator('h2').textContent()).toBe('เบาะแสที่ชี้ไปที่เดียวกัน (12 เดือนล่าสุด)');
    const shown = (await section.textContent()) ?? '';
    expect(shown).toContain('โครงการตามแผน');
    expect(shown).toContain('ประเภท');
    for (const i of items) expect(shown).toContain(`${i.name}: ${i.count} เรื่อง`);
    expect(await section.locator('[data-kind="category"]').textContent()).toMatch(/จัดซื้อจัดจ้าง: \d+ เรื่อง/);

    // An officer's report page has no such section (and the API refuses them).
    const officer = await openAs(thana, '/o/trang/staff/report');
    await expect.poll(() => officer.locator('h1').textContent()).toBe('รายงานสรุปเรื่องร้องเรียน');
    expect(await officer.locator('[data-section="tip-patterns"]').count()).toBe(0);
  });
});
