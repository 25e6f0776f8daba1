import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { deliverDueNotices } from '../../worker/notices/notify-new-case';
import { textOf } from './support/complaint';
import { resident, toSummary } from './support/complaint-steps';
import { billableTo, deskGroup, lastSeq, messagesIn } from './support/staff';
import { testEnv } from './support/worker';
import { fileComplaint } from './support/file-complaint';
import { useStaff } from './support/roster';
import { allRows, execute, firstRow } from './support/db';

const org = useOrg('mueang-chan');

const { admin, light1, light2, health, integrity1, integrity2, executive } = useStaff(org, {
  admin: 'admin',
  light1: { roles: ['officer'], unit: 'engineering' },
  light2: { roles: ['officer'], unit: 'engineering' },
  health: { roles: ['officer'], unit: 'health' }, // officer of another unit
  integrity1: 'integrity',
  integrity2: 'integrity',
  executive: 'executive',
});
const lights = [light1, light2]; // officers of กองช่าง (street lights are theirs)
const integrity = [integrity1, integrity2];
let desk: Awaited<ReturnType<typeof deskGroup>>;
let everyone: string[];

beforeAll(async () => {
  // A desk of 8 members: LINE bills a group push 8 times.
  desk = await deskGroup(org.slug, admin, [admin.userId, lights[0]!.userId, lights[1]!.userId], 8);
  everyone = [desk.groupId, ...[admin, ...lights, health, ...integrity, executive].map((s) => s.userId)];
}, 30_000);

/** Files `n` grievances about street lights; their tracking codes. */
async function fileGrievances(n: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) codes.push((await fileComplaint(org.slug)).code);
  return codes;
}

/** Who received what since `since`: chat id → alt texts / texts. */
async function received(since: number) {
  const out: Record<string, string> = {};
  for (const chatId of everyone) {
    const got = await messagesIn(org.slug, chatId, since);
    if (got.length > 0) out[chatId] = textOf(got);
  }
  return out;
}

describe('new-case notifications and what each policy costs', () => {
  it('group policy: a grievance goes to the desk group only, as a card with action buttons', async () => {
    const since = await lastSeq(org.slug);
    const [code] = await fileGrievances(1);
    const got = await received(since);
    expect(Object.keys(got)).toEqual([desk.groupId]);
    expect(got[desk.groupId]).toContain(`เรื่องร้องทุกข์ใหม่ ${code}`);
    const [card] = await messagesIn(org.slug, desk.groupId, since);
    expect(card!.via).toBe('push');
    expect(JSON.stringify(card!.message)).toContain('รับเรื่อง');
    expect(await billableTo(org.slug, everyone, since)).toBe(8);
  });

  it('a corruption report goes 1:1 to the integrity officers only, never to the desk', async () => {
    const since = await lastSeq(org.slug);
    const reporter = resident(org.slug);
    await toSummary(reporter, 'corruption');
    await reporter.tap('ยืนยันส่งเรื่อง');
    const got = await received(since);
    expect(Object.keys(got).sort()).toEqual(integrity.map((i) => i.userId).sort());
    for (const text of Object.values(got)) {
      expect(text).toContain('เรื่องร้องเรียนการทุจริตใหม่');
      expect(text).toContain('ไม่เปิดเผยตัวตน');
      expect(text).not.toContain(reporter.userId);
    }
    const requests = await (
      await fetch(
        `${testEnv.LINE_API_BASE}/_platform/requests?channel=${org.slug}&since=${since}&kind=multicast`,
      )
    ).json<{ chatIds: string[] }[]>();
    expect(requests.map((r) => r.chatIds.sort())).toEqual([integrity.map((i) => i.userId).sort()]);
    expect(await billableTo(org.slug, everyone, since)).toBe(2);
  });

  it('the cost of three grievances under each policy: group 24, unit officers 6, digest 8', async () => {
    const costs: Record<string, number> = {};
    for (const [word, policy] of [
      ['กลุ่ม', 'group'],
      ['หน่วยงาน', 'unit_officers'],
      ['สรุป', 'digest'],
    ] as const) {
      expect(textOf(await admin.say(`ตั้งค่าแจ้งเตือน ${word}`))).toContain('ตั้งค่าการแจ้งเรื่องร้องทุกข์ใหม่');
      const since = await lastSeq(org.slug);
      const codes = await fileGrievances(3);
      if (policy === 'digest') {
        expect(await received(since)).toEqual({});
        const held = await firstRow(
          "select count(*) as n from staff_notices where route = 'digest' and status = 'pending' and next_attempt_at > ?",
          Date.now(),
        );
        expect(held).toEqual({ n: 3 });
        // The digest time comes (the cron runs it).
        await execute(
          "update staff_notices set next_attempt_at = 0 where route = 'digest' and status = 'pending'",
        );
        await deliverDueNotices(testEnv);
        const got = await received(since);
        expect(Object.keys(got)).toEqual([desk.groupId]);
        expect(got[desk.groupId]).toContain('สรุปเรื่องร้องทุกข์ใหม่ 3 เรื่อง');
        for (const code of codes) expect(got[desk.groupId]).toContain(code);
      }
      if (policy === 'unit_officers') {
        const got = await received(since);
        expect(Object.keys(got).sort()).toEqual(lights.map((o) => o.userId).sort());
      }
      costs[policy] = await billableTo(org.slug, everyone, since);
    }
    expect(costs).toEqual({ group: 24, unit_officers: 6, digest: 8 });
    const rows = await allRows(
      'select route, count(*) as n, sum(recipients) as chats from staff_notices group by route order by route',
    );
    expect(rows).toEqual([
      { route: 'digest', n: 3, chats: 3 },
      { route: 'group', n: 4, chats: 4 },
      { route: 'integrity', n: 1, chats: 2 },
      { route: 'unit_officers', n: 3, chats: 6 },
    ]);
  }, 60_000);

  it('without a desk, the group policy falls back to the unit officers', async () => {
    await admin.say('ตั้งค่าแจ้งเตือน กลุ่ม');
    await desk.inGroup(admin.userId).send([{ type: 'leave' }]);
    const since = await lastSeq(org.slug);
    await fileGrievances(1);
    expect(Object.keys(await received(since)).sort()).toEqual(lights.map((o) => o.userId).sort());
  });
});
