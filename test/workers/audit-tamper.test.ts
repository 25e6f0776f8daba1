import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { complaintOf, sealAll, seedAuditRows, verifyOrg } from './support/audit';
import { execute, firstRow } from './support/db';

// Tampering with D1 after sealing (edits, deletions, rows slipped in, the chain itself) is named by
// verification at the first broken row (worker/audit/chain.ts, verifyChain).
const org = useOrg('trang');
const other = useOrg('lampang');
const verify = (orgId = org.id) => verifyOrg(orgId);

beforeAll(async () => {
  await seedAuditRows([org, other]);
  await sealAll();
}, 60_000);

describe('verification names the first broken row', () => {
  const sealedEvent = async () =>
    (await firstRow<{ seq: number; source_id: number }>(
      "select seq, source_id from audit_chain where org_id = ? and source = 'event' order by seq limit 1 offset 2",
      org.id,
    ))!;

  it.each([
    ['note', "note = 'แก้ไขภายหลัง'"],
    ['action', "action = 'closed'"],
    ['at', 'at = at - 86400000'],
  ])('an edited complaint event (%s) is a digest break at its row', async (_, change) => {
    await sealAll();
    const { seq, source_id } = await sealedEvent();
    const original = await firstRow('select * from complaint_events where id = ?', source_id);
    await execute(`update complaint_events set ${change} where id = ?`, source_id);
    const verdict = await verify();
    expect(verdict).toMatchObject({
      ok: false,
      rows: seq - 1,
      broken: { seq, source: 'event', sourceId: source_id, problem: 'digest' },
    });
    await execute(
      'update complaint_events set note = ?, action = ?, at = ? where id = ?',
      original!.note,
      original!.action,
      original!.at,
      source_id,
    );
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('a deleted complaint event is named as missing', async () => {
    const { seq, source_id } = await sealedEvent();
    const original = (await firstRow('select * from complaint_events where id = ?', source_id))!;
    await execute('delete from complaint_events where id = ?', source_id);
    expect(await verify()).toMatchObject({
      ok: false,
      broken: { seq, sourceId: source_id, problem: 'missing' },
    });
    const cols = Object.keys(original);
    await execute(
      `insert into complaint_events (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`,
      ...cols.map((c) => original[c]),
    );
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('a deleted access log row is named as missing', async () => {
    const view = (await firstRow<{ seq: number; source_id: number }>(
      "select seq, source_id from audit_chain where org_id = ? and source = 'view' order by seq limit 1",
      org.id,
    ))!;
    await execute('delete from case_views where id = ?', view.source_id);
    expect(await verify()).toMatchObject({
      ok: false,
      broken: { seq: view.seq, source: 'view', sourceId: view.source_id, problem: 'missing' },
    });
    expect(await verify(other.id)).toMatchObject({ ok: true });
  });

  it('a row slipped in under sealed ids is named as unsealed', async () => {
    // The access row deleted above (of trang) has an id below lampang's sealed ones: re-used for lampang.
    const freed = (await firstRow<{ source_id: number }>(
      `select a.source_id from audit_chain a where a.org_id = ? and a.source = 'view'
         and not exists (select 1 from case_views v where v.id = a.source_id)`,
      org.id,
    ))!.source_id;
    const last = (await firstRow<{ id: number }>(
      "select max(source_id) as id from audit_chain where org_id = ? and source = 'view'",
      other.id,
    ))!.id;
    expect(freed).toBeLessThan(last);
    const staff = (await firstRow<{ id: number }>(
      'select id from staff_members where org_id = ?',
      other.id,
    ))!;
    await execute(
      "insert into case_views (id, org_id, complaint_id, staff_id, via, at) values (?, ?, ?, ?, 'liff', 1)",
      freed,
      other.id,
      (await complaintOf(other.id))!,
      staff.id,
    );
    await sealAll();
    expect(await verify(other.id)).toMatchObject({
      ok: false,
      broken: { seq: null, source: 'view', sourceId: freed, problem: 'unsealed' },
    });
    await execute('delete from case_views where id = ?', freed);
    expect(await verify(other.id)).toMatchObject({ ok: true });
  });

  it('an edited chain hash breaks the link at that row, a deleted chain row at the next', async () => {
    const chained = await verify(other.id);
    expect(chained.ok).toBe(true);
    await execute('update audit_chain set hash = ? where org_id = ? and seq = 3', 'f'.repeat(64), other.id);
    expect(await verify(other.id)).toMatchObject({ ok: false, rows: 2, broken: { seq: 3, problem: 'link' } });
    await execute('delete from audit_chain where org_id = ? and seq = 3', other.id);
    expect(await verify(other.id)).toMatchObject({ ok: false, broken: { seq: 4, problem: 'link' } });
  });
});
