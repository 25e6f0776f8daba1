import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startBrowserStack } from './browser-stack';
import { quantile } from './stats';

// LIFF first-load cost on a low-end phone: gzipped bundle sizes of `npm run build:liff`, and the time
// from navigation to the plan overview's dimension cards in headless Chromium with the CPU slowed 4×
// and a slow mobile network, cold cache every run. `npx tsx bench/liff-load.ts` (BENCH_RUNS=7).
const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const pagePath = '/o/chanthaburi/plans/2566-2570';

/** Chrome DevTools' network presets (latency ms, throughput bytes/s). */
const networks = [
  {
    name: 'Slow 4G (150 ms RTT, 1.6 Mbps down)',
    latency: 150,
    down: (1.6 * 1024 * 1024) / 8,
    up: (750 * 1024) / 8,
  },
  {
    name: 'Fast 3G (562 ms RTT, 1.44 Mbps down)',
    latency: 562.5,
    down: (1.44 * 1024 * 1024) / 8,
    up: (675 * 1024) / 8,
  },
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function bundleSizes(): { file: string; raw: number; gzip: number }[] {
  const dir = path.join(root, 'liff', 'dist', 'assets');
  return readdirSync(dir)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((file) => {
      const bytes = readFileSync(path.join(dir, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
}

const { stack, browser, close } = await startBrowserStack('liff-bench');
try {
  const sizes = bundleSizes();
  const lines = [
    `Bundle (\`npm run build:liff\`, gzip -9): ${sizes.map((s) => `${s.file.replace(/-[\w-]+\./, '.')} ${kb(s.gzip)} (${kb(s.raw)} raw)`).join(', ')}`,
    '',
    `Time to the overview's dimension cards (${pagePath}), CPU 4× slower, cold cache, median / max of ${runs}:`,
    '',
    '| Network | First contentful paint | Dimension cards shown |',
    '| --- | --- | --- |',
  ];
  for (const network of networks) {
    const fcp: number[] = [];
    const content: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: network.latency,
        downloadThroughput: network.down,
        uploadThroughput: network.up,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${stack.workerUrl}${pagePath}`, { waitUntil: 'commit' });
      // performance.now() counts from the start of navigation: no Node-side clock skew in the figure.
      const shown = await page.waitForFunction(
        () => (document.querySelector('.dimension-card') ? performance.now() : 0),
        undefined,
        { polling: 'raf', timeout: 60_000 },
      );
      content.push(Number(await shown.jsonValue()));
      fcp.push(
        await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        ),
      );
      await context.close();
    }
    const fmt = (xs: number[]) => `${Math.round(quantile(xs, 0.5))} ms / ${Math.round(Math.max(...xs))} ms`;
    lines.push(`| ${network.name} | ${fmt(fcp)} | ${fmt(content)} |`);
  }
  console.log(lines.join('\n'));
} finally {
  await close();
}
