import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintDefaultStatements } from '../../worker/orgs/defaults';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { quotaNudgeText } from '../../worker/notices/held-notices';
import { deliverDueNotices } from '../../worker/notices/notify-new-case';
import { provisionStatements } from '../../worker/orgs/provision';
import { quotaOrg as org } from '../fixtures/quota-organization';
import { person, textOf } from './support/complaint';
import { conversation, platformApi } from './support/line';
import { billableTo, deskGroup, enroll, lastSeq, messagesIn, type StaffChat } from './support/staff';
import { testEnv } from './support/worker';
import { fileComplaint } from './support/file-complaint';
import { enrollStaff, type Member } from './support/roster';
import { allRows, execute, runBatch } from './support/db';

// When the month's LINE messages run out, new-case notices wait (retried, never dead) and staff find the
// cases with a free reply; when messages are back, what is still news goes out once.
let admin: StaffChat;
let lights: StaffChat; // officer of กองช่าง: street lights are theirs
let health: StaffChat; // officer of another unit
let integrity: Member;
let codes: { grievance: string; corruption: string };

const setQuota = (limit: number | null) => platformApi(`/_platform/channels/${org.slug}/quota`, { limit });

const fileOne = async (track: 'grievance' | 'corruption') => (await fileComplaint(org.slug, track)).code;

const notices = () =>
  allRows<{ code: string; status: string; attempts: number; held: number; last_error: string | null }>(
    `select c.code, n.status, n.attempts, n.held_since is not null as held, n.last_error, n.recipients
     from staff_notices n join complaints c on c.id = n.complaint_id where n.org_id = ? order by n.id`,
    org.id,
  );

// The cron's hourly retry, without waiting an hour.
async function retryNow() {
  await execute(
    'update staff_notices set next_attempt_at = 0 where org_id = ? and status = ?',
    org.id,
    'pending',
  );
  await deliverDueNotices(testEnv);
}

beforeAll(async () => {
  const keyring = await keyringFromEnv(env);
  const now = Date.now();
  const statements = [
    ...(await provisionStatements(keyring, org, now)),
    ...complaintDefaultStatements({ id: org.id, kind: org.kind }, now),
  ];
  await runBatch(statements);
  await setQuota(null);
  ({ admin, lights, health, integrity } = await enrollStaff(org, {
    admin: 'admin',
    lights: { roles: ['officer'], unit: 'engineering' },
    health: { roles: ['officer'], unit: 'health' },
    integrity: 'integrity',
  }));
}, 60_000);

afterAll(() => setQuota(null));

