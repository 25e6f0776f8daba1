import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPlanFiles } from '../../dev/seed/demo-plan-files';
import { type PlanDocument, type PlanProject, planDocument } from '../../schema/contracts/plan-document';
import { formatBaht, formatNumber } from '../../lib/thai-format';
import { normalizeSearch } from '../../worker/plans/search-text';
import { launchBrowser } from './support/browser';

const workerUrl = inject('workerUrl');
const doc: PlanDocument = planDocument.parse(demoPlanFiles.chanthaburi);
const projectsIn = (d: PlanDocument['dimensions'][number]) => d.missions.flatMap((m) => m.projects);
const all = doc.dimensions.flatMap(projectsIn);
const total = (p: PlanProject) => Object.values(p.budget).reduce((a, b) => a + b, 0);

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  // A phone-sized viewport: the pages are mobile-first.
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
});

const countText = () => page.locator('.result-count').textContent();

describe('LIFF plan pages in headless Chromium against the npm start stack', () => {
  it('walks home → organisation → plan overview with the real numbers', async () => {
    await page.goto(`${workerUrl}/`);
    await page.getByRole('link', { name: /เทศบาลเมืองจันทบุรี/ }).click();
    await page.waitForURL(/\/o\/chanthaburi$/);
    await page.getByRole('link', { name: /ปีงบประมาณ 2566–2570/ }).click();
    await page.waitForURL(/\/o\/chanthaburi\/plans\/2566-2570$/);

    await expect.poll(() => page.locator('.dimension-card').count()).toBe(doc.dimensions.length);
    expect(await page.locator('.totals .big').textContent()).toBe(String(all.length));
    const planTotal = all.reduce((a, p) => a + total(p), 0);
    expect(await page.locator('.totals').textContent()).toContain(formatBaht(planTotal));
    for (const [i, dimension] of doc.dimensions.entries()) {
      const card = page.locator('.dimension-card').nth(i);
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(dimension.name);
      expect(text).toContain(`${projectsIn(dimension).length} รายการ`);
      const budget2568 = projectsIn(dimension).reduce((a, p) => a + (p.budget['2568'] ?? 0), 0);
      const bar = card.locator('.bar-row', { hasText: '2568' });
      expect(await bar.locator('.bar-value').textContent()).toBe(
        budget2568 > 0 ? formatNumber(budget2568) : '–',
      );
    }
  });

  it('opens a dimension’s list, filters by year, searches, and opens a project', async () => {
    const dimension = doc.dimensions[0]!;
    await page.locator('.dimension-card').first().getByRole('link', { name: 'ดูรายการในมิตินี้' }).click();
    await page.waitForURL(/projects\?dimension=1$/);
    await expect.poll(countText).toBe(`พบ ${projectsIn(dimension).length} รายการ`);

    const withBudget = projectsIn(dimension).filter((p) => (p.budget['2568'] ?? 0) > 0);
    await page.locator('select[name="year"]').selectOption('2568');
    await expect.poll(countText).toBe(`พบ ${withBudget.length} รายการ`);
    expect(page.url()).toContain('year=2568');

    const term = 'คุณธรรม';
    const found = withBudget.filter((p) => normalizeSearch(p.name).includes(term));
    expect(found.length).toBeGreaterThan(0);
    await page.locator('input[name="q"]').fill(term);
    await page.locator('input[name="q"]').press('Enter');
    await expect.poll(countText).toBe(`พบ ${found.length} รายการ`);
    expect(decodeURIComponent(page.url())).toContain(`q=${term}`);

    const project = found[0]!;
    const card = page.locator('.project-card').first();
    expect(await card.textContent()).toContain(`งบประมาณปี 2568: ${formatBaht(project.budget['2568']!)}`);
    await card.click();
    await page.waitForURL(new RegExp(`/projects/${project.sequence}$`));
    await expect.poll(() => page.locator('h1').textContent()).toBe(project.name);
    const row = page.locator('.budget-table tbody tr', { hasText: '2568' });
    expect(await row.locator('td').textContent()).toBe(formatBaht(project.budget['2568']!));
    expect(await page.locator('.budget-table tfoot td').textContent()).toBe(formatBaht(total(project)));

    // Back returns to the list with its filters, straight from the URL.
    await page.goBack();
    await expect.poll(countText).toBe(`พบ ${found.length} รายการ`);
    expect(await page.locator('input[name="q"]').inputValue()).toBe(term);
  });

  it('lists each responsible unit once in the unit filter, and filters by it', async () => {
    await page.goto(`${workerUrl}/o/chanthaburi/plans/2566-2570/projects`);
    await expect.poll(countText).toBe(`พบ ${all.length} รายการ`);
    const options = await page.locator('select[name="unit"] option').allTextContents();
    const names = options.slice(1).map((o) => o.replace(/ \(\d+\)$/, ''));
    expect(names).toContain('สำนักการศึกษา');
    expect(names).not.toContain('สำนักงานการศึกษา');
    expect(names.filter((n) => n.includes('ตรวจสอบภายใน'))).toEqual(['หน่วยงานตรวจสอบภายใน']);
    expect(new Set(names).size).toBe(names.length);

    const education = all.filter((p) => p.unitGroup === 'สำนักการศึกษา');
    expect(new Set(education.map((p) => p.unit))).toEqual(new Set(['สำนักการศึกษา', 'สำนักงานการศึกษา']));
    await page.locator('select[name="unit"]').selectOption('สำนักการศึกษา');
    await expect.poll(countText).toBe(`พบ ${education.length} รายการ`);

    // The project page shows the plan-wide name and, where the document words it otherwise, its wording.
    const variant = education.find((p) => p.unit === 'สำนักงานการศึกษา')!;
    await page.goto(`${workerUrl}/o/chanthaburi/plans/2566-2570/projects/${variant.sequence}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(variant.name);
    const facts = (await page.locator('.facts').textContent()) ?? '';
    expect(facts).toContain('สำนักการศึกษา (ในเอกสารแผนเขียนว่า “สำนักงานการศึกษา”)');
    expect(await page.locator('.period-notice').count()).toBe(0);
  });

  it('says Trang’s 2562–2564 plan has ended', async () => {
    await page.goto(`${workerUrl}/o/trang`);
    const card = page.locator('.plan-card', { hasText: '2562–2564' });
    await expect.poll(() => card.locator('.badge').textContent()).toBe('สิ้นสุดแล้ว');
    await card.click();
    await page.waitForURL(/\/o\/trang\/plans\/2562-2564$/);
    await expect
      .poll(() => page.locator('.period-notice').textContent())
      .toBe('แผนนี้สิ้นสุดแล้ว (ปีงบประมาณ 2562–2564)');
  });

  it('deep links work, and an unknown plan says so in Thai', async () => {
    const trang = planDocument.parse(demoPlanFiles.trang);
    await page.goto(`${workerUrl}/o/trang/plans/2562-2564/projects?dimension=3`);
    const expected = trang.dimensions.find((d) => d.number === 3)!.missions.flatMap((m) => m.projects).length;
    await expect.poll(countText).toBe(`พบ ${expected} รายการ`);

    await page.goto(`${workerUrl}/o/trang/plans/2566-2570`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('ไม่พบข้อมูลที่ต้องการ');
  });
});
