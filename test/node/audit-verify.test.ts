import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../../dev/demo-organizations';
import { renderSql } from '../../dev/seed/render-sql';
import { queryD1, runWrangler } from '../../tools/plan-load/wrangler';
import { type EventRow, GENESIS, linkHash, rowDigest, type ViewRow } from '../../worker/audit/chain';
import { chainQueries } from '../../worker/audit/chain-data';
import { sealOrder } from '../../worker/audit/seal';
import { createKeyring } from '../../worker/crypto/secret-box';
import { complaintDefaultStatements } from '../../worker/orgs/defaults';
import { provisionStatements } from '../../worker/orgs/provision';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

// tools/audit-verify.ts against a local D1 (wrangler --persist-to), with rows as wrangler returns them.
describe('tools/audit-verify.ts against a local D1', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-verify-test-'));
  const persist = path.join(dir, 'd1');
  const target = ['DB', '--local', '--persist-to', persist];
  const org = demoOrganizations.find((o) => o.slug === 'trang')!;
  const sql = (text: string) => runWrangler(root, ['d1', 'execute', ...target, '--command', text]);

  const verify = async (...extra: string[]) => {
    try {
      const { stdout } = await run(
        path.join(root, 'node_modules', '.bin', 'tsx'),
        ['tools/audit-verify.ts', '--org', org.slug, '--persist-to', persist, ...extra],
        { cwd: root },
      );
      return { code: 0, out: stdout };
    } catch (error) {
      const e = error as { code: number; stderr: string };
      return { code: e.code, out: e.stderr };
    }
  };

  // Seals what is unsealed as the cron would (same order, digests and links), through wrangler.
  async function seal() {
    const q = chainQueries(1);
    const events = await queryD1<EventRow>(root, target, q.events);
    const views = await queryD1<ViewRow>(root, target, q.views);
    let prev = GENESIS;
    const values: string[] = [];
    for (const [i, p] of sealOrder(events, views, 1000).entries()) {
      const link = {
        seq: i + 1,
        source: p.source,
        source_id: p.row.id,
        row_digest: await rowDigest(p.source, p.row),
        prev_hash: prev,
      };
      prev = await linkHash(link);
      values.push(
        `(1, ${link.seq}, '${p.source}', ${p.row.id}, '${link.row_digest}', '${link.prev_hash}', '${prev}', 0)`,
      );
    }
    await sql(`insert into audit_chain values ${values.join(', ')}`);
  }

  beforeAll(async () => {
    await runWrangler(root, ['d1', 'migrations', 'apply', ...target]);
    const keyring = await createKeyring('ZGV2LW9ubHktZGF0YS1rZXktMzItYnl0ZXMtbG9uZyE=');
    writeFileSync(
      path.join(dir, 'org.sql'),
      renderSql([
        ...(await provisionStatements(keyring, { id: 1, ...org }, 1)),
        ...complaintDefaultStatements({ id: 1, kind: org.kind }, 1),
      ]),
    );
    await runWrangler(root, ['d1', 'execute', ...target, '--file', path.join(dir, 'org.sql')]);
    // Thai text, nulls and quotes: what a canonical serialisation must survive through wrangler's JSON.
    writeFileSync(
      path.join(dir, 'rows.sql'),
      `insert into identity_vault values ('v1', 1, 'anonymous', 'x', 1);
       insert into complaints (id, org_id, code, submission_key, track, category_id, description, identity_mode,
         vault_id, channel, acknowledge_due_on, result_due_on, created_at, updated_at)
         select 1, 1, 'TR-0001', 'k', 'corruption', id, 'ล็อกสเปก', 'anonymous', 'v1', 'chat', '2026-01-01',
           '2026-02-01', 1, 1 from complaint_categories where org_id = 1 limit 1;
       insert into staff_members values (1, 1, 'p', 's', 'ผู้ตรวจ', 'active', 1, 1);
       insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, to_status, note)
         values (1, 1, 100, 'resident', 'reporter', 'submitted', 'received', null),
                (1, 1, 200, 'staff', '1', 'note_added', null, 'บันทึก "ทดสอบ" it''s');
       insert into case_views (org_id, complaint_id, staff_id, via, items, at)
         values (1, 1, 1, 'liff', null, 150), (1, null, 1, 'list', 3, 250);`,
    );
    await runWrangler(root, ['d1', 'execute', ...target, '--file', path.join(dir, 'rows.sql')]);
    await seal();
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an intact chain, then names an edited row and exits non-zero', {
    timeout: 300_000,
  }, async () => {
    const intact = await verify();
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.out).toMatch(/^chain intact: 4 rows, head seq 4 hash [0-9a-f]{64}/);
    const head = /hash ([0-9a-f]{64})/.exec(intact.out)![1];
    expect((await verify('--anchor', `4:${head}`)).code).toBe(0);
    expect((await verify('--anchor', `4:${'0'.repeat(64)}`)).code).toBe(1);

    await sql(`update complaint_events set note = 'แก้แล้ว' where id = 2`);
    const edited = await verify();
    expect(edited.code).toBe(1);
    expect(edited.out).toContain('chain broken at seq 3 (event 2): digest');

    await sql(`delete from case_views where id = 1`);
    expect((await verify()).out).toContain('chain broken at seq 2 (view 1): missing');
  });

  it('refuses a bad slug with the usage', async () => {
    const bad = await verify('--org', 'No Such');
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('Usage: npx tsx tools/audit-verify.ts');
  });
});
