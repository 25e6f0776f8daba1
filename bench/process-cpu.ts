import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** Every descendant pid of `pid` (wrangler dev runs workerd as a child process). */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const walk = (parent: number) => {
    let children: number[] = [];
    try {
      children = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return;
    }
    for (const child of children) {
      out.push(child);
      walk(child);
    }
  };
  walk(pid);
  return out;
}

/** User + system CPU milliseconds consumed so far by the workerd processes under `rootPid`. */
export function workerdCpuMs(rootPid: number): number {
  let ticks = 0;
  for (const pid of descendants(rootPid)) {
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (!comm.startsWith('workerd')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // process ended
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
