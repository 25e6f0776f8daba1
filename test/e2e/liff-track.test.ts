import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatThaiDay } from '../../lib/thai-date';
import { fileComplaint, mintIdToken, newUserId, phonePages, workerUrl } from './support/stack';

const ORG = 'mueang-chan';
const openAs = phonePages(ORG);

/** An anonymous tip filed through the form API: its code and PIN. */
async function anonymousTip(userId: string): Promise<{ code: string; pin: string }> {
  const response = await fetch(`${workerUrl}/api/orgs/${ORG}/complaints`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await mintIdToken(ORG, userId)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      submissionKey: randomBytes(12).toString('hex'),
      consent: true,
      track: 'corruption',
      categoryCode: 'bribery',
      description: 'เจ้าหน้าที่เรียกเงินใต้โต๊ะเพื่ออนุมัติใบอนุญาตก่อสร้าง',
      identity: { mode: 'anonymous' },
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { code: string; pin: string };
}

/** Every request URL the page made, to prove the PIN never went into one. */
function urlsOf(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

describe('the LIFF tracker in headless Chromium', () => {
  it('lists one’s own cases and opens one with its timeline and deadlines', async () => {
    const userId = newUserId();
    const code = await fileComplaint(ORG, userId, {
      track: 'grievance',
      categoryCode: 'lighting',
      description: 'ไฟถนนหน้าโรงเรียนดับสามต้น กลางคืนมืดมาก',
      identity: { mode: 'identified' },
    });
    const anonymous = await anonymousTip(userId);
    const page = await openAs(userId, `/o/${ORG}/track`);
    await expect.poll(() => page.locator('.tracked').count()).toBe(1);
    const list = (await page.locator('.tracked-list').textContent()) ?? '';
    expect(list).toContain(code);
    expect(list).toContain('ไฟฟ้าส่องสว่าง');
    expect(list).not.toContain(anonymous.code);

    await page.getByRole('link', { name: code }).click();
    await expect.poll(() => page.locator('.tracked-case h1').textContent()).toBe(code);
    const detail = (await page.locator('.tracked-case').textContent()) ?? '';
    expect(detail).toContain('ได้รับเรื่องแล้ว รอเจ้าหน้าที่ตอบรับ');
    expect(detail).toContain('ได้รับเรื่องของท่านแล้ว');
    expect(detail).toContain(formatThaiDay(Date.now()));
    expect(detail).toMatch(/ตอบรับเรื่องภายใน \d+ \S+ 25\d\d: ยังอยู่ในกำหนด/);
    expect(page.url()).toBe(`${workerUrl}/o/${ORG}/track/${code}`);
  });

  it('opens an anonymous case by code and PIN; a wrong PIN says only "not found"', async () => {
    const tip = await anonymousTip(newUserId());
    const page = await openAs(newUserId(), `/o/${ORG}/track?code=${tip.code}`);
    const urls = urlsOf(page);
    await expect.poll(() => page.locator('#track-code').inputValue()).toBe(tip.code);
    expect(await page.locator('.tracked').count()).toBe(0);

    await page.locator('#track-pin').fill(tip.pin === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'เปิดดูเรื่อง' }).click();
    await expect.poll(() => page.locator('.pin-form .error').textContent()).toContain('ไม่พบเรื่อง');

    await page.locator('#track-pin').fill(tip.pin);
    await page.getByRole('button', { name: 'เปิดดูเรื่อง' }).click();
    await expect.poll(() => page.locator('.tracked-case h1').textContent()).toBe(tip.code);
    expect(await page.locator('.tracked-case').textContent()).toContain('สินบน');
    expect(urls.some((u) => u.includes(tip.pin))).toBe(false);
    expect(page.url()).not.toContain(tip.pin);
  });
});
