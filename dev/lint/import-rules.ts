import fs from 'node:fs';
import path from 'node:path';

/**
 * The import rule of the codebase: adapters (chat, HTTP, inbox, cron) → domain → infrastructure
 * (`line/`, `db/`, `crypto/`, `auth/`) → `schema/` and `lib/`; the LIFF sees only the contracts.
 * Checked on every relative import and every package import, type-only imports included (a type-only
 * cycle is still a cycle a reader has to untangle).
 */
export type Layer =
  | 'adapter'
  | 'domain'
  | 'infra'
  | 'kernel'
  | 'tables'
  | 'contracts'
  | 'lib'
  | 'liff'
  | 'other';

const workerAdapters = ['bot', 'http', 'inbox', 'cron'];
const workerInfra = ['line', 'db', 'crypto', 'auth'];
const workerDomain = ['complaints', 'cases', 'staff', 'notices', 'orgs', 'plans', 'calendar', 'audit'];

/** The layer of a repository-relative path (forward slashes). */
export function layerOf(file: string): Layer {
  const [top, second] = file.split('/');
  if (top === 'lib') return 'lib';
  if (top === 'liff') return 'liff';
  if (top === 'schema')
    return second === 'tables' ? 'tables' : second === 'contracts' ? 'contracts' : 'other';
  if (top !== 'worker') return 'other';
  if (second === 'index.ts') return 'adapter';
  if (second === 'env.ts' || second === 'errors.ts') return 'kernel';
  if (second && workerAdapters.includes(second)) return 'adapter';
  if (second && workerInfra.includes(second)) return 'infra';
  if (second && workerDomain.includes(second)) return 'domain';
  return 'other';
}

/** Which layers each layer may import ('other' is unchecked: dev tools, tests, benchmarks). */
const allowed: Record<Exclude<Layer, 'other'>, Layer[]> = {
  adapter: ['adapter', 'domain', 'infra', 'kernel', 'tables', 'contracts', 'lib'],
  domain: ['domain', 'infra', 'kernel', 'tables', 'contracts', 'lib'],
  infra: ['infra', 'kernel', 'tables', 'contracts', 'lib'],
  kernel: ['kernel', 'contracts', 'lib'],
  tables: ['tables', 'contracts', 'lib'],
  contracts: ['contracts', 'lib'],
  lib: ['lib', 'contracts'],
  liff: ['liff', 'contracts', 'lib'],
};

/** Packages a layer must never import (the contracts and the LIFF stay free of the database's shape). */
const forbiddenPackages: Partial<Record<Layer, RegExp>> = {
  contracts: /^drizzle-orm/,
  lib: /^(drizzle-orm|zod|hono)/,
  liff: /^drizzle-orm/,
};

/** The one type-only import the LIFF may make of worker code: the app's route types for `hc<AppType>`. */
const liffTypeImports = new Set(['worker/http/app.ts']);

export interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

export interface Violation {
  file: string;
  message: string;
}

const importPattern =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolve(fromFile: string, spec: string, exists: (f: string) => boolean): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) if (exists(candidate)) return candidate;
  return null;
}

/** Every import of the given files: relative ones resolved to repository paths, packages by name. */
export function readImports(
  files: string[],
  read: (f: string) => string,
): { internal: Import[]; packages: Import[] } {
  const known = new Set(files);
  const internal: Import[] = [];
  const packages: Import[] = [];
  for (const file of files) {
    for (const m of read(file).matchAll(importPattern)) {
      const spec = m[3] ?? m[4]!;
      const typeOnly = Boolean(m[2]);
      if (spec.startsWith('.')) {
        const to = resolve(file, spec, (f) => known.has(f));
        if (to) internal.push({ from: file, to, typeOnly });
      } else {
        packages.push({ from: file, to: spec, typeOnly });
      }
    }
  }
  return { internal, packages };
}

/** Import cycles among the files, each as the list of files around it (Tarjan's strongly connected sets). */
export function findCycles(imports: Import[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const { from, to } of imports) edges.set(from, [...(edges.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const set: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        set.push(member);
      } while (member !== node);
      if (set.length > 1 || (edges.get(node) ?? []).includes(node)) cycles.push(set.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Every breach of the layer rule, the package rule and the no-cycle rule among the given files. */
export function checkImports(files: string[], read: (f: string) => string): Violation[] {
  const { internal, packages } = readImports(files, read);
  const violations: Violation[] = [];
  for (const imp of internal) {
    const from = layerOf(imp.from);
    const to = layerOf(imp.to);
    if (from === 'other') continue;
    if (from === 'liff' && imp.typeOnly && liffTypeImports.has(imp.to)) continue;
    if (!allowed[from].includes(to)) {
      violations.push({ file: imp.from, message: `${from} may not import ${to}: ${imp.to}` });
    }
  }
  for (const imp of packages) {
    const rule = forbiddenPackages[layerOf(imp.from)];
    if (rule?.test(imp.to)) violations.push({ file: imp.from, message: `may not import package ${imp.to}` });
  }
  for (const cycle of findCycles(internal.filter((i) => layerOf(i.from) !== 'other'))) {
    violations.push({ file: cycle[0]!, message: `import cycle: ${cycle.join(' → ')}` });
  }
  return violations;
}

/** The checked TypeScript files under `root` (worker, schema, lib, liff/src), repository-relative. */
export function listCheckedFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) return;
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.ts')) out.push(rel);
    }
  };
  for (const dir of ['worker', 'schema', 'lib', 'liff/src']) walk(dir);
  return out.sort();
}
