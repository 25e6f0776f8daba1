import { describe, expect, it } from 'vitest';
import { demoStaff } from '../../dev/line-platform/demo-people';
import { fileComplaint, newUserId, phonePages, textsTo } from './support/stack';

const [, thana, arunee] = demoStaff.map((s) => s.userId) as [string, string, string];
// Mueang Chan: the admin e2e test re-routes Lampang's street lights, and Trang's cases are the other tests'.
const ORG = 'mueang-chan';

const openAs = phonePages(ORG);

describe('executives in the staff LIFF', () => {
  it('an officer escalates, the executive instructs back, then reads the report', async () => {
    const code = await fileComplaint(ORG, newUserId(), {
      track: 'grievance',
      categoryCode: 'lighting',
      description: 'เสาไฟฟ้าเอียงจะล้มทับบ้านเรือน ต้องใช้รถกระเช้าและงบเกินกอง',
      identity: { mode: 'identified' },
    });

    const officer = await openAs(thana, `/o/${ORG}/staff`);
    await officer.locator('.case-card', { hasText: code }).click();
    await expect.poll(() => officer.locator('h1').textContent()).toBe(`เรื่อง ${code}`);
    await officer.getByRole('button', { name: 'รับเรื่องนี้' }).click();
    await expect.poll(() => officer.locator('.form-message.ok').textContent()).toBe('รับเรื่องแล้ว');
    await officer.locator('textarea[name="escalate"]').fill('ขอให้ผู้บริหารอนุมัติงบกลางเช่ารถกระเช้า');
    await officer.getByRole('button', { name: 'เสนอผู้บริหาร' }).click();
    await expect
      .poll(() => officer.locator('.form-message.ok').textContent())
      .toBe('เสนอผู้บริหารแล้ว ส่งถึงผู้บริหาร 1 ท่านแล้ว');
    const caseUrl = new URL(officer.url()).pathname;

    const boss = await openAs(arunee, caseUrl);
    await expect.poll(() => boss.locator('h1').textContent()).toBe(`เรื่อง ${code}`);
    expect(await boss.locator('.timeline').textContent()).toContain('ขอให้ผู้บริหารอนุมัติงบกลางเช่ารถกระเช้า');
    // An executive of a grievance has one form: the instruction.
    expect(await boss.locator('form.action-form').count()).toBe(1);
    await boss.locator('textarea[name="instruct"]').fill('อนุมัติ ให้ดำเนินการภายในสามวัน');
    await boss.getByRole('button', { name: 'บันทึกข้อสั่งการ' }).click();
    await expect
      .poll(() => boss.locator('.form-message.ok').textContent())
      .toBe('บันทึกข้อสั่งการแล้ว แจ้งข้อสั่งการถึงผู้รับผิดชอบแล้ว');
    expect(await textsTo(ORG, thana)).toContain('อนุมัติ ให้ดำเนินการภายในสามวัน');

    await boss.getByRole('link', { name: 'รายงาน' }).click();
    await expect.poll(() => boss.locator('h1').textContent()).toBe('รายงานสรุปเรื่องร้องเรียน');
    const figures = await boss.locator('.report-figures').textContent();
    expect(figures).toMatch(/รับใหม่: ร้องทุกข์ทั่วไป\s*[1-9]/);
    await boss.getByRole('link', { name: 'ปีงบประมาณนี้' }).click();
    await expect.poll(() => boss.url()).toContain('period=fiscal_year');
    await expect
      .poll(() => boss.locator('p.muted:not(.staff-who)').first().textContent())
      .toContain('ปีงบประมาณนี้');
  });
});
