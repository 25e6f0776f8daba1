import { spawn } from 'node:child_process';
import path from 'node:path';

/** Runs the project's wrangler and resolves with its stdout; rejects with everything it printed. */
export function runWrangler(root: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'wrangler'), args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`wrangler ${args.slice(0, 3).join(' ')} failed (${code})\n${stdout}\n${stderr}`)),
    );
  });
}

/** Rows of a `wrangler d1 execute --json --command` query. */
export async function queryD1<T>(root: string, target: string[], sql: string): Promise<T[]> {
  const out = await runWrangler(root, ['d1', 'execute', ...target, '--json', '--command', sql]);
  const parsed = JSON.parse(out.slice(out.indexOf('['))) as { results: T[] }[];
  return parsed[0]?.results ?? [];
}
