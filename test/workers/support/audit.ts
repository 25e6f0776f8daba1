import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { verifyChain } from '../../../worker/audit/chain';
import { assembleChain, chainQueries } from '../../../worker/audit/chain-data';
import { sealAuditChain } from '../../../worker/audit/seal';
import type { TestOrg } from '../../fixtures/demo-org';
import { anonymousReport, filed, formUser, newKey } from './complaint-form';
import { allRows, execute, firstRow } from './db';
import { enrollStaff } from './roster';
import { asUser } from './staff-api';

/** Verifies an organisation's chain as tools/audit-verify.ts does, reading the local D1. */
export async function verifyOrg(orgId: number) {
  const q = chainQueries(orgId);
  const [chain, events, views] = await Promise.all([allRows(q.chain), allRows(q.events), allRows(q.views)]);
  // biome-ignore lint/suspicious/noExplicitAny: rows as D1 answers them.
  const { rows, strays } = assembleChain(chain as any, events as any, views as any);
  return verifyChain(rows, strays);
}

/** The first complaint of an organisation, or null. */
export const complaintOf = async (orgId: number) =>
  (await firstRow<{ id: number }>('select id from complaints where org_id = ? order by id limit 1', orgId))
    ?.id ?? null;

/** Writes `n` staff notes on a case, a millisecond apart. */
export async function addEvents(orgId: number, complaintId: number, n: number, at = Date.now()) {
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

/** Writes `n` LIFF openings of a case by the organisation's first staff member. */
export async function addViews(orgId: number, complaintId: number, n: number, at = Date.now()) {
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

/** Runs the sealer until nothing is left; how many rows it sealed. */
export async function sealAll(): Promise<number> {
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

/**
 * In each organisation: a real filing (its own events) and a real opening by an integrity officer (an
 * access row), then a few more notes and openings.
 */
export async function seedAuditRows(orgs: TestOrg[]): Promise<void> {
  for (const o of orgs) {
    const { integrity } = await enrollStaff(o, { integrity: 'integrity' });
    const key = newKey();
    expect((await (await formUser(o.slug)).submit(anonymousReport(key))).status).toBe(201);
    const complaintId = (await filed(key)).complaints[0].id as number;
    expect((await asUser(o.slug, integrity.userId, `/cases/${complaintId}`)).status).toBe(200);
    await addEvents(o.id, complaintId, 5);
    await addViews(o.id, complaintId, 3);
  }
}
