import { demoOrganizations } from './demo-organizations';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type LinePlatform, startLinePlatform } from './line-platform/server';
import { loadDevVars } from './dev-vars';
import { demoSeedSql } from './seed/demo-seed';

export interface StackOptions {
  root: string;
  workerPort: number;
  platformPort: number;
  /** Where wrangler keeps the local D1 (default .wrangler/state). */
  persistTo?: string;
  /** Echo wrangler's output (npm start) or keep it quiet (tests). */
  verbose?: boolean;
  /** Expose the worker's V8 inspector on this port (benchmarks profile CPU through it). */
  inspectorPort?: number;
  /** Run the LINE platform in its own process (benchmarks: keeps it off the load generator's thread). */
  platformInChildProcess?: boolean;
}

export interface Stack {
  workerUrl: string;
  platformUrl: string;
  chatUrl: string;
  platform: Pick<LinePlatform, 'url' | 'close'>;
  /** The `wrangler dev` process (its workerd children run the worker). */
  workerPid: number;
  inspectorPort?: number;
  stop(): Promise<void>;
}

const wranglerBin = (root: string) => path.join(root, 'node_modules', '.bin', 'wrangler');

const run = (root: string, args: string[], verbose: boolean) => runBin(root, 'wrangler', args, verbose);

function runBin(root: string, bin: string, args: string[], verbose: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', bin), args, {
      cwd: root,
      stdio: verbose ? 'inherit' : 'pipe',
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${bin} ${args.join(' ')} failed (${code})\n${output}`)),
    );
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}

async function startPlatformProcess(root: string, port: number, workerUrl: string) {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['dev/line-platform/main.ts'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, LINE_PLATFORM_PORT: String(port), WORKER_URL: workerUrl },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/_platform/channels`, child, 30_000);
  return {
    url,
    close: async () => {
      child.kill('SIGTERM');
    },
  };
}

/**
 * Migrates and seeds the local D1, starts the local LINE platform and `wrangler dev`, and keeps the
 * inbox sweeper ticking (wrangler dev does not run cron triggers by itself).
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { root, verbose = false } = options;
  const persist = options.persistTo ? ['--persist-to', options.persistTo] : [];
  const vars = loadDevVars(root);
  if (!vars.DATA_KEY) throw new Error('.dev.vars has no DATA_KEY');

  await runBin(root, 'vite', ['build', '--config', 'liff/vite.config.ts', '--logLevel', 'warn'], verbose);
  await run(root, ['d1', 'migrations', 'apply', 'DB', '--local', ...persist], verbose);
  const seedFile = path.join(root, '.wrangler', 'seed', 'demo.sql');
  mkdirSync(path.dirname(seedFile), { recursive: true });
  writeFileSync(seedFile, await demoSeedSql(vars.DATA_KEY));
  await run(root, ['d1', 'execute', 'DB', '--local', '--file', seedFile, ...persist], verbose);

  const workerUrl = `http://127.0.0.1:${options.workerPort}`;
  const platform = options.platformInChildProcess
    ? await startPlatformProcess(root, options.platformPort, workerUrl)
    : await startLinePlatform({ port: options.platformPort, workerUrl });
  const worker = spawn(
    wranglerBin(root),
    [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(options.workerPort),
      '--inspector-port',
      String(options.inspectorPort ?? 0),
      '--test-scheduled',
      '--var',
      `LINE_API_BASE:${platform.url}`,
      '--var',
      `LINE_DATA_API_BASE:${platform.url}`,
      '--var',
      `APP_ORIGIN:${workerUrl}`,
      '--var',
      `LINE_LOGIN_JWKS_URL:${platform.url}/oauth2/v2.1/certs`,
      // LIFF pages opened in a browser log in through the local platform (README, "LIFF pages").
      '--var',
      `DEV_LINE_PLATFORM_URL:${platform.url}`,
      ...persist,
    ],
    {
      cwd: root,
      stdio: verbose ? 'inherit' : 'ignore',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    },
  );
  try {
    await waitFor(`${workerUrl}/healthz`, worker, 90_000);
  } catch (error) {
    worker.kill('SIGTERM');
    await platform.close();
    throw error;
  }
  const tick = () => fetch(`${workerUrl}/__scheduled?cron=*+*+*+*+*`).catch(() => undefined);
  // The cron makes one organisation's rich menus a run: a few runs now, so the chat page shows them at once.
  for (let i = 0; i <= demoOrganizations.length; i++) {
    await tick();
    await new Promise((r) => setTimeout(r, 300));
  }
  const sweeper = setInterval(tick, 30_000);

  return {
    workerUrl,
    platformUrl: platform.url,
    chatUrl: `${platform.url}/`,
    platform,
    workerPid: worker.pid!,
    inspectorPort: options.inspectorPort,
    async stop() {
      clearInterval(sweeper);
      const exited = new Promise((r) => worker.once('exit', r));
      worker.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      await platform.close();
    },
  };
}
