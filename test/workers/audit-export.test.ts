import { beforeAll, describe, expect, it } from 'vitest';
import { GENESIS, linkHash } from '../../worker/audit/chain';
import { CSV_HEADER } from '../../worker/audit/chain-csv';
import { useOrg } from '../fixtures/demo-org';
import { sealAll } from './support/audit';
import { filed, formUser, newKey } from './support/complaint-form';
import { allRows, execute, firstRow } from './support/db';
import { bearer, mintIdToken } from './support/liff';
import { newUserId } from './support/line';
import { enrollStaff, type Member } from './support/roster';
import { asUser } from './support/staff-api';
import { callWorker } from './support/worker';

// The admins' export of the audit chain (worker/http/routes/staff-audit.ts).
const org = useOrg('chanthaburi');
const other = useOrg('lampang');
const NAME = 'สมศรี กล้าแจ้ง';
const PHONE = '0812223344';
const reporter = newUserId();
let admin: Member;
let officer: Member;
let integrity: Member;
let otherAdmin: Member;
let code = '';

async function exportAs(m: Member, slug = org.slug) {
  const token = await mintIdToken({ channel: slug, userId: m.userId });
  const response = await callWorker(`/api/orgs/${slug}/staff/audit-chain`, { headers: bearer(token) });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

beforeAll(async () => {
  ({ admin, officer, integrity } = await enrollStaff(org, {
    admin: 'admin',
    officer: { roles: ['officer'], unit: 'engineering' },
    integrity: 'integrity',
  }));
  ({ admin: otherAdmin } = await enrollStaff(other, { admin: 'admin' }));
  const key = newKey();
  const answer = await (await formUser(org.slug, reporter)).submit({
    submissionKey: key,
    consent: true,
    track: 'corruption',
    categoryCode: 'procurement',
    description: 'ล็อกสเปกงานจัดซื้อ',
    identity: { mode: 'confidential', name: NAME, phone: PHONE },
  });
  expect(answer.status).toBe(201);
  const complaint = (await filed(key)).complaints[0];
  code = complaint.code;
  expect((await asUser(org.slug, integrity.userId, `/cases/${complaint.id}`)).status).toBe(200);
  const reveal = await asUser(org.slug, integrity.userId, `/cases/${complaint.id}/reporter-contact`, {
    body: { reason: 'ต้องการโทรสอบถามรายละเอียดเพิ่มเติม' },
  });
  expect(reveal.json).toEqual({ name: NAME, phone: PHONE });
  // A resident may type their name and phone into what they add to a case: notes stay out of the file.
  await execute(
    `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, note)
     values (?, ?, ?, 'resident', 'reporter', 'info_added', ?)`,
    complaint.id,
    org.id,
    Date.now(),
    `ผม ${NAME} โทร ${PHONE}`,
  );
  await sealAll();
}, 60_000);

describe('GET /staff/audit-chain', () => {
  it('answers admins the sealed chain as CSV, never cached, without the reporter', async () => {
    const sealed = await allRows('select * from audit_chain where org_id = ? order by seq', org.id);
    const answer = await exportAs(admin);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('cache-control')).toContain('no-store');
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-chain-chanthaburi-/,
    );
    expect(answer.headers.get('x-chain-head')).toBe(`${sealed.length}:${sealed.at(-1)!.hash}`);
    const lines = answer.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines).toHaveLength(sealed.length + 1);
    for (const secret of [NAME, 'สมศรี', PHONE, reporter]) expect(answer.text).not.toContain(secret);
    const rows = lines.slice(1).map((l) => l.split(','));
    const actions = rows.map((r) => r[4]);
    expect(actions).toEqual(
      expect.arrayContaining(['submitted', 'access_liff', 'access_reveal', 'info_added']),
    );
    expect(rows.find((r) => r[4] === 'access_reveal')![3]).toBe(code);
    // Anyone can check the links from the file alone.
    let prev = GENESIS;
    for (const r of rows) {
      const [seq, source, id, , , , , , , , digest, prevHash, hash] = r;
      expect(prevHash).toBe(prev);
      expect(
        await linkHash({
          seq: Number(seq),
          source: source as 'event',
          source_id: Number(id),
          row_digest: digest!,
          prev_hash: prevHash!,
        }),
      ).toBe(hash);
      prev = hash!;
    }
  });

  it('records the export as an access, sealed into the next export', async () => {
    const before = (await allRows('select * from audit_chain where org_id = ?', org.id)).length;
    await exportAs(admin);
    const view = await firstRow('select * from case_views where org_id = ? order by id desc limit 1', org.id);
    expect(view).toMatchObject({ via: 'export', staff_id: admin.staffId, complaint_id: null, items: before });
    await sealAll();
    const next = await exportAs(admin);
    const last = next.text.trimEnd().split('\r\n').at(-2)!.split(',');
    expect(last.slice(4, 8)).toEqual(['access_export', 'staff', String(admin.staffId), String(before)]);
  });

  it('refuses staff who are not admins, and admins of another organisation', async () => {
    for (const m of [officer, integrity]) {
      const refused = await exportAs(m);
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain('seq,');
    }
    const stranger = await exportAs(otherAdmin, org.slug);
    expect(stranger.status).toBe(403);
    // Their own organisation's export holds none of this one's rows.
    const own = await exportAs(otherAdmin, other.slug);
    expect(own.status).toBe(200);
    expect(own.text).not.toContain(code);
  });
});
