import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoStaff } from '../../dev/line-platform/demo-people';
import { fakeLiffLogin, launchBrowser } from './support/browser';

const workerUrl = inject('workerUrl');
const platformUrl = inject('platformUrl');
const [, thana, arunee] = demoStaff.map((s) => s.userId) as [string, string, string];
const ORG = 'lampang';

async function platform<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(platformUrl + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}
const mint = async (userId: string) =>
  (await platform<{ idToken: string }>('/_platform/id-token', { channel: ORG, userId })).idToken;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openAs(userId: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await fakeLiffLogin(context, await mint(userId));
  const page = await context.newPage();
  await page.goto(workerUrl + path);
  return page;
}

describe('executives in the staff LIFF', () => {
  it('an officer escalates, the executive instructs back, then reads the report', async () => {
    const response = await fetch(`${workerUrl}/api/orgs/${ORG}/complaints`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await mint(`U${randomBytes(16).toString('hex')}`)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        submissionKey: randomBytes(12).toString('hex'),
        consent: true,
        track: 'grievance',
        categoryCode: 'lighting',
        description: 'เสาไฟฟ้าเอียงจะล้มทับบ้านเรือน ต้องใช้รถกระเช้าและงบเกินกอง',
        identity: { mode: 'identified' },
      }),
    });
    const { code, id } = (await response.json()) as { code: string; id?: number };
    expect(response.status).toBe(201);

    const officer = await openAs(thana, `/o/${ORG}/staff`);
    await officer.locator('.case-card', { hasText: code }).click();
    await expect.poll(() => officer.locator('h1').textContent()).toBe(`เรื่อง ${code}`);
    await officer.getByRole('button', { name: 'รับเรื่องนี้' }).click();
    await expect.poll(() => officer.locator('.form-message.ok').textContent()).toBe('รับเรื่องแล้ว');
    await officer.locator('textarea[name="escalate"]').fill('ขอให้ผู้บริหารอนุมัติงบกลางเช่ารถกระเช้า');
    await officer.getByRole('button', { name: 'เสนอผู้บริหาร' }).click();
    await expect
      .poll(() => officer.locator('.form-message.ok').textContent())
      .toBe('เสนอผู้บริหารแล้ว ส่งถึงผู้บริหาร 1 ท่านแล้ว');
    const caseUrl = new URL(officer.url()).pathname;
    expect(id === undefined || caseUrl.endsWith(`/${id}`)).toBe(true);

    const boss = await openAs(arunee, caseUrl);
    await expect.poll(() => boss.locator('h1').textContent()).toBe(`เรื่อง ${code}`);
    expect(await boss.locator('.timeline').textContent()).toContain('ขอให้ผู้บริหารอนุมัติงบกลางเช่ารถกระเช้า');
    // An executive of a grievance has one form: the instruction.
    expect(await boss.locator('form.action-form').count()).toBe(1);
    await boss.locator('textarea[name="instruct"]').fill('อนุมัติ ให้ดำเนินการภายในสามวัน');
    await boss.getByRole('button', { name: 'บันทึกข้อสั่งการ' }).click();
    await expect
      .poll(() => boss.locator('.form-message.ok').textContent())
      .toBe('บันทึกข้อสั่งการแล้ว แจ้งข้อสั่งการถึงผู้รับผิดชอบแล้ว');
    const toOfficer = await platform<{ message: { text?: string } }[]>(
      `/_platform/messages?channel=${ORG}&chat=${thana}`,
    );
    expect(toOfficer.map((m) => m.message.text ?? '').join('\n')).toContain('อนุมัติ ให้ดำเนินการภายในสามวัน');

    await boss.getByRole('link', { name: 'รายงาน' }).click();
    await expect.poll(() => boss.locator('h1').textContent()).toBe('รายงานสรุปเรื่องร้องเรียน');
    const figures = await boss.locator('.report-figures').textContent();
    expect(figures).toMatch(/รับใหม่: ร้องทุกข์ทั่วไป\s*[1-9]/);
    await boss.getByRole('link', { name: 'ปีงบประมาณนี้' }).click();
    await expect.poll(() => boss.url()).toContain('period=fiscal_year');
    await expect
      .poll(() => boss.locator('p.muted:not(.staff-who)').first().textContent())
      .toContain('ปีงบประมาณนี้');
  });
});
