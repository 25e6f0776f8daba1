import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACKING_CODE } from '../fixtures/tracking-code';
import { launchBrowser } from './support/browser';
import { chatAsNewResident } from './support/chat-page';
import { fileComplaint, newUserId, platform, workerUrl } from './support/stack';

// The LIFF form's receipt in the chat, on the `npm start` stack: a page opened "inside LINE" from the
// person's chat (the fragment the chat page adds) sends "ขอใบรับเรื่อง <code>" with liff.sendMessages,
// the local platform delivers it as the person's message, and the bot replies with the receipt card.
// Never for an anonymous filing, and not outside LINE.
const ORG = 'trang';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Webhook {
  event: { type: string; source: { userId: string }; message?: { text?: string } };
}
interface Sent {
  via: string;
  message: { type: string; altText?: string };
}
const webhooksFrom = (userId: string) =>
  platform<Webhook[]>(`/_platform/webhooks?channel=${ORG}&chat=${userId}`);
const sentTo = (userId: string) => platform<Sent[]>(`/_platform/messages?channel=${ORG}&chat=${userId}`);

async function openForm(userId: string, track: string, fromChat: boolean): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const chat = fromChat ? '&dev-liff-chat=utou' : '';
  await page.goto(`${workerUrl}/o/${ORG}/complaint?track=${track}#dev-liff-user=${userId}${chat}`);
  await expect.poll(() => page.locator('select[name="categoryCode"]').count()).toBe(1);
  return page;
}

async function fileGrievance(page: Page): Promise<string> {
  await page.locator('select[name="categoryCode"]').selectOption('lighting');
  await page.locator('textarea[name="description"]').fill('ไฟถนนหน้าตลาดดับสามต้น ตอนกลางคืนมืดมาก');
  await page.locator('input[name="consent"]').check();
  await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
  await expect.poll(() => page.getByTestId('receipt-code').textContent()).toMatch(TRACKING_CODE);
  return (await page.getByTestId('receipt-code').textContent())!;
}

describe('the LIFF form’s receipt in the chat', () => {
  it('inside LINE, an identified filing asks in the chat and the bot replies with the receipt card', async () => {
    const userId = newUserId();
    const page = await openForm(userId, 'general', true);
    const code = await fileGrievance(page);
    await expect.poll(() => page.getByTestId('receipt-in-chat').isVisible()).toBe(true);
    expect(await page.getByTestId('receipt-in-chat').textContent()).toBe(
      'ส่งใบรับเรื่องไว้ในแชต LINE ของหน่วยงานแล้ว',
    );
    // The person's own message in their chat, then the bot's free reply with the card.
    await expect
      .poll(async () => (await webhooksFrom(userId)).map((w) => w.event.message?.text))
      .toEqual([`ขอใบรับเรื่อง ${code}`]);
    await expect
      .poll(async () => (await sentTo(userId)).find((m) => m.message.type === 'flex'))
      .toMatchObject({ via: 'reply', message: { altText: `รับเรื่องแล้ว เลขรับเรื่อง ${code}` } });
  });

  it('inside LINE, an anonymous filing sends nothing: its code and PIN stay on the page', async () => {
    const userId = newUserId();
    const page = await openForm(userId, 'corruption', true);
    await page.locator('select[name="categoryCode"]').selectOption('procurement');
    await page.locator('textarea[name="description"]').fill('มีการเรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง');
    await page.locator('input[name="consent"]').check();
    await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
    await expect.poll(() => page.getByTestId('receipt-pin').textContent()).toMatch(/^\d{6}$/);
    // Time for a message that must not come (the identified case above arrives well within this).
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('receipt-in-chat').isVisible()).toBe(false);
    expect(await webhooksFrom(userId)).toEqual([]);
    expect(await sentTo(userId)).toEqual([]);
  });

  it('outside LINE (logged in through the login page) nothing is sent', async () => {
    const userId = newUserId();
    const page = await openForm(userId, 'general', false);
    await fileGrievance(page);
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('receipt-in-chat').isVisible()).toBe(false);
    expect(await webhooksFrom(userId)).toEqual([]);
  });

  it('through the chat page: a link it opens runs inside LINE, and the receipt lands in that chat', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const chat = await context.newPage();
    const userId = await chatAsNewResident(chat, ORG, 'ทดสอบ ใบรับเรื่อง');
    const earlier = await fileComplaint(ORG, userId, {
      track: 'grievance',
      categoryCode: 'lighting',
      description: 'ไฟถนนหน้าโรงเรียนดับมาหลายวันแล้ว',
      identity: { mode: 'identified' },
    });
    await chat.locator('#text').fill('ติดตามเรื่อง');
    await chat.locator('#composer button[type=submit]').click();
    const details = chat.locator('.row.bot button', { hasText: 'ดูรายละเอียด' });
    await expect.poll(() => chat.locator('#timeline').textContent()).toContain(earlier);
    expect(await details.count()).toBe(1);
    // The tracker opens in a new tab, logged in as this person, from this one-to-one chat.
    const [liff] = await Promise.all([context.waitForEvent('page'), details.click()]);
    await expect.poll(() => liff.locator('body').textContent()).toContain(earlier);
    expect(JSON.parse((await liff.evaluate(() => sessionStorage.getItem('dev-liff')))!)).toEqual({
      userId,
      chat: 'utou',
    });
    // The same LIFF window goes on to the form; the receipt arrives in the chat page's conversation.
    await liff.goto(`${workerUrl}/o/${ORG}/complaint?track=general`);
    await expect.poll(() => liff.locator('select[name="categoryCode"]').count()).toBe(1);
    const code = await fileGrievance(liff);
    await expect.poll(() => chat.locator('.row.right').last().textContent()).toContain(`ขอใบรับเรื่อง ${code}`);
    await expect
      .poll(() => chat.locator('.row.bot').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining(code)]));
    expect(await chat.locator('#error').isHidden()).toBe(true);
    await context.close();
  });
});
