import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { bangkokDate } from '../../lib/thai-date';
import { closedDates, nextProgressDate } from '../../worker/calendar/deadlines';
import { addWorkingDays } from '../../worker/calendar/working-days';
import { deliverComplainantNotices } from '../../worker/cases/complainant-notices';
import { createDb } from '../../worker/db/client';
import { enqueueProgressNotices, pushFrom } from '../../worker/notices/progress-notices';
import { lineForOrg } from '../../worker/orgs/org-line';
import { useOrg } from '../fixtures/demo-org';
import { fileFormGrievance, staffAct } from './support/case-lifecycle';
import { conversation, platformApi, type SentMessage } from './support/line';
import { enroll } from './support/staff';
import { testEnv } from './support/worker';

// Every 15 working days while a case is open the complainant hears how it stands (domain brief), from the
// cron, exactly once per period; never after the case is closed.
const org = useOrg('mueang-chan');
let adminId: number;

// 09:00 and 12:00 Bangkok on a Thai date.
const at = (date: string, hour = 9) => Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);
const db = () => createDb(env.DB);

async function deliver(now: number) {
  const keyring = await keyringFromEnv(env);
  const target = (await lineForOrg(testEnv, db(), keyring, org.id))!;
  await deliverComplainantNotices({ db: db(), keyring, now, lineFor: async () => target.line });
}

const progressTo = async (userId: string) =>
  (await platformApi<SentMessage[]>(`/_platform/messages?channel=${org.slug}&chat=${userId}`))
    .map((m) => m.message.text ?? '')
    .filter((t) => t.startsWith('ความคืบหน้าเรื่องเลขรับ') && t.includes('สถานะ'));

const noticesOf = (caseId: number) =>
  env.DB.prepare(
    "select status from complainant_notices where complaint_id = ? and kind = 'progress' order by id",
  )
    .bind(caseId)
    .all<{ status: string }>()
    .then((r) => r.results.map((x) => x.status));

// Cases filed on 3 Dec 2569 (a Thursday): result (and first progress) date 28 Dec 2569 (5 Dec is a Saturday,
// its substitution day Monday 7 Dec), the next 15 working days later across New Year: 20 Jan 2570.
async function fileOn3December() {
  const c = await fileFormGrievance(org);
  const filedAt = at('2026-12-03', 10);
  await env.DB.prepare(
    "update complaints set created_at = ?, result_due_on = '2026-12-28', progress_due_on = '2026-12-28' where id = ?",
  )
    .bind(filedAt, c.id)
    .run();
  return c;
}

beforeAll(async () => {
  adminId = (await enroll(org.slug, org.id, ['admin'])).staffId;
}, 60_000);

