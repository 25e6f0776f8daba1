import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImports, layerOf, listCheckedFiles } from '../../../dev/lint/import-rules';

const repo = path.resolve(import.meta.dirname, '../../..');

function check(tree: Record<string, string>) {
  return checkImports(Object.keys(tree), (f) => tree[f]!).map((v) => `${v.file}: ${v.message}`);
}

describe('the import rule (npm run lint)', () => {
  it.each([
    ['worker/bot/dispatch.ts', 'adapter'],
    ['worker/http/routes/plans.ts', 'adapter'],
    ['worker/index.ts', 'adapter'],
    ['worker/cases/case-machine.ts', 'domain'],
    ['worker/notices/reminders.ts', 'domain'],
    ['worker/line/gateway.ts', 'infra'],
    ['worker/env.ts', 'kernel'],
    ['schema/tables/core.ts', 'tables'],
    ['schema/contracts/staff-api.ts', 'contracts'],
    ['lib/thai-date.ts', 'lib'],
    ['liff/src/main.ts', 'liff'],
    ['dev/start.ts', 'other'],
  ])('%s is %s', (file, layer) => {
    expect(layerOf(file)).toBe(layer);
  });

  it('passes on the repository as it is', () => {
    const files = listCheckedFiles(repo);
    expect(files.length).toBeGreaterThan(200);
    expect(checkImports(files, (f) => fs.readFileSync(path.join(repo, f), 'utf8'))).toEqual([]);
  });

  it('refuses domain → chat, infra → domain, LIFF → worker or tables, contracts → drizzle', () => {
    const tree = {
      'worker/bot/staff/case-card.ts': 'export const card = 1;\n',
      'worker/cases/notifier.ts': "import { card } from '../bot/staff/case-card';\n",
      'worker/line/gateway.ts': "import type { X } from '../cases/notifier';\n",
      'worker/http/app.ts': 'export type AppType = {};\n',
      'worker/db/client.ts': 'export const c = 1;\n',
      'schema/tables/core.ts': "import { sqliteTable } from 'drizzle-orm/sqlite-core';\n",
      'schema/contracts/a.ts': "import { sql } from 'drizzle-orm';\n",
      'liff/src/ok.ts': "import type { AppType } from '../../worker/http/app';\n",
      'liff/src/bad.ts':
        "import { c } from '../../worker/db/client';\nimport { t } from '../../schema/tables/core';\n",
    };
    expect(check(tree)).toEqual([
      'worker/cases/notifier.ts: domain may not import adapter: worker/bot/staff/case-card.ts',
      'worker/line/gateway.ts: infra may not import domain: worker/cases/notifier.ts',
      'liff/src/bad.ts: liff may not import infra: worker/db/client.ts',
      'liff/src/bad.ts: liff may not import tables: schema/tables/core.ts',
      'schema/contracts/a.ts: may not import package drizzle-orm',
    ]);
  });

  it('finds cycles, type-only imports included', () => {
    const tree = {
      'worker/complaints/submit.ts': "import { find } from './complaints-data';\nexport interface R {}\n",
      'worker/complaints/complaints-data.ts': "import type { R } from './submit';\nexport const find = 1;\n",
      'worker/complaints/other.ts': "import { find } from './complaints-data';\n",
    };
    expect(check(tree)).toEqual([
      'worker/complaints/complaints-data.ts: import cycle: worker/complaints/complaints-data.ts → worker/complaints/submit.ts',
    ]);
  });

  it('makes the lint command fail on a forbidden import', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-rules-'));
    try {
      fs.mkdirSync(path.join(dir, 'worker/notices'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'worker/bot'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'worker/bot/card.ts'), 'export const card = 1;\n');
      fs.writeFileSync(path.join(dir, 'worker/notices/push.ts'), "import { card } from '../bot/card';\n");
      const cli = path.join(repo, 'dev/lint/check-imports.ts');
      const run = spawnSync(process.execPath, ['--import', 'tsx', cli, dir], { encoding: 'utf8', cwd: repo });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        'worker/notices/push.ts: domain may not import adapter: worker/bot/card.ts',
      );
      fs.writeFileSync(path.join(dir, 'worker/notices/push.ts'), 'export const push = 1;\n');
      const clean = spawnSync(process.execPath, ['--import', 'tsx', cli, dir], {
        encoding: 'utf8',
        cwd: repo,
      });
      expect(clean.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
