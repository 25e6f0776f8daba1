import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoResidents, demoStaff } from '../../dev/line-platform/demo-people';
import { launchBrowser } from './support/browser';
import { fileComplaint, workerUrl } from './support/stack';

// On `npm start` a LIFF page opened in a browser logs in through the local LINE platform (no injected
// token here): the platform's SDK sends the person to its login page, they pick who they are, and the
// page comes back logged in with an ID token the Worker verifies like LINE's.
const ORG = 'mueang-chan';
const [manee] = demoResidents;
const [, thana] = demoStaff;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('LIFF pages on npm start, through the local LINE Login', () => {
  it('a resident picks themself on the login page and sees their case in the tracker', async () => {
    const code = await fileComplaint(ORG, manee!.userId, {
      track: 'grievance',
      categoryCode: 'lighting',
      description: 'ไฟถนนหน้าตลาดดับสามต้น ตอนกลางคืนมืดมาก',
      identity: { mode: 'identified' },
    });
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(`${workerUrl}/o/${ORG}/track`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('เข้าสู่ระบบด้วย LINE (จำลอง)');
    await page.getByRole('link', { name: manee!.displayName }).click();
    await expect.poll(() => page.locator('body').textContent()).toContain(code);
    // Back on the Worker's page, without the hand-over in the URL.
    expect(page.url()).toBe(`${workerUrl}/o/${ORG}/track`);
  });

  it('a link tapped on the chat page opens logged in as the person chatting; a staff member sees the staff list', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    // What the chat page's link handler opens (dev/line-platform/chat/actions.js).
    await page.goto(`${workerUrl}/o/${ORG}/staff#dev-liff-user=${thana!.userId}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('เรื่องร้องเรียน');
    expect(await page.locator('body').textContent()).toContain(thana!.displayName.split(' ')[0]);
  });

  it('a resident logs in on the login page and files a grievance from the LIFF form; an admin logs in and sees it listed', async () => {
    const [, somchai] = demoResidents;
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(`${workerUrl}/o/${ORG}/complaint?track=grievance`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('เข้าสู่ระบบด้วย LINE (จำลอง)');
    await page.getByRole('link', { name: somchai!.displayName }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('แจ้งเรื่องร้องเรียน');
    await page.locator('select[name="categoryCode"]').selectOption('lighting');
    await page.locator('textarea[name="description"]').fill('ไฟถนนหน้าโรงเรียนดับทั้งแถว กลางคืนมืดมาก');
    // The privacy notice states the organisation's retention period.
    expect(await page.getByTestId('privacy-notice').textContent()).toContain('เมื่อเรื่องเสร็จสิ้นครบ 1 ปี');
    await page.locator('input[name="consent"]').check();
    await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
    await expect
      .poll(() => page.getByTestId('receipt-code').textContent(), { timeout: 15_000 })
      .toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const code = (await page.getByTestId('receipt-code').textContent())!;
    // The tracker's "ข้อมูลของฉัน" lists it with what the person wrote.
    await page.goto(`${workerUrl}/o/${ORG}/track`);
    await page.getByText('ข้อมูลของฉันที่หน่วยงานเก็บไว้').click();
    await expect.poll(() => page.locator('.my-data').textContent(), { timeout: 15_000 }).toContain(code);
    expect(await page.locator('.my-data').textContent()).toContain('ไฟถนนหน้าโรงเรียนดับทั้งแถว');

    const staff = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await staff.goto(`${workerUrl}/o/${ORG}/staff`);
    await expect.poll(() => staff.locator('h1').textContent()).toBe('เข้าสู่ระบบด้วย LINE (จำลอง)');
    await staff.getByRole('link', { name: demoStaff[0]!.displayName }).click();
    await expect.poll(() => staff.locator('body').textContent(), { timeout: 15_000 }).toContain(code);
  });
});