describe('progress notices every 15 working days', () => {
  it('at 15 and 30 working days: once each, pushed from noon, even when two runs overlap', async () => {
    const c = await fileOn3December();
    expect(await enqueueProgressNotices(db(), at('2026-12-25'))).toBe(0);
    await Promise.all([
      enqueueProgressNotices(db(), at('2026-12-28')),
      enqueueProgressNotices(db(), at('2026-12-28')),
    ]);
    await enqueueProgressNotices(db(), at('2026-12-28', 10));
    expect(await noticesOf(c.id)).toEqual(['pending']);
    await deliver(at('2026-12-28', 11));
    expect(await progressTo(c.userId)).toEqual([]);
    await deliver(at('2026-12-28', 12));
    const first = await progressTo(c.userId);
    expect(first).toHaveLength(1);
    expect(first[0]).toContain(c.code);
    expect(first[0]).toContain('สถานะ: ได้รับเรื่องแล้ว รอเจ้าหน้าที่ตอบรับ');
    expect(first[0]).toContain('ภายใน 20 ม.ค. 2570');
    await enqueueProgressNotices(db(), at('2027-01-19'));
    expect(await noticesOf(c.id)).toEqual(['sent']);
    await enqueueProgressNotices(db(), at('2027-01-20'));
    await deliver(at('2027-01-20', 13));
    const both = await progressTo(c.userId);
    expect(both).toHaveLength(2);
    expect(both[1]).toContain('ภายใน 10 ก.พ. 2570');
  });

  it('none after closure; a notice waiting for noon is dropped when staff tell the complainant first', async () => {
    const closedEarly = await fileOn3December();
    await staffAct(org, adminId, closedEarly.id, { action: 'accept' });
    await staffAct(org, adminId, closedEarly.id, { action: 'close', outcome: 'resolved', summary: 'ซ่อมแล้ว' });
    const closedAtTen = await fileOn3December();
    await enqueueProgressNotices(db(), at('2026-12-28'));
    expect(await noticesOf(closedEarly.id)).toEqual([]);
    expect(await noticesOf(closedAtTen.id)).toEqual(['pending']);
    await staffAct(org, adminId, closedAtTen.id, { action: 'accept' });
    await staffAct(org, adminId, closedAtTen.id, { action: 'close', outcome: 'resolved', summary: 'ซ่อมแล้ว' });
    await deliver(at('2026-12-28', 13));
    expect(await noticesOf(closedAtTen.id)).toEqual(['skipped']);
    expect(await progressTo(closedAtTen.userId)).toEqual([]);
    await enqueueProgressNotices(db(), at('2027-01-20'));
    expect(await noticesOf(closedAtTen.id)).toEqual(['skipped']);
  });

  it('a complainant who writes before noon gets it free in the reply, and it is not pushed again', async () => {
    const c = await fileOn3December();
    await enqueueProgressNotices(db(), at('2026-12-28'));
    const answer = await conversation(org.slug, { type: 'user', userId: c.userId }).say('สวัสดีครับ');
    const replied = answer.filter((m) => m.via === 'reply').map((m) => m.message.text ?? '');
    expect(replied.some((t) => t.startsWith(`ความคืบหน้าเรื่องเลขรับ ${c.code}`))).toBe(true);
    expect(await noticesOf(c.id)).toEqual(['sent']);
    await deliver(at('2026-12-28', 13));
    const pushed = (
      await platformApi<SentMessage[]>(`/_platform/messages?channel=${org.slug}&chat=${c.userId}`)
    )
      .filter((m) => m.via === 'push')
      .map((m) => m.message.text ?? '');
    expect(pushed.filter((t) => t.includes('สถานะ'))).toEqual([]);
  });

  it('news waiting for the merge window rides free in the reply; a question never does', async () => {
    const c = await fileFormGrievance(org);
    await staffAct(org, adminId, c.id, { action: 'accept' });
    const updated = await staffAct(org, adminId, c.id, { action: 'update', message: 'ช่างสำรวจแล้ว' });
    expect(updated.ok && updated.sendsAt).not.toBeNull();
    const answer = await conversation(org.slug, { type: 'user', userId: c.userId }).say('สวัสดีครับ');
    const replied = answer.filter((m) => m.via === 'reply').map((m) => m.message.text ?? '');
    expect(replied.some((t) => t.includes('ช่างสำรวจแล้ว'))).toBe(true);
    const kinds = await env.DB.prepare(
      'select kind, status from complainant_notices where complaint_id = ? order by id',
    )
      .bind(c.id)
      .all();
    expect(kinds.results).toEqual([
      { kind: 'accepted', status: 'sent' },
      { kind: 'update', status: 'sent' },
    ]);
    // Nothing is left for the window's end.
    await deliver(Date.now() + 11 * 60_000);
    const pushed = (
      await platformApi<SentMessage[]>(`/_platform/messages?channel=${org.slug}&chat=${c.userId}`)
    ).filter((m) => m.via === 'push');
    expect(pushed.map((m) => m.message.text ?? '').filter((t) => t.includes('ช่างสำรวจแล้ว'))).toEqual([]);
    // A question is pushed at once (its push opens the wait for the answer), so it is never left to a reply.
    await env.DB.prepare(
      `insert into complainant_notices (org_id, complaint_id, kind, message, source_key, await_reply_by,
         next_attempt_at, created_at) values (?, ?, 'ask_info', ?, ?, ?, ?, ?)`,
    )
      .bind(
        org.id,
        c.id,
        JSON.stringify({ type: 'text', text: 'คำถามที่ค้าง' }),
        `test-q:${c.id}`,
        adminId,
        Date.now() + 60_000,
        Date.now(),
      )
      .run();
    const again = await conversation(org.slug, { type: 'user', userId: c.userId }).say('สวัสดีครับ');
    expect(again.map((m) => m.message.text ?? '').some((t) => t.includes('คำถามที่ค้าง'))).toBe(false);
  });

  it('a reopened case starts a new 15 working days', async () => {
    const c = await fileOn3December();
    await staffAct(org, adminId, c.id, { action: 'accept' });
    await staffAct(org, adminId, c.id, { action: 'close', outcome: 'resolved', summary: 'ซ่อมแล้ว' });
    await staffAct(org, adminId, c.id, { action: 'reopen' });
    const row = await env.DB.prepare('select progress_due_on from complaints where id = ?')
      .bind(c.id)
      .first();
    const { results } = await env.DB.prepare('select date, org_id from holidays').all<{
      date: string;
      org_id: null;
    }>();
    const closed = closedDates(
      results.map((r) => ({ date: r.date, orgId: r.org_id })),
      org.id,
    );
    expect(row!.progress_due_on).toBe(addWorkingDays(bangkokDate(Date.now()), 15, closed));
  });
});

