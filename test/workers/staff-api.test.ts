import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { textOf } from './support/complaint';
import { resident, upToIdentity } from './support/complaint-steps';
import { complaintIdOf, confirmComplaint, fileComplaint } from './support/file-complaint';
import { newUserId } from './support/line';
import { lastSeq, messagesIn } from './support/staff';
import { asUser } from './support/staff-api';
import { callWorker } from './support/worker';
import { demoStaff, type Member, useStaff } from './support/roster';
import { firstRow } from './support/db';
import { setCase } from './support/cases';

const org = useOrg('trang');
const { admin, officer, other, integrity, executive } = useStaff(org, {
  admin: { roles: ['admin'], name: 'แอดมิน' },
  officer: { roles: ['officer'], unit: 'engineering', name: 'ช่างเอ' },
  other: { roles: ['officer'], unit: 'engineering', name: 'ช่างบี' },
  integrity: demoStaff.integrity,
  executive: 'executive',
});
const codes = { g1: '', g2: '', c1: '' };

const file = async (track: 'grievance' | 'corruption', photo = false) => {
  if (!photo) return fileComplaint(org.slug, track);
  const p = resident(org.slug);
  await upToIdentity(p, 'ผู้รับเหมาทิ้งงานถนนแต่เบิกเงินครบ มีรูปถ่ายหน้างาน', 1);
  await p.tap('ไม่เปิดเผยตัวตน');
  return { p, code: await confirmComplaint(p) };
};

beforeAll(async () => {
  codes.g1 = (await file('grievance')).code;
  codes.g2 = (await file('grievance')).code;
  codes.c1 = (await file('corruption', true)).code;
}, 30_000);

