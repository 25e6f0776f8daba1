import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { chatAsNewResident } from './support/chat-page';

// The chat page of npm start shows the organisation's rich menu (made by the cron through the local
// LINE platform) under a 1:1 chat, and tapping an area acts like the LINE app.

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('rich menu on the chat page', () => {
  it('shows the residents’ menu; tapping "ร้องทุกข์ทั่วไป" starts a grievance', async () => {
    await chatAsNewResident(page, 'trang', 'ทดสอบ เมนู');
    const area = page.getByRole('button', { name: 'ร้องทุกข์ทั่วไป', exact: true });
    await expect.poll(() => area.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('.rich-menu-bar').textContent()).toContain('เมนู');
    await area.click();
    await expect
      .poll(() => page.locator('.row.bot').last().textContent(), { timeout: 15_000 })
      .toContain('เรื่องร้องทุกข์ถึงเทศบาลนครตรัง');
  });
});