describe('progress dates (pure)', () => {
  const holidays = closedDates(
    [
      { date: '2026-12-31', orgId: null },
      { date: '2027-01-01', orgId: null },
      { date: '2027-04-13', orgId: null },
      { date: '2027-04-14', orgId: null },
      { date: '2027-04-15', orgId: null },
      { date: '2027-01-04', orgId: 9 },
    ],
    3,
  );
  it.each([
    ['the next period from the date due', '2026-12-28', '2026-12-28', '2027-01-20'],
    ['a cron that missed a whole period promises a future date', '2026-12-28', '2027-01-25', '2027-02-10'],
    ['across Songkran', '2027-04-01', '2027-04-01', '2027-04-27'],
  ])('%s', (_name, dueOn, today, expected) => {
    expect(nextProgressDate(dueOn, today, holidays)).toBe(expected);
  });
  it.each([
    ['09:00 Bangkok → noon', at('2026-12-28', 9), at('2026-12-28', 12)],
    ['after noon → at once', at('2026-12-28', 15), at('2026-12-28', 15)],
  ])('pushed from %s', (_name, now, expected) => {
    expect(pushFrom(now)).toBe(expected);
  });
});

describe('the outbox under trouble', () => {
  const addNotice = (caseId: number, text: string, fields: { attempts?: number; dueAt: number }) =>
    env.DB.prepare(
      `insert into complainant_notices (org_id, complaint_id, kind, message, source_key, next_attempt_at,
         attempts, created_at) values (?, ?, 'test', ?, ?, ?, ?, ?)`,
    )
      .bind(
        org.id,
        caseId,
        JSON.stringify({ type: 'text', text }),
        `test:${caseId}:${text}`,
        fields.dueAt,
        fields.attempts ?? 0,
        fields.dueAt,
      )
      .run();
  const textsTo = async (userId: string) =>
    (await platformApi<SentMessage[]>(`/_platform/messages?channel=${org.slug}&chat=${userId}`)).map(
      (m) => m.message.text ?? '',
    );

  it('a retry of an earlier notice does not pull forward a progress notice kept for noon', async () => {
    const c = await fileOn3December();
    await enqueueProgressNotices(db(), at('2026-12-28'));
    await addNotice(c.id, `แจ้งซ้ำ ${c.code}`, { attempts: 1, dueAt: at('2026-12-28', 10) });
    await deliver(at('2026-12-28', 10));
    expect(await textsTo(c.userId)).toContain(`แจ้งซ้ำ ${c.code}`);
    expect(await noticesOf(c.id)).toEqual(['pending']);
    expect(await progressTo(c.userId)).toEqual([]);
  });

  it('a notice the outbox has already tried does not ride in a reply as well', async () => {
    const c = await fileOn3December();
    await enqueueProgressNotices(db(), at('2026-12-28'));
    await env.DB.prepare(
      "update complainant_notices set attempts = 1 where complaint_id = ? and kind = 'progress'",
    )
      .bind(c.id)
      .run();
    const answer = await conversation(org.slug, { type: 'user', userId: c.userId }).say('สวัสดีครับ');
    expect(answer.some((m) => (m.message.text ?? '').startsWith('ความคืบหน้าเรื่องเลขรับ'))).toBe(false);
    expect(await noticesOf(c.id)).toEqual(['pending']);
  });

  it('one case that cannot be sent never holds up the others; a missing channel backs off', async () => {
    const broken = await fileFormGrievance(org);
    const fine = await fileFormGrievance(org);
    const now = Date.now() + 60 * 60_000;
    // A vault entry that no key opens: the push for this case throws.
    await env.DB.prepare(
      "update identity_vault set sealed = 'not-a-sealed-box' where id = (select vault_id from complaints where id = ?)",
    )
      .bind(broken.id)
      .run();
    await addNotice(broken.id, `ค้าง ${broken.code}`, { dueAt: now });
    await addNotice(fine.id, `ถึงแล้ว ${fine.code}`, { dueAt: now });
    await deliver(now);
    expect(await textsTo(fine.userId)).toContain(`ถึงแล้ว ${fine.code}`);
    const stuck = await env.DB.prepare(
      "select status, attempts, last_error, next_attempt_at from complainant_notices where complaint_id = ? and kind = 'test'",
    )
      .bind(broken.id)
      .first<{ status: string; attempts: number; last_error: string; next_attempt_at: number }>();
    expect(stuck).toMatchObject({ status: 'pending', attempts: 1, last_error: 'LINE answered 0' });
    expect(stuck!.next_attempt_at).toBeGreaterThan(now);

    const other = await fileFormGrievance(org);
    await addNotice(other.id, `ไม่มีช่องทาง ${other.code}`, { dueAt: now });
    const keyring = await keyringFromEnv(env);
    await deliverComplainantNotices(
      { db: db(), keyring, now, lineFor: async () => null },
      { complaintId: other.id },
    );
    const held = await env.DB.prepare(
      "select status, attempts, next_attempt_at from complainant_notices where complaint_id = ? and kind = 'test'",
    )
      .bind(other.id)
      .first<{ status: string; attempts: number; next_attempt_at: number }>();
    expect(held).toMatchObject({ status: 'pending', attempts: 1 });
    expect(held!.next_attempt_at).toBeGreaterThan(now);
  });
});
