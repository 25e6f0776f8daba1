import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { chatAsNewResident } from './support/chat-page';

const platformUrl = inject('platformUrl');

interface RecordedRequest {
  kind: string;
  status: number;
  chatIds: string[];
  billable: number;
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('chat page of npm start', () => {
  it('"สวัสดี" shows the Thai welcome with four quick replies, recorded as a schema-valid free reply', async () => {
    await chatAsNewResident(page, 'chanthaburi', 'ทดสอบ ต้อนรับ');
    await page.locator('#text').fill('สวัสดี');
    await page.locator('#composer button[type=submit]').click();

    const bot = page.locator('.row.bot').last();
    await expect.poll(() => bot.textContent(), { timeout: 15_000 }).toContain('ยินดีต้อนรับ');
    await expect
      .poll(() => page.locator('#quick-replies .chip').allTextContents())
      .toEqual(['ร้องเรียนการทุจริต', 'ร้องทุกข์ทั่วไป', 'ติดตามเรื่อง', 'แผนป้องกันการทุจริต']);
    expect(await page.locator('#error').isHidden()).toBe(true);

    const requests = (await (
      await fetch(`${platformUrl}/_platform/requests?channel=chanthaburi&kind=reply`)
    ).json()) as RecordedRequest[];
    const last = requests.at(-1)!;
    expect(last).toMatchObject({ kind: 'reply', status: 200, billable: 0 });
  });

  it('a quick reply chip sends its text like the LINE app', async () => {
    await page.locator('#quick-replies .chip', { hasText: 'แผนป้องกันการทุจริต' }).click();
    await expect
      .poll(() => page.locator('.row.bot').last().textContent(), { timeout: 15_000 })
      .toContain('มิติ');
  });
});
