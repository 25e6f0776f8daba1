import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MERGE_MINUTES } from '../../lib/notice-merge';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { deliverDueComplainantNotices } from '../../worker/cron/scheduled';
import { complaintDefaultStatements } from '../../worker/orgs/defaults';
import { provisionStatements } from '../../worker/orgs/provision';
import { faultsOrganization as org } from '../fixtures/faults-organization';
import { fileFormGrievance, staffAct } from './support/case-lifecycle';
import { platformApi } from './support/line';
import { enroll } from './support/staff';
import { testEnv } from './support/worker';

// Notices to complainants are never lost and never doubled: they wait in an outbox written with the
// case's transition, and every push carries a retry key fixed at its first try.
const ORG_ID = 6;
const ORG = { id: ORG_ID, slug: org.slug, name: org.name };
const HOUR = 60 * 60_000;
let adminId: number;

const setFaults = (faults: Record<string, number>) =>
  platformApi(`/_platform/channels/${org.slug}/faults`, faults);

interface Delivered {
  chatId: string;
  via: string;
  message: { type: string; text?: string };
}

const outbox = () =>
  env.DB.prepare(
    `select status, count(*) as n from complainant_notices where org_id = ? group by status order by status`,
  )
    .bind(ORG_ID)
    .all<{ status: string; n: number }>()
    .then((r) => Object.fromEntries(r.results.map((x) => [x.status, x.n])));

const deliveredTo = async (chatIds: string[]) => {
  const all = await platformApi<Delivered[]>(`/_platform/messages?channel=${org.slug}`);
  const wanted = new Set(chatIds);
  return all.filter((m) => wanted.has(m.chatId));
};

// Cron ticks an hour apart (the longest back-off), each until nothing more is due at that time.
async function runCron(from: number, hours: number) {
  for (let h = 1; h <= hours; h++) {
    const pendingBefore = (await outbox()).pending ?? 0;
    if (pendingBefore === 0) return h - 1;
    for (let i = 0; i < 20; i++) {
      const before = await outbox();
      await deliverDueComplainantNotices(testEnv, from + h * HOUR);
      const after = await outbox();
      if (JSON.stringify(before) === JSON.stringify(after)) break;
    }
  }
  return hours;
}

beforeAll(async () => {
  const keyring = await keyringFromEnv(env);
  const now = Date.now();
  const statements = [
    ...(await provisionStatements(keyring, { id: ORG_ID, ...org }, now)),
    ...complaintDefaultStatements({ id: ORG_ID, kind: org.kind }, now),
  ];
  await env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));
  await platformApi(`/_platform/channels/${org.slug}/quota`, { limit: null });
  adminId = (await enroll(org.slug, ORG_ID, ['admin'])).staffId;
}, 120_000);

afterAll(() => setFaults({}));

