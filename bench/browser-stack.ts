import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack } from '../dev/stack';
import { launchBrowser } from '../test/e2e/support/browser';

const root = path.resolve(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * The `npm start` stack on free ports with a throw-away local D1, and a headless Chromium: what the
 * LIFF benchmarks measure against. `close()` stops both and removes the D1.
 */
export async function startBrowserStack(name: string) {
  const persistTo = mkdtempSync(path.join(tmpdir(), `${name}-`));
  const stack = await startStack({
    root,
    workerPort: await freePort(),
    platformPort: await freePort(),
    persistTo,
  });
  const browser = await launchBrowser();
  return {
    stack,
    browser,
    async close() {
      await browser.close();
      await stack.stop();
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}
