import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { sealAuditChain } from '../../worker/audit/seal';
import { useOrg } from '../fixtures/demo-org';
import { addEvents, complaintOf, seedAuditRows, verifyOrg as verify } from './support/audit';
import { allRows, countRows } from './support/db';
import { testEnv } from './support/worker';

// Sealing the audit chain (worker/audit/seal.ts): exactly once and in order, also when runs overlap.
const org = useOrg('trang');
const other = useOrg('lampang');

beforeAll(() => seedAuditRows([org, other]), 60_000);

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
    expect(await verify(org.id)).toEqual({ ok: true, rows: before + 2 });
  });
});
