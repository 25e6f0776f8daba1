import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoStaff } from '../../dev/line-platform/demo-people';
import { mintIdToken, newUserId, phonePages, workerUrl } from './support/stack';

// Lampang, so that re-routing street lights here changes nothing the other staff e2e test (Trang) sees.
const ORG = 'lampang';
const somying = demoStaff[0]!.userId; // admin in every demo organisation

const mint = (userId: string) => mintIdToken(ORG, userId);

async function api<T>(userId: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${workerUrl}/api/orgs/${ORG}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${await mint(userId)}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as T;
  expect(response.ok, JSON.stringify(json)).toBe(true);
  return json;
}

const openAs = phonePages(ORG);

describe('staff LIFF admin setup in headless Chromium', () => {
  it('the admin creates a unit, re-maps a category to it and moves it up; the next grievance goes there', async () => {
    const page = await openAs(somying, `/o/${ORG}/staff/admin`);
    // The month's LINE messages, read from the (local) platform, beside the notification policy.
    await expect.poll(() => page.locator('.usage').getAttribute('data-usage')).toBe('ok');
    expect(await page.locator('.usage').textContent()).toMatch(/ข้อความ LINE เดือนนี้ใช้ไป [\d,]+ จาก 300 ข้อความ/);
    const units = page.locator('#units');
    await units.locator('input[name="new-unit-name"]').fill('งานไฟฟ้าสาธารณะ');
    await units.getByRole('button', { name: 'เพิ่มหน่วยงาน' }).click();
    await expect
      .poll(() => page.locator('#units .form-message.ok').textContent())
      .toBe('เพิ่มหน่วยงาน "งานไฟฟ้าสาธารณะ" แล้ว');
    expect(await page.locator('#units .setup-list strong').allTextContents()).toContain('งานไฟฟ้าสาธารณะ');

    const lighting = page.locator('#categories-grievance li[data-category="lighting"]');
    await lighting.locator('summary').click();
    await lighting.locator('select[name="category-unit"]').selectOption({ label: 'งานไฟฟ้าสาธารณะ' });
    await lighting.getByRole('button', { name: 'บันทึกหมวด' }).click();
    await expect
      .poll(() => page.locator('#categories-grievance .form-message.ok').textContent())
      .toBe('บันทึกหมวด "ไฟฟ้าส่องสว่าง" แล้ว');
    await expect
      .poll(() =>
        page.locator('#categories-grievance li[data-category="lighting"] .category-unit').textContent(),
      )
      .toBe(' → งานไฟฟ้าสาธารณะ');

    await page.getByRole('button', { name: 'เลื่อนขึ้น ไฟฟ้าส่องสว่าง' }).click();
    await expect
      .poll(() =>
        page.locator('#categories-grievance li[data-category]').first().getAttribute('data-category'),
      )
      .toBe('lighting');

    // What residents are offered changed at once (no cache), and the next grievance is routed there.
    const resident = newUserId();
    const form = await api<{ grievance: { code: string }[] }>(resident, '/complaints/categories');
    expect(form.grievance[0]!.code).toBe('lighting');
    const filed = await api<{ code: string }>(resident, '/complaints', {
      submissionKey: randomBytes(12).toString('hex'),
      consent: true,
      track: 'grievance',
      categoryCode: 'lighting',
      description: 'ไฟถนนหน้าตลาดดับสามต้นติดกัน กลางคืนมืดมาก',
      identity: { mode: 'identified' },
    });
    const cases = await api<{ items: { code: string; unitName: string | null }[] }>(
      somying,
      '/staff/cases?track=grievance',
    );
    expect(cases.items.find((c) => c.code === filed.code)?.unitName).toBe('งานไฟฟ้าสาธารณะ');
  });

  it('the admin adds a day off of the organisation on the page, sees it listed and removes it', async () => {
    const page = await openAs(somying, `/o/${ORG}/staff/admin`);
    const section = page.locator('#days-off');
    await expect.poll(() => section.locator('li').count()).toBeGreaterThan(0);
    // National days are listed but not removable here.
    expect(await section.locator('li', { hasText: 'วันหยุดราชการ' }).first().locator('button').count()).toBe(0);
    // The first weekday from a month ahead that is not already a day off.
    const listed = new Set(
      await section.locator('li').evaluateAll((li) => li.map((l) => l.getAttribute('data-day'))),
    );
    let ms = Date.now() + 30 * 86_400_000;
    const iso = () => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
    while ([0, 6].includes(new Date(`${iso()}T00:00:00Z`).getUTCDay()) || listed.has(iso())) ms += 86_400_000;
    const date = iso();
    await section.locator('input[name="day-off-date"]').fill(date);
    await section.locator('input[name="day-off-name"]').fill('วันงานประจำปีของเทศบาล');
    await section.getByRole('button', { name: 'เพิ่มวันหยุด' }).click();
    await expect
      .poll(() => page.locator('#days-off .form-message.ok').textContent())
      .toBe('เพิ่มวันหยุด "วันงานประจำปีของเทศบาล" แล้ว');
    const item = page.locator(`#days-off li[data-day="${date}"]`);
    expect(await item.textContent()).toContain('วันงานประจำปีของเทศบาล');
    expect(await item.textContent()).toContain(`${Number(date.slice(0, 4)) + 543}`);
    page.once('dialog', (dialog) => void dialog.accept());
    await item.getByRole('button', { name: 'ลบ' }).click();
    await expect
      .poll(() => page.locator('#days-off .form-message.ok').textContent())
      .toBe('ลบวันหยุด "วันงานประจำปีของเทศบาล" แล้ว');
    expect(await page.locator(`#days-off li[data-day="${date}"]`).count()).toBe(0);
  });
});
