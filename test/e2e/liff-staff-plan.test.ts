import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoStaff } from '../../dev/line-platform/demo-people';
import { seedsDir } from '../../dev/shared-files';
import { buildDocx } from '../node/plan-import/fixtures/build-docx';
import { buildPdf } from '../node/plan-import/fixtures/build-pdf';
import { mintIdToken, newUserId, phonePages, platform, workerUrl } from './support/stack';

// mueang-chan has no plan in the demo data: its admin publishes one here.
const ORG = 'mueang-chan';
const [somying, thana] = demoStaff.map((s) => s.userId) as [string, string]; // admin; officer
const openAs = phonePages(ORG);
const seed = (name: string) => readFileSync(path.join(seedsDir(), name), 'utf8');
const LAMPANG = '004_d79bb15a77856305.txt';
const CHANTHABURI = '000_b2f7f43f58537435.txt';

async function publishAs(channel: string, userId: string) {
  const response = await fetch(`${workerUrl}/api/orgs/${ORG}/staff/plans`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await mintIdToken(channel, userId)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ document: {}, source: 'x.txt' }),
  });
  return response.status;
}

describe('plan upload in the staff LIFF, headless Chromium', () => {
  it('the admin uploads a Word plan, sees the preview and its discrepancies, publishes; the public pages show it', async () => {
    const page = await openAs(somying, `/o/${ORG}/staff/admin/plan`);
    await expect.poll(() => page.locator('.plan-ended h2').textContent()).toBe('ยังไม่มีแผนที่เผยแพร่');
    await page.locator('input[name="plan-file"]').setInputFiles({
      name: 'แผนป้องกันการทุจริต.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(buildDocx(seed(LAMPANG))),
    });
    await expect
      .poll(() => page.locator('.plan-upload .form-message').textContent(), { timeout: 30_000 })
      .toMatch(/^อ่านแผนปีงบประมาณ 2566–2570 จากไฟล์ แผนป้องกันการทุจริต\.docx แล้ว/);
    // Another organisation's document is pointed out; the reconciliation and the findings are in Thai.
    expect(await page.locator('.plan-warnings').textContent()).toContain('ไม่ใช่ "เทศบาลตำบลเมืองจันทร์"');
    expect(await page.locator('.reconciliation tbody tr').count()).toBeGreaterThan(8);
    expect(await page.locator('.reconciliation summary').textContent()).toMatch(
      /^ตารางตรวจยอดทั้งหมด \(\d+ แถว\)$/,
    );
    expect(await page.locator('.notes li').count()).toBeGreaterThan(0);
    expect(await page.locator('.notes').textContent()).toMatch(/[\u0E00-\u0E7F]/);
    expect(await page.locator('.plan-preview .dimension-card').count()).toBe(4);
    const total = await page.locator('.plan-preview .totals .big').textContent();

    await page.getByRole('button', { name: 'เผยแพร่แผนนี้' }).click();
    await expect
      .poll(() => page.locator('.form-message.ok').first().textContent())
      .toBe('เผยแพร่แผนปีงบประมาณ 2566–2570 แล้ว');
    expect(await page.locator('.plan-versions li[data-status="active"]').textContent()).toContain(
      'โดย สมหญิง',
    );
    expect(await page.locator('.plan-ended').count()).toBe(0);

    // A resident (no login) sees the published plan with the same figures.
    const resident = await openAs(newUserId(), `/o/${ORG}/plans/2566-2570`);
    await expect.poll(() => resident.locator('.dimension-card').count()).toBe(4);
    expect(await resident.locator('.totals .big').textContent()).toBe(total);
  });

  it('a PDF is read in the browser too; a document that is not a plan gets the diagnostic', async () => {
    const page = await openAs(somying, `/o/${ORG}/staff/admin/plan`);
    const input = page.locator('input[name="plan-file"]');
    await input.setInputFiles({
      name: 'plan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await buildPdf(seed(CHANTHABURI))),
    });
    await expect
      .poll(() => page.locator('.plan-upload .form-message').textContent(), { timeout: 60_000 })
      .toMatch(/^อ่านแผนปีงบประมาณ 2566–2570 จากไฟล์ plan\.pdf แล้ว/);
    expect(await page.locator('.plan-preview .dimension-card').count()).toBe(4);

    await input.setInputFiles({
      name: 'ita.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('รายงานผลการประเมินคุณธรรมและความโปร่งใส (ITA)\nคะแนนรวม 92.5\n'),
    });
    await expect
      .poll(() => page.locator('.plan-upload .form-message').textContent())
      .toBe('อ่านไฟล์นี้เป็นแผนไม่ได้');
    const problem = await page.locator('.read-problem').textContent();
    expect(problem).toContain('สิ่งที่พบ');
    expect(problem).toContain('ที่ตรงนั้นควรเป็น');
    expect(await page.getByRole('button', { name: 'เผยแพร่แผนนี้' }).count()).toBe(0);
  });

  it('a second upload of the same years replaces the plan after a confirmation, and the admin can go back', async () => {
    const page = await openAs(somying, `/o/${ORG}/staff/admin/plan`);
    const publicBudget = async () => {
      const resident = await openAs(newUserId(), `/o/${ORG}/plans/2566-2570`);
      await expect.poll(() => resident.locator('.dimension-card').count()).toBe(4);
      return resident.locator('.totals strong').nth(1).textContent();
    };
    const lampangBudget = await publicBudget();
    await page.locator('input[name="plan-file"]').setInputFiles({
      name: 'จันทบุรี.docx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(buildDocx(seed(CHANTHABURI))),
    });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await page.getByRole('button', { name: 'เผยแพร่แผนนี้' }).click();
    await expect.poll(() => page.locator('.plan-versions li[data-status="replaced"]').count()).toBe(1);
    expect(dialogs[0]).toContain('แผนนี้จะแทนที่แผนปีงบประมาณ 2566–2570 ที่เผยแพร่อยู่');
    const chanthaburiBudget = await publicBudget();
    expect(chanthaburiBudget).not.toBe(lampangBudget);

    await page.getByRole('button', { name: 'กลับไปใช้ฉบับนี้' }).click();
    await expect
      .poll(() => page.locator('.form-message.ok').first().textContent())
      .toBe('กลับไปใช้แผนฉบับก่อนหน้า ปีงบประมาณ 2566–2570 แล้ว');
    expect(await page.locator('.plan-history').textContent()).toContain('กลับไปใช้แผนปีงบประมาณ 2566–2570');
    expect(await publicBudget()).toBe(lampangBudget);
  });

  it("an officer cannot publish, nor can another organisation's admin", async () => {
    const officerPage = await openAs(thana, `/o/${ORG}/staff/admin/plan`);
    await expect.poll(() => officerPage.locator('h1').textContent()).toBe('ไม่พบข้อมูลที่ต้องการ');
    expect(await publishAs(ORG, thana)).toBe(403);

    // Someone made admin of Chanthaburi only (an invite redeemed in chat) is not staff here.
    const invite = await fetch(`${workerUrl}/api/orgs/chanthaburi/staff/members/invites`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await mintIdToken('chanthaburi', somying)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ role: 'admin' }),
    });
    const { command } = (await invite.json()) as { command: string };
    const otherAdmin = newUserId();
    await platform('/_platform/webhook', {
      channel: 'chanthaburi',
      source: { type: 'user', userId: otherAdmin },
      events: [{ type: 'message', message: { type: 'text', text: command } }],
      deliver: true,
    });
    const members = await fetch(`${workerUrl}/api/orgs/chanthaburi/staff/members/me`, {
      headers: { authorization: `Bearer ${await mintIdToken('chanthaburi', otherAdmin)}` },
    });
    expect(((await members.json()) as { staff: { roles: string[] } }).staff.roles).toContain('admin');
    expect(await publishAs(ORG, otherAdmin)).toBe(403);
    // Their Chanthaburi login is not a login here at all.
    const foreignToken = await fetch(`${workerUrl}/api/orgs/${ORG}/staff/plans`, {
      headers: { authorization: `Bearer ${await mintIdToken('chanthaburi', otherAdmin)}` },
    });
    expect(foreignToken.status).toBe(401);
    const otherPage = await openAs(otherAdmin, `/o/${ORG}/staff/admin/plan`);
    await expect.poll(() => otherPage.locator('h1').textContent()).toBe('สำหรับเจ้าหน้าที่เท่านั้น');
  });
});
