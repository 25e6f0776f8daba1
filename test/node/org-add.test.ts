import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryD1, runWrangler } from '../../tools/plan-load/wrangler';
import { createKeyring, open } from '../../worker/crypto/secret-box';
import { credentialContext } from '../../worker/orgs/credentials';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const DATA_KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));
const secret = '0123456789abcdef0123456789abcdef';

// Each test runs wrangler several times (~2.5 s of CPU each): hang guard sized for a starved CPU.
describe('tools/org-add.ts against a local D1', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'org-add-test-'));
  const persist = path.join(dir, 'd1');
  const target = ['DB', '--local', '--persist-to', persist];
  const add = (...extra: string[]) =>
    run(
      path.join(root, 'node_modules/.bin/tsx'),
      [
        'tools/org-add.ts',
        '--persist-to',
        persist,
        '--slug',
        'ban-nong',
        '--name',
        'องค์การบริหารส่วนตำบลบ้านหนอง',
        '--kind',
        'sao',
        '--province',
        'ขอนแก่น',
        '--channel-id',
        '2001234567',
        '--channel-secret',
        secret,
        '--access-token',
        'token-token-token',
        ...extra,
      ],
      { cwd: root, env: { ...process.env, DATA_KEY } },
    );

  beforeAll(async () => {
    await runWrangler(root, ['d1', 'migrations', 'apply', ...target]);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds an organisation with sealed credentials and default categories, and updates it in place', async () => {
    await add();
    await add('--liff-id', '2009999999-abcdefgh');
    const orgs = await queryD1<{ id: number; slug: string }>(
      root,
      target,
      'select id, slug from organizations',
    );
    expect(orgs).toEqual([{ id: 1, slug: 'ban-nong' }]);
    const [channel] = await queryD1<{ secret_sealed: string; liff_id: string }>(
      root,
      target,
      'select secret_sealed, liff_id from line_channels where org_id = 1',
    );
    expect(channel!.secret_sealed).not.toContain(secret);
    expect(channel!.liff_id).toBe('2009999999-abcdefgh');
    expect(
      await open(await createKeyring(DATA_KEY), channel!.secret_sealed, credentialContext.secret(1)),
    ).toBe(secret);
    const [categories] = await queryD1<{ n: number }>(
      root,
      target,
      'select count(*) as n from complaint_categories',
    );
    expect(categories!.n).toBeGreaterThan(5);
  }, 120_000);

  it('configures the LIFF app: a LINE MINI App’s host, then its published id alone, then none', async () => {
    const channel = async () =>
      (
        await queryD1<{ liff_id: string | null; liff_host: string; secret_sealed: string }>(
          root,
          target,
          'select liff_id, liff_host, secret_sealed from line_channels where org_id = 1',
        )
      )[0]!;
    await add('--liff-id', '2009999999-develop', '--liff-host', 'miniapp.line.me');
    const added = await channel();
    expect(added).toMatchObject({ liff_id: '2009999999-develop', liff_host: 'miniapp.line.me' });
    const liff = (...extra: string[]) =>
      run(
        path.join(root, 'node_modules/.bin/tsx'),
        ['tools/org-liff.ts', '--persist-to', persist, '--slug', 'ban-nong', ...extra],
        // No DATA_KEY: it seals nothing.
        { cwd: root, env: { ...process.env, DATA_KEY: '' } },
      );
    await liff('--liff-id', '2009999999-publish', '--liff-host', 'miniapp.line.me');
    expect(await channel()).toEqual({ ...added, liff_id: '2009999999-publish' });
    await expect(liff('--liff-id', 'not-a-liff-id')).rejects.toMatchObject({ code: 2 });
    await expect(liff('--liff-id', '2009999999-x', '--liff-host', 'example.com')).rejects.toMatchObject({
      code: 2,
    });
    await expect(liff('--slug', 'nobody', '--none')).rejects.toMatchObject({ code: 2 });
    await liff('--none');
    expect(await channel()).toMatchObject({ liff_id: null, liff_host: 'liff.line.me' });
  }, 120_000);

  it('refuses a malformed channel secret with exit code 2 and writes nothing', async () => {
    const before = await queryD1(root, target, 'select * from line_channels');
    await expect(add('--channel-secret', 'not-hex')).rejects.toMatchObject({ code: 2 });
    expect(await queryD1(root, target, 'select * from line_channels')).toEqual(before);
  }, 60_000);
});