describe('staff API', () => {
  it('needs a verified LIFF token of this organisation and active staff', async () => {
    expect((await callWorker(`/api/orgs/${org.slug}/staff/members/me`)).status).toBe(401);
    expect((await asUser(org.slug, newUserId(), '/members/me')).status).toBe(403);
    // A token minted for another organisation's LIFF app.
    expect((await asUser(org.slug, officer.userId, '/members/me', { channel: 'chanthaburi' })).status).toBe(
      401,
    );
    // Staff here are nobody in another organisation.
    expect((await asUser('chanthaburi', officer.userId, '/members/me')).status).toBe(403);
    const me = await asUser(org.slug, officer.userId, '/members/me');
    expect(me.json).toMatchObject({
      org: { slug: org.slug },
      staff: { displayName: 'ช่างเอ', roles: ['officer'] },
    });
    expect(me.headers.get('cache-control')).toBe('private, no-store');
  });

  it('lists only what each role may see', async () => {
    const seen = async (m: Member) =>
      ((await asUser(org.slug, m.userId, '/cases')).json.items as { code: string }[])
        .map((i) => i.code)
        .sort();
    expect(await seen(officer)).toEqual([codes.g1, codes.g2].sort());
    expect(await seen(admin)).toEqual([codes.g1, codes.g2].sort());
    expect(await seen(integrity)).toEqual([codes.c1]);
    expect(await seen(executive)).toEqual([codes.g1, codes.g2, codes.c1].sort());
  });

  it('filters and pages with a keyset cursor, newest or most urgent first', async () => {
    await setCase(codes.g2, { result_due_on: '2020-01-02' });
    const list = (q: string) => asUser(org.slug, executive.userId, `/cases${q}`).then((r) => r.json);
    expect((await list('?track=corruption')).items.map((i: { code: string }) => i.code)).toEqual([codes.c1]);
    expect((await list('?overdue=1')).items.map((i: { code: string }) => i.code)).toEqual([codes.g2]);
    expect((await list('?sort=urgent')).items[0].code).toBe(codes.g2);
    const all: string[] = [];
    let cursor = '';
    for (let i = 0; i < 5; i++) {
      const page = await list(`?limit=1${cursor}`);
      all.push(...page.items.map((x: { code: string }) => x.code));
      if (!page.nextCursor) break;
      cursor = `&cursor=${page.nextCursor}`;
    }
    expect(all).toEqual([codes.c1, codes.g2, codes.g1]);
    expect((await asUser(org.slug, executive.userId, '/cases?limit=500')).status).toBe(400);
  });

  it('opens a case with timeline, allowed actions and short-lived evidence links; corruption openings are audited', async () => {
    const id = await complaintIdOf(codes.c1);
    expect((await asUser(org.slug, officer.userId, `/cases/${id}`)).status).toBe(404);
    const detail = (await asUser(org.slug, integrity.userId, `/cases/${id}`)).json;
    expect(detail.case).toMatchObject({ code: codes.c1, status: 'received', identityMode: 'anonymous' });
    expect(detail.allowed).toEqual(['accept', 'assign', 'close', 'escalate']);
    expect(detail.timeline).toEqual([
      expect.objectContaining({ actor: 'ผู้ร้องเรียน', action: 'submitted', toStatus: 'received' }),
    ]);
    expect(detail.attachments).toHaveLength(1);
    const link = detail.attachments[0].url as string;
    const image = await callWorker(link);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    // Change the signature's first character (to one it is not: 'A' would be a no-op 1 time in 64).
    const forged = link.replace(/sig=(.)/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    expect((await callWorker(forged)).status).toBe(403);
    expect((await callWorker(link.replace(/exp=\d+/, `exp=${Date.now() - 1}`))).status).toBe(403);
    // The link names whose read it is: another staff id breaks the signature.
    expect((await callWorker(link.replace(/by=\d+/, `by=${executive.staffId}`))).status).toBe(403);
    expect((await callWorker(link.replace(`/${org.slug}/`, '/chanthaburi/'))).status).toBe(403);

    await asUser(org.slug, executive.userId, `/cases/${id}`);
    const audit = await asUser(org.slug, admin.userId, '/settings/audit');
    // Newest first: the openings, the evidence file (read by whom its link was signed for), and before
    // them the lists of the earlier tests that showed the corruption case (one row each, with the count).
    const entries = audit.json.items.map(
      (a: { staffName: string; via: string; code: string; items: number }) => [
        a.staffName,
        a.via,
        a.code ?? a.items,
      ],
    );
    expect(entries.slice(0, 3)).toEqual([
      [expect.any(String), 'liff', codes.c1],
      ['ผู้ตรวจ', 'evidence', codes.c1],
      ['ผู้ตรวจ', 'liff', codes.c1],
    ]);
    expect(entries.slice(3)).toContainEqual(['ผู้ตรวจ', 'list', 1]);
    expect(entries.slice(3).every((e: string[]) => e[1] === 'list')).toBe(true);
    expect((await asUser(org.slug, officer.userId, '/settings/audit')).status).toBe(403);
  });

  it('acts with a version check: concurrent accepts give one owner, an old version is a 409', async () => {
    const id = await complaintIdOf(codes.g1);
    const accept = (m: Member) =>
      asUser(org.slug, m.userId, `/cases/${id}/actions`, { body: { action: 'accept', version: 1 } });
    const [a, b] = await Promise.all([accept(officer), accept(other)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    expect(winner.json.case).toMatchObject({ status: 'accepted', version: 2 });
    const loser = a.status === 200 ? b : a;
    expect(loser.json.error).toMatchObject({
      code: 'conflict',
      details: { reason: expect.stringMatching(/stale|already_taken/) },
    });
    const owner = a.status === 200 ? officer : other;

    const since = await lastSeq(org.slug);
    const ask = await asUser(org.slug, owner.userId, `/cases/${id}/actions`, {
      body: { action: 'ask_info', version: 2, message: 'ขอพิกัดเสาไฟที่ดับ' },
    });
    expect(ask.status).toBe(200);
    expect(ask.json.delivered).toBe(true);
    const stale = await asUser(org.slug, owner.userId, `/cases/${id}/actions`, {
      body: { action: 'update', version: 2, message: 'x' },
    });
    expect(stale.status).toBe(409);
    const empty = await asUser(org.slug, owner.userId, `/cases/${id}/actions`, {
      body: { action: 'update', version: 3, message: '  ' },
    });
    expect(empty.status).toBe(422);
    expect(empty.json.error.message).toBe('กรุณาพิมพ์ข้อความ');
    const notMine = await asUser(org.slug, executive.userId, `/cases/${id}/actions`, {
      body: { action: 'update', version: 3, message: 'ผู้บริหารสั่งการ' },
    });
    expect(notMine.status).toBe(403);
    const sent = await firstRow('select count(*) as n from complaint_events where complaint_id = ?', id);
    expect(sent).toEqual({ n: 3 });
    expect(textOf(await messagesIn(org.slug, owner.userId, since))).toBe('');
  });

  it('admins invite, remove (at once) and set the notification policy', async () => {
    const invite = await asUser(org.slug, admin.userId, '/members/invites', { body: { role: 'executive' } });
    expect(invite.status).toBe(201);
    expect(invite.json.command).toBe(`ลงทะเบียนเจ้าหน้าที่ ${invite.json.code}`);
    expect(
      (await asUser(org.slug, admin.userId, '/members/invites', { body: { role: 'officer' } })).status,
    ).toBe(422);
    expect(
      (await asUser(org.slug, officer.userId, '/members/invites', { body: { role: 'admin' } })).status,
    ).toBe(403);

    expect(
      (await asUser(org.slug, admin.userId, `/members/${other.staffId}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await asUser(org.slug, other.userId, '/cases')).status).toBe(403);
    const members = await asUser(org.slug, admin.userId, '/members');
    expect(members.json.items.map((m: { id: number }) => m.id)).not.toContain(other.staffId);

    const put = await asUser(org.slug, admin.userId, '/settings', {
      method: 'PUT',
      body: { policy: 'digest' },
    });
    expect(put.json).toEqual({
      policy: 'digest',
      reminderPolicy: 'daily',
      deskBound: false,
      digestTimes: '08:30,13:30',
      retention: { grievance: 365, corruption: 1825 },
      checkinDays: 28,
    });
    expect((await asUser(org.slug, admin.userId, '/settings/units')).json.items.length).toBeGreaterThan(5);
  });
});
