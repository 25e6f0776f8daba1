import { generateKeyPairSync, sign } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatThaiDay } from '../../lib/thai-date';
import { jpegWithMetadata, pngWithMetadata } from '../workers/support/images';
import { fakeLiffLogin, launchBrowser } from './support/browser';
import { newUserId, platform, workerUrl } from './support/stack';
import { TRACKING_CODE } from '../fixtures/tracking-code';

const REFUSED = 'ยืนยันตัวตนผ่าน LINE ไม่สำเร็จ';

/** What `liff.getIDToken()` returns inside LINE, minted by the local platform's LINE Login. */
const mint = async (userId: string, channel = 'trang') =>
  (await platform<{ idToken: string }>('/_platform/id-token', { channel, userId, displayName: 'ทดสอบ' }))
    .idToken;

/** A token signed with our own key under LINE's kid: what a forger can make. */
async function forge(userId: string): Promise<string> {
  const { kids } = await platform<{ kids: string[] }>('/_platform/login-keys');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: 'https://access.line.me', sub: userId, aud: '2000000002', iat: now, exp: now + 600 };
  const input = `${part({ alg: 'ES256', typ: 'JWT', kid: kids[0] })}.${part(claims)}`;
  const sig = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${sig.toString('base64url')}`;
}

interface Exchange {
  method: string;
  path: string;
  status: number;
  body?: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A phone-sized page logged in with `token` through the LIFF's dev login (LINE's @line/liff-mock with
 * the token set before the app starts, as inside LINE after login), so nothing calls LINE. Records the
 * form API's requests and answers.
 */
async function openForm(token: string | null, path: string) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    geolocation: { latitude: 7.556312, longitude: 99.611402, accuracy: 12 },
    permissions: ['geolocation'],
  });
  await fakeLiffLogin(context, token);
  const page: Page = await context.newPage();
  const exchanges: Exchange[] = [];
  const sdkRequests: string[] = [];
  page.on('request', (request) => {
    if (/line-scdn\.net|\.line\.me\//.test(request.url())) sdkRequests.push(request.url());
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.includes('/complaints')) return;
    const request = response.request();
    exchanges.push({
      method: request.method(),
      path: url.pathname,
      status: response.status(),
      body:
        request.method() === 'POST' && !url.pathname.endsWith('/evidence')
          ? (request.postData() ?? '')
          : undefined,
    });
  });
  await page.goto(workerUrl + path);
  return { page, context, exchanges, sdkRequests };
}

const submits = (exchanges: Exchange[]) =>
  exchanges.filter((e) => e.method === 'POST' && e.path === '/api/orgs/trang/complaints');

/** Files the captured submission again through the API: the same complaint answers, nothing new. */
async function refile(token: string, body: string) {
  const response = await fetch(`${workerUrl}/api/orgs/trang/complaints`, {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('LIFF complaint form in headless Chromium with a mocked LIFF login', () => {
  it('files an anonymous corruption report with two photos and a position, once despite a double click', async () => {
    const token = await mint(newUserId());
    const { page, context, exchanges, sdkRequests } = await openForm(
      token,
      '/o/trang/complaint?track=corruption',
    );
    await page.locator('select[name="categoryCode"]').selectOption('procurement');
    expect(await page.locator('input[name="track"][value="corruption"]').isChecked()).toBe(true);

    // Server-side validation, shown under each field in Thai.
    await page.locator('textarea[name="description"]').fill('สั้น');
    await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
    const error = (field: string) => page.locator(`[data-error-for="${field}"]`);
    await expect.poll(() => error('description').textContent()).toBe('กรุณาเล่าเหตุการณ์อย่างน้อย 10 ตัวอักษร');
    expect(await error('consent').textContent()).toBe('ต้องยินยอมตามประกาศความเป็นส่วนตัวก่อนส่งเรื่อง');
    expect(submits(exchanges).map((e) => e.status)).toEqual([422]);

    await page.locator('textarea[name="description"]').fill('มีการล็อกสเปกโครงการก่อสร้างถนนให้ผู้รับเหมารายเดียว');
    expect(await page.locator('.counter').first().textContent()).toBe('52 / 2,000');
    await page.getByRole('button', { name: 'ใช้ตำแหน่งปัจจุบัน' }).click();
    await expect.poll(() => page.getByTestId('position').textContent()).toContain('ละติจูด 7.55631');
    await page.locator('input[name="occurredDate"]').fill('2026-10-01');
    expect(await page.getByTestId('occurred-be').textContent()).toBe('วันที่ 1 ต.ค. 2569');
    await page.locator('input[type="file"]').setInputFiles([
      { name: 'front.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegWithMetadata()) },
      { name: 'sign.png', mimeType: 'image/png', buffer: Buffer.from(pngWithMetadata()) },
    ]);
    await expect.poll(() => page.locator('.photo.stored').count()).toBe(2);
    expect(await page.getByTestId('photo-count').textContent()).toBe('แนบแล้ว 2 จาก 5 ไฟล์');
    // Who is involved: a role, and for staff of a unit the unit (its select shows only then).
    expect(await page.locator('select[name="involvedUnitId"]').isVisible()).toBe(false);
    await page.locator('select[name="involvedRole"]').selectOption('unit_staff');
    await page.locator('select[name="involvedUnitId"]').selectOption({ label: 'กองช่าง' });
    await page.locator('input[name="involved"]').fill('เจ้าหน้าที่พัสดุ');
    expect(await page.getByTestId('privacy-notice').textContent()).toContain('ท่านเลือกไม่เปิดเผยตัวตน');
    await page.locator('input[name="consent"]').check();
    await page.getByRole('button', { name: 'ส่งเรื่อง' }).dblclick();

    await expect.poll(() => page.getByTestId('receipt-code').textContent()).toMatch(TRACKING_CODE);
    const code = await page.getByTestId('receipt-code').textContent();
    const pin = await page.getByTestId('receipt-pin').textContent();
    expect(pin).toMatch(/^\d{6}$/);
    const receipt = (await page.locator('.receipt').textContent()) ?? '';
    expect(receipt).toContain(formatThaiDay(Date.now()));
    expect(receipt).toContain('หลักฐานที่แนบ2 ไฟล์');
    expect(receipt).toContain('ตอบรับภายใน 2 วันทำการ');

    // One filing: every answer to this form names the same complaint, and filing again adds nothing.
    const filings = submits(exchanges).slice(1);
    expect(filings.filter((e) => e.status === 201)).toHaveLength(1);
    expect(filings.every((e) => e.status === 201 || e.status === 200)).toBe(true);
    const again = await refile(token, filings[0]!.body!);
    expect(again).toMatchObject({ status: 200, json: { duplicate: true, code, pin, evidenceCount: 2 } });
    expect(JSON.parse(filings[0]!.body!).place).toMatchObject({ latitude: 7.556312, longitude: 99.611402 });
    expect(JSON.parse(filings[0]!.body!)).toMatchObject({
      involvedRole: 'unit_staff',
      involved: 'เจ้าหน้าที่พัสดุ',
    });
    expect(JSON.parse(filings[0]!.body!).involvedUnitId).toBeGreaterThan(0);
    expect(sdkRequests).toEqual([]);
    await context.close();
  });

  it('lets an anonymous reporter choose not to be reached in LINE, and the receipt says so', async () => {
    const { page, context, exchanges } = await openForm(
      await mint(newUserId()),
      '/o/trang/complaint?track=corruption',
    );
    await page.locator('select[name="categoryCode"]').selectOption('procurement');
    await page.locator('textarea[name="description"]').fill('มีการเรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง');
    const silent = page.locator('input[name="silent"]');
    expect(await silent.isVisible()).toBe(true);
    expect(await silent.isChecked()).toBe(false);
    await page.locator('input[name="identityMode"][value="confidential"]').check();
    expect(await silent.isVisible()).toBe(false);
    await page.locator('input[name="identityMode"][value="anonymous"]').check();
    await silent.check();
    await page.locator('input[name="consent"]').check();
    await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
    await expect.poll(() => page.getByTestId('receipt-pin').textContent()).toMatch(/^\d{6}$/);
    expect(await page.locator('.receipt').textContent()).toContain('ท่านเลือกไม่รับข้อความทาง LINE');
    const filed = submits(exchanges).find((e) => e.status === 201)!;
    expect(JSON.parse(filed.body!).identity).toEqual({ mode: 'anonymous', reachInLine: false });
    await context.close();
  });

  it('files a general grievance with a typed place after switching tracks', async () => {
    const token = await mint(newUserId());
    const { page, context, exchanges } = await openForm(token, '/o/trang/complaint');
    await page.locator('label.segment', { hasText: 'ร้องทุกข์ทั่วไป' }).click();
    await page.waitForURL(/track=general$/);
    expect(await page.locator('fieldset', { hasText: 'การเปิดเผยตัวตน' }).isHidden()).toBe(true);
    await page.locator('select[name="categoryCode"]').selectOption('lighting');
    await page.locator('textarea[name="description"]').fill('ไฟถนนหน้าวัดดับทั้งซอย กลางคืนมืดมาก อันตราย');
    await page.locator('input[name="placeText"]').fill('ซอยวัดกะพังสุรินทร์');
    await page.locator('input[name="phone"]').fill('081-234-5678');
    expect(await page.getByTestId('privacy-notice').textContent()).toContain('เบอร์โทร หากให้ไว้');
    await page.locator('input[name="consent"]').check();
    await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();

    await expect.poll(() => page.getByTestId('receipt-code').textContent()).toMatch(/^[2-9A-Z]{4}-/);
    expect(await page.getByTestId('receipt-pin').count()).toBe(0);
    expect(await page.locator('.receipt').textContent()).toContain('ร้องทุกข์ทั่วไป');
    const [filing] = submits(exchanges);
    expect(filing?.status).toBe(201);
    const body = JSON.parse(filing!.body!);
    expect(body).toMatchObject({
      track: 'grievance',
      place: { text: 'ซอยวัดกะพังสุรินทร์' },
      identity: { mode: 'identified', phone: '081-234-5678' },
    });
    expect(body).not.toHaveProperty('userId');
    const again = await refile(token, filing!.body!);
    expect(again).toMatchObject({ status: 200, json: { duplicate: true, track: 'grievance' } });
    expect(again.json.code).toBe(await page.getByTestId('receipt-code').textContent());
    await context.close();
  });

  it.each([
    ['a forged token', () => forge(newUserId())],
    ['a missing token', async () => null],
  ])('refuses %s with a Thai message on the page and 401 from the API', async (_name, token) => {
    const { page, context, exchanges } = await openForm(await token(), '/o/trang/complaint');
    await expect.poll(() => page.locator('[role="alert"] h1').textContent()).toBe(REFUSED);
    expect(await page.locator('[role="alert"]').textContent()).toContain('กรุณาปิดหน้านี้แล้วเปิดจาก LINE อีกครั้ง');
    expect(exchanges).toEqual([
      { method: 'GET', path: '/api/orgs/trang/complaints/categories', status: 401 },
    ]);
    expect(await page.locator('form').count()).toBe(0);
    await context.close();
  });
});
