import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { verifyChain } from '../../worker/audit/chain';
import { assembleChain, chainQueries } from '../../worker/audit/chain-data';
import { sealAuditChain } from '../../worker/audit/seal';
import { useOrg } from '../fixtures/demo-org';
import { anonymousReport, filed, formUser, newKey } from './support/complaint-form';
import { allRows, countRows, execute, firstRow } from './support/db';
import { enrollStaff } from './support/roster';
import { asUser } from './support/staff-api';
import { testEnv } from './support/worker';

// The audit chain (worker/audit): sealing by the cron, exactly once, and verification that names the
// first row edited or deleted in D1 after it was sealed.
const org = useOrg('trang');
const other = useOrg('lampang');

async function verify(orgId = org.id) {
  const q = chainQueries(orgId);
  const [chain, events, views] = await Promise.all([allRows(q.chain), allRows(q.events), allRows(q.views)]);
  // biome-ignore lint/suspicious/noExplicitAny: rows as D1 answers them.
  const { rows, strays } = assembleChain(chain as any, events as any, views as any);
  return verifyChain(rows, strays);
}

const complaintOf = async (orgId: number) =>
  (await firstRow<{ id: number }>('select id from complaints where org_id = ? order by id limit 1', orgId))
    ?.id ?? null;

async function addEvents(orgId: number, complaintId: number, n: number, at = Date.now()) {
  for (let i = 0; i < n; i++) {
    await execute(
      `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, note)
       values (?, ?, ?, 'staff', '1', 'note_added', ?)`,
      complaintId,
      orgId,
      at + i,
      `บันทึก ${i}`,
    );
  }
}

async function addViews(orgId: number, complaintId: number, n: number, at = Date.now()) {
  const staff = await firstRow<{ id: number }>(
    'select id from staff_members where org_id = ? limit 1',
    orgId,
  );
  for (let i = 0; i < n; i++) {
    await execute(
      "insert into case_views (org_id, complaint_id, staff_id, via, at) values (?, ?, ?, 'liff', ?)",
      orgId,
      complaintId,
      staff!.id,
      at + i,
    );
  }
}

async function sealAll(): Promise<number> {
  let total = 0;
  for (
    let n = await sealAuditChain(env.DB, Date.now());
    n > 0;
    n = await sealAuditChain(env.DB, Date.now())
  ) {
    total += n;
  }
  return total;
}

beforeAll(async () => {
  for (const o of [org, other]) {
    // A real filing (its own events) and a real opening by an integrity officer (an access row).
    const { integrity } = await enrollStaff(o, { integrity: 'integrity' });
    const key = newKey();
    expect((await (await formUser(o.slug)).submit(anonymousReport(key))).status).toBe(201);
    const complaintId = (await filed(key)).complaints[0].id as number;
    expect((await asUser(o.slug, integrity.userId, `/cases/${complaintId}`)).status).toBe(200);
    await addEvents(o.id, complaintId, 5);
    await addViews(o.id, complaintId, 3);
  }
}, 60_000);

describe('sealing', () => {
  it('two overlapping runs seal every row exactly once, in order, per organisation', async () => {
    const sources = (await countRows('complaint_events')) + (await countRows('case_views'));
    let sealed = 0;
    let lost = 0;
    for (;;) {
      // Small batches so the overlap happens many times over.
      const [a, b] = await Promise.all([sealAuditChain(env.DB, 1, 4), sealAuditChain(env.DB, 2, 4)]);
      if (a + b === 0) break;
      sealed += a + b;
      if (a === 0 || b === 0) lost++;
    }
    // The count each run reports is what it inserted: a row sealed twice would be counted twice.
    expect(sealed).toBe(sources);
    expect(await countRows('audit_chain')).toBe(sources);
    expect(lost).toBeGreaterThan(0);
    const dup = await allRows('select source, source_id from audit_chain group by 1, 2 having count(*) > 1');
    expect(dup).toEqual([]);
    for (const o of [org, other]) {
      const seqs = await allRows<{ seq: number }>(
        'select seq from audit_chain where org_id = ? order by seq',
        o.id,
      );
      expect(seqs.map((s) => s.seq)).toEqual(seqs.map((_, i) => i + 1));
      // In order: by the source rows' time, and within a source by id.
      const order = await allRows<{ at: number; source: string; id: number }>(
        `select coalesce(e.at, v.at) as at, a.source, a.source_id as id from audit_chain a
         left join complaint_events e on a.source = 'event' and e.id = a.source_id
         left join case_views v on a.source = 'view' and v.id = a.source_id
         where a.org_id = ? order by a.seq`,
        o.id,
      );
      for (const source of ['event', 'view']) {
        const ids = order.filter((r) => r.source === source).map((r) => r.id);
        expect(ids).toEqual([...ids].sort((x, y) => x - y));
      }
      expect(await verify(o.id)).toEqual({ ok: true, rows: seqs.length });
    }
  });

  it('the cron seals what was written since, after the head', async () => {
    const before = await countRows('audit_chain', 'org_id = ?', org.id);
    await addEvents(org.id, (await complaintOf(org.id))!, 2);
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }),
      testEnv,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(await countRows('audit_chain', 'org_id = ?', org.id)).toBe(before + 2);
    expect(await verify()).toEqual({ ok: true, rows: before + 2 });
  });
});

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
