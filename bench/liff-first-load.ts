import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { demoResidents, demoStaff } from '../dev/line-platform/demo-people';
import { startBrowserStack } from './browser-stack';

// The JavaScript each LIFF page downloads on its first load, gzipped (-9), against the budget of 100 kB:
// the `npm start` stack (which builds the LIFF), one fresh headless Chromium context per page, every
// script the page fetches until it shows its content. The dev login's chunk (liff-dev-*: LINE's
// @line/liff-mock and the local login, loaded only on 127.0.0.1/localhost) is listed apart and not
// counted: a deployment never downloads it. `npx tsx bench/liff-first-load.ts`.
const BUDGET_KB = 100;
const _root = path.resolve(import.meta.dirname, '..');
const org = 'chanthaburi';
const pages = [
  { name: 'plan overview', path: `/o/${org}/plans/2566-2570`, ready: '.dimension-card' },
  {
    name: 'complaint form',
    path: `/o/${org}/complaint#dev-liff-user=${demoResidents[0]!.userId}`,
    ready: 'select[name="categoryCode"]',
  },
  { name: 'tracker', path: `/o/${org}/track#dev-liff-user=${demoResidents[0]!.userId}`, ready: 'form' },
  { name: 'staff case list', path: `/o/${org}/staff#dev-liff-user=${demoStaff[0]!.userId}`, ready: 'h1' },
];
const DEV_ONLY = /\/liff-dev-[\w-]+\.js$/;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const chunk = (url: string) =>
  new URL(url).pathname
    .split('/')
    .pop()!
    .replace(/-[\w-]{8}\.js$/, '');

const { stack, browser, close } = await startBrowserStack('liff-first-load');
let over = false;
try {
  const lines = [
    '| page | scripts (gzip kB) | first-load JS, gzip | raw | dev-only, not counted |',
    '| --- | --- | ---: | ---: | --- |',
  ];
  for (const page of pages) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const tab = await context.newPage();
    const scripts: Promise<{ url: string; raw: number; gzip: number }>[] = [];
    tab.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(
        response.body().then((body) => ({
          url: response.url(),
          raw: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
        })),
      );
    });
    await tab.goto(stack.workerUrl + page.path);
    await tab.waitForSelector(page.ready, { timeout: 60_000 });
    const loaded = await Promise.all(scripts);
    const counted = loaded.filter((s) => !DEV_ONLY.test(s.url));
    const devOnly = loaded.filter((s) => DEV_ONLY.test(s.url));
    const gzip = counted.reduce((sum, s) => sum + s.gzip, 0);
    const raw = counted.reduce((sum, s) => sum + s.raw, 0);
    over ||= gzip / 1024 > BUDGET_KB;
    const list = counted.map((s) => `${chunk(s.url)} ${kb(s.gzip)}`).join(', ');
    const dev = devOnly.map((s) => `${chunk(s.url)} ${kb(s.gzip)}`).join(', ') || '—';
    lines.push(`| ${page.name} | ${list} | **${kb(gzip)} kB** | ${kb(raw)} kB | ${dev} |`);
    await context.close();
  }
  console.log(lines.join('\n'));
  console.log(over ? `\nOVER the ${BUDGET_KB} kB budget` : `\nAll within the ${BUDGET_KB} kB budget.`);
} finally {
  await close();
}
process.exitCode = over ? 1 : 0;
