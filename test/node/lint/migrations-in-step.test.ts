import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The tables in schema/tables and the migrations (with drizzle's snapshot in migrations/meta) must say the
// same thing: `drizzle-kit generate` over a copy of migrations/ finds nothing to add. A table changed
// without its migration, or a hand-written migration whose snapshot was not brought along, fails here.
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);

describe('migrations and schema/tables', () => {
  it('drizzle-kit generate finds no schema change', async () => {
    // Inside the checkout (.tmp is ignored): drizzle-kit takes --out relative to the working directory.
    mkdirSync(path.join(root, '.tmp'), { recursive: true });
    const out = mkdtempSync(path.join(root, '.tmp', 'migrations-'));
    try {
      cpSync(path.join(root, 'migrations'), out, { recursive: true });
      const before = readdirSync(out).length;
      const { stdout, stderr } = await run(
        path.join(root, 'node_modules', '.bin', 'drizzle-kit'),
        [
          'generate',
          '--dialect',
          'sqlite',
          '--schema',
          './schema/tables/*.ts',
          '--out',
          path.relative(root, out),
        ],
        { cwd: root, timeout: 120_000 },
      );
      expect(`${stdout}${stderr}`).toContain('No schema changes');
      expect(readdirSync(out)).toHaveLength(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
