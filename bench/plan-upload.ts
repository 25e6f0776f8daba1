import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { demoStaff } from '../dev/line-platform/demo-people';
import { seedsDir } from '../dev/shared-files';
import { parsePlan } from '../lib/plan-import/parse-plan';
import { planUploadBody } from '../schema/contracts/plan-upload';
import { buildDocx } from '../test/node/plan-import/fixtures/build-docx';
import { buildPdf } from '../test/node/plan-import/fixtures/build-pdf';
import { planLoadStatements } from '../worker/plans/load-statements';
import { startBrowserStack } from './browser-stack';
import { quantile } from './stats';

/**
 * The admin's plan upload, measured where it runs. In headless Chromium on the `npm start` stack: the
 * scripts the upload page loads (gzipped), then for each seed plan as .txt, .docx and .pdf the time the
 * page reports for reading and parsing the file in the browser, and the publish round trip. In Node (the
 * Worker's V8): what the Worker does with an upload before D1, the zod check of the body and building the
 * statements, the CPU a free-plan Worker (10 ms) must afford. `npx tsx bench/plan-upload.ts`.
 */
const SEEDS = [
  ['000 Chanthaburi', '000_b2f7f43f58537435.txt'],
  ['002 Trang', '002_2459aad492833dd5.txt'],
  ['004 Lampang', '004_d79bb15a77856305.txt'],
] as const;
const ORG = 'mueang-chan';
const admin = demoStaff[0]!.userId;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const chunk = (url: string) =>
  new URL(url).pathname
    .split('/')
    .pop()!
    .replace(/-[\w-]{8}\.m?js$/, '');

const { stack, browser, close } = await startBrowserStack('plan-upload');
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  // Publishing over a plan with the same key asks for a confirmation.
  page.on('dialog', (d) => void d.accept());
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    if (!/\.m?js$/.test(new URL(response.url()).pathname)) return;
    scripts.set(chunk(response.url()), gzipSync(await response.body(), { level: 9 }).length);
  });
  await page.goto(`${stack.workerUrl}/o/${ORG}/staff/admin/plan#dev-liff-user=${admin}`);
  await page.waitForSelector('input[name="plan-file"]', { timeout: 60_000 });
  const onLoad = new Map(scripts);

  const rows = [
    '| plan | format | file | read + parse in the browser, ms | publish round trip, ms |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const [name, seed] of SEEDS) {
    const text = readFileSync(path.join(seedsDir(), seed), 'utf8');
    const files = {
      txt: Buffer.from(text),
      docx: Buffer.from(buildDocx(text)),
      pdf: Buffer.from(await buildPdf(text)),
    };
    for (const [format, buffer] of Object.entries(files)) {
      await page
        .locator('input[name="plan-file"]')
        .setInputFiles({ name: `plan.${format}`, mimeType: 'application/octet-stream', buffer });
      const status = page.locator('.plan-upload .form-message');
      let said = '';
      for (let i = 0; i < 600 && !/(มิลลิวินาที\)|ไม่ได้)$/.test(said); i++) {
        await page.waitForTimeout(200);
        said = (await status.textContent()) ?? '';
      }
      if (!said.endsWith('มิลลิวินาที)')) throw new Error(`${name} ${format}: ${said}`);
      const ms = /อ่าน (\d+) มิลลิวินาที/.exec(said)?.[1];
      let publish = '—';
      if (format === 'docx') {
        const old = await page.locator('input[name="plan-file"]').elementHandle();
        const t = performance.now();
        await page.getByRole('button', { name: 'เผยแพร่แผนนี้' }).click();
        // Published when the page is drawn anew (its flash may read the same as the last one's).
        await page.waitForFunction((el) => !el.isConnected, old, { timeout: 60_000 });
        await page.getByText(/^เผยแพร่แผนปีงบประมาณ .* แล้ว$/).waitFor({ timeout: 60_000 });
        publish = (performance.now() - t).toFixed(0);
      }
      rows.push(`| ${name} | ${format} | ${kb(buffer.length)} kB | ${ms} | ${publish} |`);
    }
  }
  const pdfOnly = [...scripts.keys()].filter((k) => !onLoad.has(k));
  console.log(
    `Upload page, scripts on load (gzip): ${[...onLoad].map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`,
  );
  console.log(`total ${kb([...onLoad.values()].reduce((a, b) => a + b, 0))} kB`);
  console.log(`Loaded only for a PDF: ${pdfOnly.map((k) => `${k} ${kb(scripts.get(k)!)}`).join(', ')}`);
  console.log(rows.join('\n'));
  await context.close();
} finally {
  await close();
}

console.log('\nThe Worker on an upload, before D1 (Node, 40 runs): JSON.parse + zod check + statements');
console.log('| plan | body | median ms | p90 ms |\n| --- | ---: | ---: | ---: |');
for (const [name, seed] of SEEDS) {
  const body = JSON.stringify({
    document: parsePlan(readFileSync(path.join(seedsDir(), seed), 'utf8')),
    source: 'plan.docx',
  });
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    const parsed = planUploadBody.parse(JSON.parse(body));
    planLoadStatements(parsed.document, { orgSlug: ORG, loadId: 'bench', now: 0 });
    times.push(performance.now() - t);
  }
  console.log(
    `| ${name} | ${kb(body.length)} kB | ${quantile(times, 0.5).toFixed(1)} | ${quantile(times, 0.9).toFixed(1)} |`,
  );
}
