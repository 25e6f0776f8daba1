import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { z } from 'zod';
import { loadDevVars } from '../dev/dev-vars';
import { renderSql } from '../dev/seed/render-sql';
import type { Statement } from '../worker/orgs/provision';
import { runWrangler } from './plan-load/wrangler';

export const root = path.resolve(import.meta.dirname, '..');

/**
 * The common part of the operator commands: parses `--remote | --persist-to DIR` plus the command's own
 * options, validates them with `schema` (exit 2 with the usage on error), and finds DATA_KEY (environment,
 * else .dev.vars; '' for a command that seals nothing, `sealing: false`) and the wrangler D1 target.
 */
export function operatorArgs<T extends z.ZodType>(
  schema: T,
  options: NonNullable<ParseArgsConfig['options']>,
  usage: string,
  { sealing = true }: { sealing?: boolean } = {},
): { args: z.infer<T>; dataKey: string; target: string[]; remote: boolean } {
  const { values } = parseArgs({
    options: { remote: { type: 'boolean' }, 'persist-to': { type: 'string' }, ...options },
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    console.error(`${z.prettifyError(parsed.error)}\n\n${usage}`);
    process.exit(2);
  }
  const dataKey = sealing ? (process.env.DATA_KEY ?? loadDevVars(root).DATA_KEY ?? '') : '';
  if (sealing && !dataKey) throw new Error('DATA_KEY is not set');
  const remote = Boolean(values.remote);
  const persist = values['persist-to'];
  const target = [
    'DB',
    remote ? '--remote' : '--local',
    ...(persist ? ['--persist-to', String(persist)] : []),
  ];
  return { args: parsed.data, dataKey, target, remote };
}

/** Runs statements as one SQL file with `wrangler d1 execute` against `target`. */
export async function executeStatements(
  target: string[],
  remote: boolean,
  statements: Statement[],
): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'operator-'));
  try {
    const file = path.join(dir, 'statements.sql');
    writeFileSync(file, renderSql(statements));
    await runWrangler(root, ['d1', 'execute', ...target, '--file', file, ...(remote ? ['--yes'] : [])]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
