import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Reads .dev.vars (creating it from .dev.vars.example on first run) into a map. */
export function loadDevVars(root: string): Record<string, string> {
  const file = path.join(root, '.dev.vars');
  if (!existsSync(file)) copyFileSync(path.join(root, '.dev.vars.example'), file);
  const vars: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*"?([^"]*)"?\s*$/.exec(line);
    if (match) vars[match[1]!] = match[2]!;
  }
  return vars;
}
