import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatThaiDay } from '../../lib/thai-date';
import { demoStaff } from '../../dev/line-platform/demo-people';
import { jpegWithMetadata } from '../workers/support/images';
import { fileComplaint, mintIdToken, newUserId, phonePages, textsTo, workerUrl } from './support/stack';

const ORG = 'mueang-chan';
const openAs = phonePages(ORG);
const openInTrang = phonePages('trang');
const somying = demoStaff[0]!.userId; // the demo admin of trang

/** The demo admin accepts a trang case through the staff API and, if given, asks its complainant a question. */
async function askComplainant(code: string, question?: string): Promise<void> {
  const auth = { authorization: `Bearer ${await mintIdToken('trang', somying)}` };
  const base = `${workerUrl}/api/orgs/trang/staff/cases`;
  const list = (await (await fetch(`${base}?limit=50`, { headers: auth })).json()) as {
    items: { id: number; code: string; version: number }[];
  };
  const item = list.items.find((c) => c.code === code)!;
  const actions = [{ action: 'accept' }, ...(question ? [{ action: 'ask_info', message: question }] : [])];
  for (const [i, body] of actions.entries()) {
    const response = await fetch(`${base}/${item.id}/actions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, version: item.version + i }),
    });
    expect(response.status, await response.text()).toBe(200);
  }
}

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

  it('downloads "ข้อมูลของฉัน" as a file from the page the chat links to; no anonymous case in it', async () => {
    const userId = newUserId();
    const code = await fileComplaint(ORG, userId, {
      track: 'grievance',
      categoryCode: 'lighting',
      description: 'ไฟกิ่งหน้าศาลาประชาคมดับ ชาวบ้านเดินลำบาก',
      identity: { mode: 'identified' },
    });
    const anonymous = await anonymousTip(userId);
    // The chat's button opens the tracker with the section open (worker/bot/commands/my-data.ts).
    const page = await openAs(userId, `/o/${ORG}/track?show=my-data`);
    const button = page.getByRole('button', { name: 'ดาวน์โหลดข้อมูลของฉัน' });
    await expect.poll(() => button.count()).toBe(1);
    expect(await page.locator('details#my-data').getAttribute('open')).toBe('');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^my-data-mueang-chan-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(file).cases.map((c: { code: string }) => c.code)).toEqual([code]);
    expect(file).toContain('ไฟกิ่งหน้าศาลาประชาคมดับ');
    expect(file).not.toContain(anonymous.code);
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

  it('answers the organisation’s question from the case page; the admin receives it', async () => {
    const userId = newUserId();
    const code = await fileComplaint('trang', userId, {
      track: 'grievance',
      categoryCode: 'lighting',
      description: 'ไฟถนนซอยวัดใหม่ดับสองต้น กลางคืนมืดมาก',
      identity: { mode: 'identified' },
    });
    await askComplainant(code, 'ไฟดับตั้งแต่วันไหน');
    const page = await openInTrang(userId, `/o/trang/track/${code}`);
    await expect.poll(() => page.locator('.answer .question').textContent()).toBe('ไฟดับตั้งแต่วันไหน');
    expect(await page.locator('.tracked-case').textContent()).toContain('รอข้อมูลเพิ่มเติมจากท่าน');
    await page.locator('#track-answer').fill('ดับตั้งแต่คืนวันศุกร์');
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await expect.poll(() => page.locator('.answer').textContent()).toContain('ส่งคำตอบถึงเจ้าหน้าที่');
    await expect.poll(() => textsTo('trang', somying)).toContain('ดับตั้งแต่คืนวันศุกร์');
  });

  it('adds information with a photo from the case page; the handler receives it without the sender', async () => {
    const userId = newUserId();
    const code = await fileComplaint('trang', userId, {
      track: 'grievance',
      categoryCode: 'lighting',
      description: 'ไฟถนนหน้าตลาดดับทั้งแถว',
      identity: { mode: 'identified' },
    });
    await askComplainant(code);
    const page = await openInTrang(userId, `/o/trang/track/${code}`);
    await expect.poll(() => page.locator('.add-info h2').textContent()).toBe('ส่งข้อมูลเพิ่มเติม');
    await page.locator('#track-info').fill('ดับตั้งแต่เสาต้นที่สามถึงต้นที่เจ็ด');
    await page
      .locator('#track-info-photos')
      .setInputFiles([{ name: 'pole.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegWithMetadata()) }]);
    await page.getByRole('button', { name: 'ส่งข้อมูลเพิ่มเติม' }).click();
    await expect
      .poll(() => page.locator('.add-info .status').textContent())
      .toBe(`ได้รับข้อมูลเพิ่มเติมสำหรับเรื่อง ${code} แล้ว เจ้าหน้าที่จะได้รับแจ้ง`);
    expect(await page.locator('#track-info').inputValue()).toBe('');
    await expect.poll(() => textsTo('trang', somying)).toContain('ดับตั้งแต่เสาต้นที่สามถึงต้นที่เจ็ด');
    const told = await textsTo('trang', somying);
    expect(told).toContain(`ผู้ร้องเรียนส่งข้อมูลเพิ่มเติมในเรื่อง ${code} พร้อมรูป 1 รูป`);
    expect(told).not.toContain(userId);
  });

  it('adds information to an anonymous case opened with code and PIN; the PIN stays out of every URL', async () => {
    const tip = await anonymousTip(newUserId());
    const page = await openAs(newUserId(), `/o/${ORG}/track?code=${tip.code}`);
    const urls = urlsOf(page);
    await expect.poll(() => page.locator('#track-code').inputValue()).toBe(tip.code);
    await page.locator('#track-pin').fill(tip.pin);
    await page.getByRole('button', { name: 'เปิดดูเรื่อง' }).click();
    await expect.poll(() => page.locator('.tracked-case h1').textContent()).toBe(tip.code);
    await page.locator('#track-info').fill('ผู้รับเงินคือเจ้าหน้าที่ฝ่ายโยธา');
    await page.getByRole('button', { name: 'ส่งข้อมูลเพิ่มเติม' }).click();
    await expect.poll(() => page.locator('.add-info .status').textContent()).toContain('ได้รับข้อมูลเพิ่มเติม');
    expect(urls.some((u) => u.includes(tip.pin))).toBe(false);
    expect(page.url()).not.toContain(tip.pin);
  });
});