describe('new-case notices when the month’s LINE messages have run out', () => {
  it('are held, not failed: retried without ever becoming dead', async () => {
    await setQuota(0);
    const since = await lastSeq(org.slug);
    codes = { grievance: await fileOne('grievance'), corruption: await fileOne('corruption') };
    for (let i = 0; i < 10; i++) await retryNow();
    const rows = await notices();
    expect(rows.map(({ code, status, attempts, held }) => ({ code, status, attempts, held }))).toEqual([
      { code: codes.grievance, status: 'pending', attempts: 0, held: 1 },
      { code: codes.corruption, status: 'pending', attempts: 0, held: 1 },
    ]);
    expect(rows[0]!.last_error).toContain('quota');
    const staff = [admin, lights, health, integrity].map((s) => s.userId);
    expect(await billableTo(org.slug, staff, since)).toBe(0);
    // Those refusals were the point: the staff's next exchanges start after them.
    const seen = await lastSeq(org.slug);
    for (const s of [admin, lights, health, integrity]) s.chat.catchUp(seen);
  });

  it('every answer to staff who may see a held case says how to see it; "เรื่องใหม่" lists them for free', async () => {
    const since = await lastSeq(org.slug);
    expect(textOf(await lights.say('คำสั่งเจ้าหน้าที่'))).toContain(quotaNudgeText);
    expect(textOf(await integrity.say('คำสั่งเจ้าหน้าที่'))).toContain(quotaNudgeText);
    // Neither held case is the health officer's to see: not even the reminder.
    expect(textOf(await health.say('คำสั่งเจ้าหน้าที่'))).not.toContain('โควตา');

    const mine = await lights.say('เรื่องใหม่');
    expect(mine).toHaveLength(1); // the list answers the question: no reminder under it
    expect(mine[0]!.via).toBe('reply');
    expect(textOf(mine)).toContain('เรื่องที่รอรับ 1 เรื่อง');
    expect(textOf(mine)).toContain(codes.grievance);
    expect(textOf(mine)).not.toContain(codes.corruption);
    const theirs = textOf(await integrity.say('เรื่องใหม่'));
    expect(theirs).toContain(codes.corruption);
    expect(theirs).not.toContain(codes.grievance);
    expect(textOf(await health.say('เรื่องใหม่'))).toContain('ไม่มีเรื่องที่รอรับ');
    // The list that showed the corruption case is in the access log, once, with the count; the others are not.
    expect(
      await allRows("select staff_id, items from case_views where via = 'list' and org_id = ?", org.id),
    ).toEqual([{ staff_id: integrity.staffId, items: 1 }]);
    const staff = [admin, lights, health, integrity].map((s) => s.userId);
    expect(await billableTo(org.slug, staff, since)).toBe(0);
  });

  it('in the staff desk group, lists grievances only; in another group, nothing', async () => {
    // An executive may see both cases; in the group only the grievance is shown.
    const boss = await enroll(org.slug, org.id, ['executive']);
    expect(textOf(await boss.say('เรื่องใหม่'))).toContain(codes.corruption);
    const desk = await deskGroup(org.slug, admin, [admin.userId, boss.userId]);
    const inDesk = textOf(await desk.inGroup(boss.userId).say('เรื่องใหม่'));
    expect(inDesk).toContain(codes.grievance);
    expect(inDesk).not.toContain(codes.corruption);
    const groupId = `C${crypto.randomUUID().replace(/-/g, '')}`;
    await platformApi('/_platform/groups', { channel: org.slug, groupId, memberIds: [lights.userId] });
    const elsewhere = textOf(
      await person(conversation(org.slug, { type: 'group', groupId, userId: lights.userId })).say('เรื่องใหม่'),
    );
    expect(elsewhere).not.toContain(codes.grievance);
    expect(elsewhere).toContain('ไม่ใช่กลุ่มรับเรื่อง');
    expect(elsewhere).not.toContain('โควตา'); // other groups may hold residents: nothing of the office's state
    const bossInDesk = desk.inGroup(boss.userId);
    await bossInDesk.say('เรื่องใหม่'); // a fresh chat's first answer holds the group's history too
    expect(textOf(await bossInDesk.say('คำสั่งเจ้าหน้าที่'))).toContain(quotaNudgeText);
  });

  it('go out once when messages are back, except a case someone took meanwhile', async () => {
    expect(textOf(await lights.say(`รับเรื่อง ${codes.grievance}`))).toContain('รับเรื่อง');
    await setQuota(null);
    const since = await lastSeq(org.slug);
    await retryNow();
    await retryNow();
    const rows = await notices();
    expect(rows.map(({ code, status, held }) => ({ code, status, held }))).toEqual([
      { code: codes.grievance, status: 'skipped', held: 0 },
      { code: codes.corruption, status: 'sent', held: 0 },
    ]);
    const card = textOf(await messagesIn(org.slug, integrity.userId, since));
    expect(card).toContain(`เรื่องร้องเรียนการทุจริตใหม่ ${codes.corruption}`);
    expect(await billableTo(org.slug, [integrity.userId, lights.userId, admin.userId], since)).toBe(1);
    // Nothing is held any more: answers are plain again.
    expect(textOf(await integrity.say('คำสั่งเจ้าหน้าที่'))).not.toContain('โควตา');
  });
});
