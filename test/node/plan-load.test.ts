import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../../dev/demo-organizations';
import { renderSql } from '../../dev/seed/render-sql';
import { parseLoadArgs } from '../../tools/plan-load/args';
import { queryD1, runWrangler } from '../../tools/plan-load/wrangler';
import { createKeyring } from '../../worker/crypto/secret-box';
import { provisionStatements } from '../../worker/orgs/provision';
import { smallPlan } from '../fixtures/plan-fixture';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

describe('parseLoadArgs', () => {
  it.each([
    [
      ['--org', 'trang', '--file', 'p.json'],
      { org: 'trang', file: 'p.json', remote: false, database: 'DB', dryRun: false },
    ],
    [
      ['--org', 'trang', '--file', 'p.json', '--remote', '--key', 'old'],
      { org: 'trang', file: 'p.json', key: 'old', remote: true, database: 'DB', dryRun: false },
    ],
    [
      ['--org', 'trang', '--file', 'p.json', '--persist-to', '/tmp/d1'],
      { org: 'trang', file: 'p.json', persistTo: '/tmp/d1', remote: false, database: 'DB', dryRun: false },
    ],
  ])('%j', (argv, expected) => {
    expect(parseLoadArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--file', 'p.json'], /required/],
    [['--org', 'Trang Town', '--file', 'p.json'], /slug/],
    [['--org', 'trang', '--file', 'p.json', '--remote', '--local'], /exclude/],
    [['--org', 'trang', '--file', 'p.json', '--remote', '--persist-to', 'x'], /local D1 only/],
    [['--org', 'trang', '--file', 'p.json', 'extra'], /unexpected/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseLoadArgs(argv)).toThrow(message);
  });
});

describe('npm run load-plan against a local D1', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'load-plan-test-'));
  const persist = path.join(dir, 'd1');
  const target = ['DB', '--local', '--persist-to', persist];
  const org = demoOrganizations.find((o) => o.slug === 'mueang-chan')!;

  const load = (file: string, ...extra: string[]) =>
    run(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['tools/plan-load/cli.ts', '--org', org.slug, '--file', file, '--persist-to', persist, ...extra],
      { cwd: root },
    );

  const activeNames = () =>
    queryD1<{ key: string; name: string }>(
      root,
      target,
      `select p.plan_key as key, pp.name from plans p join plan_projects pp on pp.plan_id = p.id
       where p.status = 'active' and pp.sequence = 1 order by p.plan_key`,
    );

  beforeAll(async () => {
    await runWrangler(root, ['d1', 'migrations', 'apply', ...target]);
    const keyring = await createKeyring('ZGV2LW9ubHktZGF0YS1rZXktMzItYnl0ZXMtbG9uZyE=');
    const sql = renderSql(await provisionStatements(keyring, { id: 3, ...org }, Date.now()));
    writeFileSync(path.join(dir, 'org.sql'), sql);
    await runWrangler(root, ['d1', 'execute', ...target, '--file', path.join(dir, 'org.sql')]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a plan, then replaces it with the same key', { timeout: 600_000 }, async () => {
    const first = path.join(dir, 'first.json');
    const second = path.join(dir, 'second.json');
    writeFileSync(first, JSON.stringify(smallPlan(' (1)')));
    writeFileSync(second, JSON.stringify(smallPlan(' (2)')));

    const out = await load(first);
    expect(out.stdout).toContain('Loaded into เทศบาลตำบลเมืองจันทร์ (mueang-chan), local D1: 6 projects');
    expect(await activeNames()).toEqual([{ key: '2566-2568', name: 'โครงการอบรมคุณธรรมจริยธรรม (1)' }]);

    await load(second);
    await load(first, '--key', 'first-copy');
    expect(await activeNames()).toEqual([
      { key: '2566-2568', name: 'โครงการอบรมคุณธรรมจริยธรรม (2)' },
      { key: 'first-copy', name: 'โครงการอบรมคุณธรรมจริยธรรม (1)' },
    ]);
    // Two active plans and the previous version of the first, kept so it can be restored.
    const [plans] = await queryD1<{ n: number }>(root, target, 'select count(*) as n from plans');
    expect(plans!.n).toBe(3);
    const [published] = await queryD1<{ n: number }>(
      root,
      target,
      'select count(*) as n from plan_publications where staff_id is null',
    );
    expect(published!.n).toBe(3);
  });

  it('refuses an invalid document or an unknown organisation, changing nothing', {
    timeout: 300_000,
  }, async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...smallPlan(), fiscalYears: 'soon' }));
    await expect(load(bad)).rejects.toMatchObject({
      stderr: expect.stringContaining('is not a plan document'),
    });
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(smallPlan()));
    await expect(
      run(
        path.join(root, 'node_modules', '.bin', 'tsx'),
        ['tools/plan-load/cli.ts', '--org', 'nobody', '--file', good, '--persist-to', persist],
        { cwd: root },
      ),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('no organisation "nobody"') });
    const [plans] = await queryD1<{ n: number }>(root, target, 'select count(*) as n from plans');
    expect(plans!.n).toBe(3);
  });
});
