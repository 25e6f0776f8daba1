import { describe, expect, it } from 'vitest';
import { demoStaff } from '../../dev/line-platform/demo-people';
import { fileComplaint, newUserId, phonePages, textsTo } from './support/stack';

const [somying, thana, arunee] = demoStaff.map((s) => s.userId) as [string, string, string];

const file = (userId: string, report: Record<string, unknown>) => fileComplaint('trang', userId, report);

const openAs = phonePages('trang');

describe('staff LIFF in headless Chromium', () => {
  const resident = newUserId();
  let grievance = '';
  let corruption = '';

  it('an officer sees their unit’s grievance (not the corruption report), accepts it and updates the complainant', async () => {
    grievance = await file(resident, {
      track: 'grievance',
      categoryCode: 'lighting',
      description: 'ไฟถนนหน้าโรงเรียนดับทั้งแนว เด็กเดินกลับบ้านมืดมาก',
      identity: { mode: 'identified', phone: '0899999999' },
    });
    corruption = await file(newUserId(), {
      track: 'corruption',
      categoryCode: 'bribery',
      description: 'มีการเรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง',
      identity: { mode: 'anonymous' },
    });
    const page = await openAs(thana, '/o/trang/staff');
    await expect.poll(() => page.locator('.case-card').count()).toBeGreaterThan(0);
    const codes = await page.locator('.case-code').allTextContents();
    expect(codes).toContain(grievance);
    expect(codes).not.toContain(corruption);
    await page.locator('select[name="track"]').selectOption('corruption');
    await expect.poll(() => page.locator('.result-count').textContent()).toBe('ไม่พบเรื่องตามเงื่อนไขนี้');
    expect(page.url()).toContain('track=corruption');
    await page.locator('select[name="track"]').selectOption('');

    // A second tab keeps the old version of the case.
    const old = await openAs(thana, '/o/trang/staff');
    await old.locator('.case-card', { hasText: grievance }).click();
    await page.locator('.case-card', { hasText: grievance }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`เรื่อง ${grievance}`);
    await page.getByRole('button', { name: 'รับเรื่องนี้' }).click();
    await expect.poll(() => page.locator('.form-message.ok').textContent()).toBe('รับเรื่องแล้ว');
    expect(await page.locator('.facts').textContent()).toContain('รับเรื่องแล้ว');
    // The complainant asked to be called back: the number shows only when asked for (recorded).
    expect(await page.locator('.facts').textContent()).not.toContain('0899999999');
    await page.getByRole('button', { name: 'ดูเบอร์โทรกลับ' }).click();
    await expect.poll(() => page.locator('.callback-phone a').getAttribute('href')).toBe('tel:0899999999');

    await old.getByRole('button', { name: 'รับเรื่องนี้' }).click();
    await expect.poll(() => old.locator('.actions .form-message').textContent()).toContain('ไม่เป็นปัจจุบัน');

    await page.locator('textarea[name="update"]').fill('ช่างไฟฟ้าจะเข้าซ่อมภายในวันพรุ่งนี้');
    await page.getByRole('button', { name: 'ส่งความคืบหน้า' }).click();
    // The acceptance was pushed a moment ago: the update waits for the merge window (lib/notice-merge.ts).
    await expect
      .poll(() => page.locator('.form-message.ok').textContent())
      .toMatch(/^บันทึกแล้ว ผู้ร้องเรียนเพิ่งได้รับข้อความเรื่องนี้.* แล้วส่งถึงผู้ร้องเรียนเวลา \d\d:\d\d น\.$/);
    expect(await page.locator('.timeline').textContent()).toContain('ช่างไฟฟ้าจะเข้าซ่อมภายในวันพรุ่งนี้');
    expect(await textsTo('trang', resident)).not.toContain('ช่างไฟฟ้าจะเข้าซ่อมภายในวันพรุ่งนี้');
  });

  it('the integrity officer opens the corruption report, and the admin reads that in the audit log', async () => {
    const page = await openAs(arunee, '/o/trang/staff?track=corruption');
    await page.locator('.case-card', { hasText: corruption }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`เรื่อง ${corruption}`);
    expect(await page.locator('.facts').textContent()).toContain('ไม่เปิดเผยตัวตน');

    const admin = await openAs(somying, '/o/trang/staff/admin');
    await expect
      .poll(() => admin.locator('.audit').textContent())
      .toContain(`อรุณี เปิดเรื่อง ${corruption} (หน้าเว็บ)`);
    await admin.locator('select[name="role"]').selectOption('executive');
    await admin.getByRole('button', { name: 'สร้างรหัสเชิญ' }).click();
    await expect
      .poll(() => admin.locator('.invite-command').textContent())
      .toMatch(/^ลงทะเบียนเจ้าหน้าที่ [2-9A-Z]{4}-[2-9A-Z]{4}$/);
    // The corruption report is not the admin's to open.
    const list = await openAs(somying, '/o/trang/staff');
    await expect.poll(() => list.locator('.case-card').count()).toBeGreaterThan(0);
    expect(await list.locator('.case-code').allTextContents()).not.toContain(corruption);
    // Its page, opened by the admin, says so (never "check your internet connection").
    const caseUrl = new URL(page.url()).pathname;
    const refused = await openAs(somying, caseUrl);
    await expect.poll(() => refused.locator('h1').textContent()).toBe('ไม่พบข้อมูลที่ต้องการ');
    expect(await refused.locator('[role="alert"] p').textContent()).toBe('ไม่พบเรื่องนี้ หรือท่านไม่มีสิทธิ์เข้าถึงเรื่องนี้');
  });

  it('a resident is told the pages are for staff', async () => {
    const page = await openAs(newUserId(), '/o/trang/staff');
    await expect.poll(() => page.locator('h1').textContent()).toBe('สำหรับเจ้าหน้าที่เท่านั้น');
  });
});
