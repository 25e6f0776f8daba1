import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack } from '../dev/stack';
import { connectProfiler } from './cpu-profile';
import { workerdCpuMs } from './process-cpu';
import { quantile, runLoad } from './stats';

// Signed-webhook throughput and latency of the real worker against a bare Hono worker (the floor),
// both under `wrangler dev` on this machine, in one run. See docs/benchmarks.md.
const root = path.resolve(import.meta.dirname, '..');
const total = Number(process.env.BENCH_REQUESTS ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const channel = 'chanthaburi';
const progress = (step: string) => console.error(`[bench] ${new Date().toISOString().slice(11, 19)} ${step}`);

interface Signed {
  path: string;
  body: string;
  signature: string;
  userId: string;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function startFloor(port: number, inspectorPort: number): Promise<ChildProcess> {
  const child = spawn(
    path.join(root, 'node_modules/.bin/wrangler'),
    [
      'dev',
      '--config',
      'bench/floor/wrangler.toml',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
    ],
    { cwd: root, stdio: 'ignore' },
  );
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error('floor worker did not start');
}

async function buildWebhooks(platformUrl: string, count: number, tag: string): Promise<Signed[]> {
  const out: Signed[] = [];
  for (let i = 0; i < count; i++) {
    const userId = `U${tag}${i.toString(16).padStart(32 - tag.length, '0')}`;
    const response = await fetch(`${platformUrl}/_platform/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channel,
        source: { type: 'user', userId },
        events: [{ type: 'message', message: { type: 'text', text: 'สวัสดี' } }],
        deliver: false,
      }),
    });
    const { webhook } = (await response.json()) as { webhook: Omit<Signed, 'userId'> };
    out.push({ ...webhook, userId });
  }
  return out;
}

async function waitForReplies(
  platformUrl: string,
  prefix: string,
  count: number,
): Promise<Map<string, number>> {
  const replyAt = new Map<string, number>();
  for (let tries = 0; tries < 120 && replyAt.size < count; tries++) {
    const response = await fetch(`${platformUrl}/_platform/requests?channel=${channel}&kind=reply`);
    const requests = (await response.json()) as { at: number; status: number; chatIds: string[] }[];
    for (const r of requests)
      if (r.status === 200 && r.chatIds[0]?.startsWith(prefix)) replyAt.set(r.chatIds[0], r.at);
    if (replyAt.size < count) await new Promise((r) => setTimeout(r, 500));
  }
  return replyAt;
}

async function profile(inspectorPort: number, work: () => Promise<unknown>) {
  const profiler = await connectProfiler(inspectorPort);
  await profiler.start();
  await work();
  const result = await profiler.stop();
  profiler.close();
  return result;
}

async function fire(baseUrl: string, pid: number, webhooks: Signed[]) {
  const cpuBefore = workerdCpuMs(pid);
  const sentAt: number[] = [];
  const { durations, wallMs } = await runLoad(webhooks.length, concurrency, async (i) => {
    const w = webhooks[i]!;
    sentAt[i] = Date.now();
    const response = await fetch(`${baseUrl}${w.path}`, {
      method: 'POST',
      body: w.body,
      headers: { 'content-type': 'application/json', 'x-line-signature': w.signature },
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`status ${response.status}`);
  });
  return { durations, wallMs, sentAt, cpuBefore };
}

const persistTo = mkdtempSync(path.join(tmpdir(), 'integrity-line-bench-'));
const stack = await startStack({
  root,
  workerPort: await freePort(),
  platformPort: await freePort(),
  persistTo,
  platformInChildProcess: true,
  inspectorPort: await freePort(),
});
const floorPort = await freePort();
const floorInspector = await freePort();
const floor = await startFloor(floorPort, floorInspector);
try {
  // Warm both up (JIT, D1 file, connection pools).
  const warm = await buildWebhooks(stack.platformUrl, 200, 'a');
  await fire(stack.workerUrl, stack.workerPid, warm);
  await fire(`http://127.0.0.1:${floorPort}`, floor.pid!, warm);
  await new Promise((r) => setTimeout(r, 2000));

  progress('pass 1: profiling');
  // Pass 1, the isolates' own CPU through the V8 profiler (which slows everything, so it is separate).
  const profiled = Math.min(total, 500);
  const floorIsolate = await profile(floorInspector, () =>
    buildWebhooks(stack.platformUrl, profiled, 'd').then((w) =>
      fire(`http://127.0.0.1:${floorPort}`, floor.pid!, w),
    ),
  );
  progress('pass 1: worker');
  const isolate = await profile(stack.inspectorPort!, async () => {
    await fire(stack.workerUrl, stack.workerPid, await buildWebhooks(stack.platformUrl, profiled, 'e'));
    await waitForReplies(stack.platformUrl, 'Ue', profiled);
  });

  progress('pass 2: latency');
  // Pass 2, latency and throughput, profiler detached.
  const floorHooks = await buildWebhooks(stack.platformUrl, total, 'b');
  const floorRun = await fire(`http://127.0.0.1:${floorPort}`, floor.pid!, floorHooks);
  const floorCpu = workerdCpuMs(floor.pid!) - floorRun.cpuBefore;
  const hooks = await buildWebhooks(stack.platformUrl, total, 'c');
  const run = await fire(stack.workerUrl, stack.workerPid, hooks);
  // The work after answering (inbox, reply to LINE) is part of the cost: wait until every reply landed.
  const replyAt = await waitForReplies(stack.platformUrl, 'Uc', total);
  const cpu = workerdCpuMs(stack.workerPid) - run.cpuBefore;
  const replyLatency = hooks
    .map((h, i) => (replyAt.get(h.userId) ?? Number.NaN) - run.sentAt[i]!)
    .filter(Number.isFinite);

  progress('report');
  const row = (name: string, r: { durations: number[]; wallMs: number }, cpuMs: number) =>
    `| ${name} | ${(total / (r.wallMs / 1000)).toFixed(0)} | ${quantile(r.durations, 0.5).toFixed(2)} | ${quantile(r.durations, 0.99).toFixed(2)} | ${(cpuMs / total).toFixed(2)} |`;
  console.log(
    `\n${total} signed webhooks (1 text event each), concurrency ${concurrency}, node ${process.version}\n`,
  );
  console.log(
    '| target | req/s | p50 ms | p99 ms | workerd process CPU ms / event | isolate JS CPU ms / event |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `${row('bare Hono (floor)', floorRun, floorCpu)} ${(floorIsolate.busyMs / profiled).toFixed(2)} |`,
  );
  console.log(`${row('integrity-line webhook', run, cpu)} ${(isolate.busyMs / profiled).toFixed(2)} |`);
  console.log(
    `isolate profile (ms, whole phase): worker busy ${isolate.busyMs.toFixed(0)}, program ${isolate.programMs.toFixed(0)}, idle ${isolate.idleMs.toFixed(0)}; ` +
      `floor busy ${floorIsolate.busyMs.toFixed(0)}, program ${floorIsolate.programMs.toFixed(0)}, idle ${floorIsolate.idleMs.toFixed(0)}`,
  );
  console.log(
    `\nratio worker/floor: p50 ×${(quantile(run.durations, 0.5) / quantile(floorRun.durations, 0.5)).toFixed(2)}, ` +
      `p99 ×${(quantile(run.durations, 0.99) / quantile(floorRun.durations, 0.99)).toFixed(2)}, ` +
      `throughput ×${(floorRun.wallMs / run.wallMs).toFixed(2)}`,
  );
  console.log(
    `webhook received → reply accepted by LINE platform: p50 ${quantile(replyLatency, 0.5).toFixed(0)} ms, ` +
      `p99 ${quantile(replyLatency, 0.99).toFixed(0)} ms (${replyLatency.length}/${total} replies)`,
  );
  if (process.env.BENCH_TOP) {
    for (const { name, ms } of isolate.top) console.log(`  ${(ms / profiled).toFixed(3)} ms/event  ${name}`);
  }
  console.log(
    `isolate CPU added over the floor: ${((isolate.busyMs - floorIsolate.busyMs) / profiled).toFixed(2)} ms/event ` +
      `(profiled pass of ${profiled}; includes the local D1 client and the reply to LINE)`,
  );
} finally {
  floor.kill('SIGTERM');
  await stack.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