describe('notices to complainants', () => {
  it('a failed push is retried by the cron; later notices wait and go out after it, in order', async () => {
    const c = await fileFormGrievance(ORG);
    const now = Date.now();
    await setFaults({ failEvery: 1 });
    const accepted = await staffAct(ORG, adminId, c.id, { action: 'accept' }, now);
    expect(accepted.ok && accepted.delivered).toBe(false);
    const updated = await staffAct(
      ORG,
      adminId,
      c.id,
      { action: 'update', message: 'ช่างจะเข้าซ่อมพรุ่งนี้' },
      now + 1000,
    );
    expect(updated.ok && updated.delivered).toBe(false);
    expect(await outbox()).toEqual({ pending: 2 });
    // The cron's first try of the acceptance fails again: the update must not overtake it.
    await setFaults({ failFirst: 1 });
    await deliverDueComplainantNotices(testEnv, now + HOUR);
    expect(await outbox()).toEqual({ pending: 2 });
    expect(await deliveredTo([c.userId])).toEqual([]);
    await deliverDueComplainantNotices(testEnv, now + 2 * HOUR);
    expect(await outbox()).toEqual({ sent: 2 });
    const got = await deliveredTo([c.userId]);
    expect(got.map((m) => m.message.text?.split('\n')[0])).toEqual([
      expect.stringContaining('รับเรื่องเลขรับ'),
      expect.stringContaining('ความคืบหน้าเรื่องเลขรับ'),
    ]);
    await env.DB.prepare('delete from complainant_notices where org_id = ?').bind(ORG_ID).run();
  });

  it('a lost answer is retried under the same retry key: delivered once', async () => {
    const c = await fileFormGrievance(ORG);
    const now = Date.now();
    await setFaults({ loseAnswerEvery: 1 });
    const accepted = await staffAct(ORG, adminId, c.id, { action: 'accept' }, now);
    expect(accepted.ok && accepted.delivered).toBe(false);
    await setFaults({});
    await deliverDueComplainantNotices(testEnv, now + HOUR);
    expect(await outbox()).toEqual({ sent: 1 });
    expect(await deliveredTo([c.userId])).toHaveLength(1);
    await env.DB.prepare('delete from complainant_notices where org_id = ?').bind(ORG_ID).run();
  });

  it('gives up after 20 hours of failures and says so on the case', async () => {
    const c = await fileFormGrievance(ORG);
    const now = Date.now();
    await setFaults({ failEvery: 1 });
    await staffAct(ORG, adminId, c.id, { action: 'accept' }, now);
    await runCron(now, 21);
    expect(await outbox()).toEqual({ dead: 1 });
    const event = await env.DB.prepare(
      "select actor_type, note from complaint_events where complaint_id = ? and action = 'notice_failed'",
    )
      .bind(c.id)
      .first<{ actor_type: string; note: string }>();
    expect(event).toEqual({ actor_type: 'system', note: 'ส่งข้อความถึงผู้ร้องเรียนไม่สำเร็จ 1 ข้อความ' });
    await setFaults({});
    await env.DB.prepare('delete from complainant_notices where org_id = ?').bind(ORG_ID).run();
  });

  it('news within ten minutes of a push waits and goes out as one push; a question goes at once and takes it along', async () => {
    const c = await fileFormGrievance(ORG);
    const now = Date.now();
    const accepted = await staffAct(ORG, adminId, c.id, { action: 'accept' }, now);
    expect(accepted.ok && [accepted.delivered, accepted.sendsAt]).toEqual([true, null]);
    const update = (message: string, at: number) =>
      staffAct(ORG, adminId, c.id, { action: 'update', message }, at);
    const first = await update('สำรวจจุดที่ไฟดับแล้ว', now + 60_000);
    const second = await update('สั่งหลอดไฟแล้ว', now + 5 * 60_000);
    // Both wait for the end of the window opened by the acceptance's push.
    expect(first.ok && [first.delivered, first.sendsAt]).toEqual([null, now + MERGE_MINUTES * 60_000]);
    expect(second.ok && second.sendsAt).toBe(now + MERGE_MINUTES * 60_000);
    await deliverDueComplainantNotices(testEnv, now + 9 * 60_000);
    expect(await deliveredTo([c.userId])).toHaveLength(1);
    await deliverDueComplainantNotices(testEnv, now + MERGE_MINUTES * 60_000);
    const got = await deliveredTo([c.userId]);
    expect(got.map((m) => m.message.text?.split('\n')[0])).toEqual([
      expect.stringContaining('รับเรื่องเลขรับ'),
      expect.stringContaining('ความคืบหน้าเรื่องเลขรับ'),
      expect.stringContaining('ความคืบหน้าเรื่องเลขรับ'),
    ]);
    expect(got[2]!.message.text).toContain('สั่งหลอดไฟแล้ว');
    const requests = await platformApi<{ kind: string; status: number; body?: { to?: string } }[]>(
      `/_platform/requests?channel=${org.slug}`,
    );
    const pushes = requests.filter((r) => r.kind === 'push' && r.body?.to === c.userId && r.status === 200);
    expect(pushes).toHaveLength(2);

    // A new window from that push: an update waits, then a question goes at once with it, in order.
    const pushedAt = now + MERGE_MINUTES * 60_000;
    const third = await update('ช่างจะเข้าพรุ่งนี้', pushedAt + 60_000);
    expect(third.ok && third.sendsAt).toBe(pushedAt + MERGE_MINUTES * 60_000);
    const asked = await staffAct(
      ORG,
      adminId,
      c.id,
      { action: 'ask_info', message: 'สะดวกให้ช่างเข้าช่วงไหน' },
      pushedAt + 2 * 60_000,
    );
    expect(asked.ok && [asked.delivered, asked.sendsAt]).toEqual([true, null]);
    const last = (await deliveredTo([c.userId])).slice(3).map((m) => m.message.text ?? '');
    expect(last).toEqual([
      expect.stringContaining('ช่างจะเข้าพรุ่งนี้'),
      expect.stringContaining('สะดวกให้ช่างเข้าช่วงไหน'),
    ]);
    expect(await outbox()).toEqual({ sent: 5 });
    await env.DB.prepare('delete from complainant_notices where org_id = ?').bind(ORG_ID).run();
  });

  it('200 lifecycles with half the pushes failing, bursts refused (429) and answers lost: each notice exactly once', async () => {
    const cases = [];
    for (let i = 0; i < 200; i++) cases.push(await fileFormGrievance(ORG));
    const since = Date.now();
    await setFaults({ failEvery: 2, rateLimitEvery: 7, loseAnswerEvery: 5 });
    for (const [i, c] of cases.entries()) {
      const at = since + i * 10;
      await staffAct(ORG, adminId, c.id, { action: 'accept' }, at);
      await staffAct(ORG, adminId, c.id, { action: 'update', message: `ดำเนินการแล้วครึ่งหนึ่ง (${i})` }, at + 1);
      await staffAct(
        ORG,
        adminId,
        c.id,
        { action: 'close', outcome: 'resolved', summary: `ซ่อมไฟเรียบร้อย (${i})` },
        at + 2,
      );
    }
    const hours = await runCron(since, 19);
    expect(await outbox()).toEqual({ sent: 600 });
    const requests = await platformApi<
      { kind: string; status: number; answerLost?: boolean; body?: { to?: string } }[]
    >(`/_platform/requests?channel=${org.slug}`);
    const residents = new Set(cases.map((c) => c.userId));
    const pushes = requests.filter((r) => r.kind === 'push' && residents.has(r.body?.to ?? ''));
    const count = (f: (r: (typeof pushes)[number]) => boolean) => pushes.filter(f).length;
    console.log(
      `fault scenario: ${pushes.length} push calls to complainants (${count((r) => r.status === 200 && !r.answerLost)} ok, ` +
        `${count((r) => r.status === 500)} failed, ${count((r) => r.status === 429)} rate-limited, ` +
        `${count((r) => Boolean(r.answerLost))} answers lost, ${count((r) => r.status === 409)} already accepted); ` +
        `cron hours: ${hours}`,
    );
    expect(count((r) => r.status === 500)).toBeGreaterThan(100);
    expect(count((r) => r.status === 429)).toBeGreaterThan(10);
    expect(count((r) => Boolean(r.answerLost))).toBeGreaterThan(10);
    // Every lost answer was retried under its own key, which LINE had accepted: answered 409, not resent.
    expect(count((r) => r.status === 409)).toBe(count((r) => Boolean(r.answerLost)));
    const got = await deliveredTo([...residents]);
    for (const [i, c] of cases.entries()) {
      const texts = got.filter((m) => m.chatId === c.userId).map((m) => m.message.text ?? '');
      expect(texts, `case ${i}`).toHaveLength(3);
      expect(texts[0]).toContain('รับเรื่องเลขรับ');
      expect(texts[1]).toContain(`ดำเนินการแล้วครึ่งหนึ่ง (${i})`);
      expect(texts[2]).toContain(`ซ่อมไฟเรียบร้อย (${i})`);
    }
  }, 600_000);
});
