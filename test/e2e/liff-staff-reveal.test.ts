import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoStaff } from '../../dev/line-platform/demo-people';
import { fileComplaint, newUserId, phonePages } from './support/stack';

// The integrity officer's reveal of a confidential reporter's contact, in the staff LIFF (setup as in
// liff-staff.test.ts).
const [somying, , arunee] = demoStaff.map((s) => s.userId) as [string, string, string];
const NAME = 'ประภา กล้าพูด';
const PHONE = '0867778888';
const REASON = 'นัดสอบปากคำเพิ่มเติมเรื่องการเรียกรับเงิน';

/** A resident files a corruption report through the LIFF form API; the tracking code. */
const file = (userId: string, identity: Record<string, unknown>) =>
  fileComplaint('trang', userId, {
    track: 'corruption',
    categoryCode: 'bribery',
    description: 'เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาต',
    identity,
  });

const openAs = phonePages('trang');
async function openCase(userId: string, code: string): Promise<Page> {
  const page = await openAs(userId, '/o/trang/staff?track=corruption');
  await page.locator('.case-card', { hasText: code }).click();
  await expect.poll(() => page.locator('h1').textContent()).toBe(`เรื่อง ${code}`);
  return page;
}

describe('staff LIFF: an integrity officer reads a confidential reporter’s contact', () => {
  let confidential = '';

  it('asks for a reason, warns, shows name and a tel: link, and keeps nothing in the browser', async () => {
    confidential = await file(newUserId(), { mode: 'confidential', name: NAME, phone: PHONE });
    const page = await openCase(arunee, confidential);
    expect(await page.content()).not.toContain(PHONE);
    await page.getByRole('button', { name: 'ดูชื่อและเบอร์ติดต่อผู้ร้องเรียน' }).click();
    expect(await page.locator('.reporter-contact').textContent()).toContain('การเปิดดูจะถูกบันทึก');
    await page.locator('textarea[name="reason"]').fill('สั้น');
    await page.getByRole('button', { name: 'บันทึกเหตุผลและดูข้อมูล' }).click();
    await expect.poll(() => page.locator('.reporter-contact').textContent()).toContain('อย่างน้อย 5 ตัวอักษร');

    await page.locator('textarea[name="reason"]').fill(REASON);
    await page.getByRole('button', { name: 'บันทึกเหตุผลและดูข้อมูล' }).click();
    await expect.poll(() => page.locator('.reporter-contact-shown').textContent()).toContain(NAME);
    expect(await page.locator(`.reporter-contact-shown a[href="tel:${PHONE}"]`).textContent()).toBe(PHONE);
    const kept = await page.evaluate(() =>
      JSON.stringify([
        { ...localStorage },
        { ...sessionStorage },
        location.href,
        history.state,
        document.cookie,
      ]),
    );
    expect(kept).not.toContain(PHONE);
    expect(kept).not.toContain(NAME);

    await page.getByRole('button', { name: 'ซ่อนข้อมูล' }).click();
    expect(await page.content()).not.toContain(PHONE);
    expect(await page.locator('textarea[name="reason"]').count()).toBe(0);
  });

  it('offers nothing on an anonymous report', async () => {
    const anonymous = await file(newUserId(), { mode: 'anonymous' });
    const page = await openCase(arunee, anonymous);
    expect(await page.locator('.facts').textContent()).toContain('ไม่เปิดเผยตัวตน');
    expect(await page.getByRole('button', { name: 'ดูชื่อและเบอร์ติดต่อผู้ร้องเรียน' }).count()).toBe(0);
  });

  it('the admin’s audit log shows the reveal apart, with its reason, and no contact', async () => {
    const admin = await openAs(somying, '/o/trang/staff/admin');
    await expect
      .poll(() => admin.locator('.audit .reveal').first().textContent())
      .toContain(`อรุณี ดูชื่อและเบอร์ติดต่อผู้ร้องเรียนเรื่อง ${confidential}`);
    expect(await admin.locator('.audit .reveal').first().textContent()).toContain(`เหตุผล: ${REASON}`);
    expect(await admin.locator('.audit').textContent()).toContain(`อรุณี เปิดเรื่อง ${confidential} (หน้าเว็บ)`);
    expect(await admin.content()).not.toContain(PHONE);
  });
});
