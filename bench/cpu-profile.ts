import WebSocket from 'ws';

// Measures the worker isolate's own CPU time through the V8 inspector that `wrangler dev` exposes
// (Chrome DevTools Protocol, Profiler domain). Unlike the workerd process's CPU, this excludes the
// local D1 simulator (SQLite and its shim run elsewhere in production and are I/O for the Worker).

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber?: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuBreakdown {
  /** Time in JavaScript and the natives it called (crypto, JSON, …), including GC. */
  busyMs: number;
  idleMs: number;
  /** V8's "(program)": runtime work not attributed to a JS frame (includes waiting on this thread). */
  programMs: number;
  /** The functions with the most self time: where to look first. */
  top: { name: string; ms: number }[];
}

/** Connects to the worker's inspector and returns start/stop functions for a CPU profile. */
export async function connectProfiler(inspectorPort: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl: string;
    title?: string;
  }[];
  const target = targets.find((t) => t.webSocketDebuggerUrl);
  if (!target) throw new Error('no inspector target');
  // The `ws` client: wrangler's inspector proxy refuses Node's built-in WebSocket handshake.
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<
    number,
    { method: string; resolve: (value: unknown) => void; reject: (e: Error) => void }
  >();
  socket.on('message', (message) => {
    const data = JSON.parse(String(message)) as {
      id?: number;
      result?: unknown;
      error?: { message?: string };
    };
    const waiting = data.id ? pending.get(data.id) : undefined;
    if (!waiting) return;
    pending.delete(data.id!);
    // An error answer (e.g. the isolate was replaced meanwhile) must fail loudly, not as `undefined`.
    if (data.error)
      waiting.reject(new Error(`${waiting.method}: ${data.error.message ?? 'inspector error'}`));
    else waiting.resolve(data.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { method, resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', {
    interval: Number(process.env.BENCH_PROFILE_INTERVAL_US ?? 500),
  });
  return {
    start: () => send('Profiler.start'),
    async stop(): Promise<CpuBreakdown> {
      const { profile } = ((await send('Profiler.stop')) ?? {}) as { profile?: Profile };
      // `wrangler dev` reloads the worker when a source file changes (someone editing the checkout):
      // the new isolate has no profile. Run the bench from a copy nobody edits (docs/benchmarks.md).
      if (!profile) throw new Error('no CPU profile: the worker was reloaded during the pass');
      const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
      const out = { busyMs: 0, idleMs: 0, programMs: 0 };
      const self = new Map<string, number>();
      profile.samples.forEach((node, i) => {
        const ms = (profile.timeDeltas[i] ?? 0) / 1000;
        const frame = frames.get(node);
        const name = frame?.functionName;
        if (name === '(idle)') out.idleMs += ms;
        else if (name === '(program)') out.programMs += ms;
        else {
          out.busyMs += ms;
          // Anonymous functions are told apart by their line in the bundle (wrangler's .wrangler/tmp).
          const where = name ? '' : `:${(frame?.lineNumber ?? -1) + 1}`;
          const key = `${name || '(anonymous)'} ${frame?.url.split('/').slice(-2).join('/') ?? ''}${where}`;
          self.set(key, (self.get(key) ?? 0) + ms);
        }
      });
      const top = [...self.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([name, ms]) => ({ name, ms }));
      return { ...out, top };
    },
    close: () => socket.close(),
  };
}
