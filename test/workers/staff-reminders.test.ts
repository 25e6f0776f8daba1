import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { LATE_ORGS_SQL } from '../../worker/notices/reminders';
import { runStaffSchedules } from '../../worker/notices/schedules';
import { textOf } from './support/complaint';
import { billableTo, lastSeq, messagesIn } from './support/staff';
import { asUser } from './support/staff-api';
import { testEnv } from './support/worker';
import { fileComplaint } from './support/file-complaint';
import { demoStaff, type Member, useStaff } from './support/roster';
import { allRows, execute, firstRow } from './support/db';
import { setCase } from './support/cases';

const org = useOrg('mueang-chan');

const { admin, officer, integrity, boss } = useStaff(org, {
  admin: demoStaff.admin,
  officer: { ...demoStaff.officer, name: 'ช่าง' },
  integrity: demoStaff.integrity,
  boss: demoStaff.executive,
});
const codes: Record<'owned' | 'unaccepted' | 'corruption' | 'fresh' | 'unrouted', string> = {
  unrouted: '',
  owned: '',
  unaccepted: '',
  corruption: '',
  fresh: '',
};

const file = async (track: 'grievance' | 'corruption') => (await fileComplaint(org.slug, track)).code;
const setDue = (code: string, ack: string, result: string) =>
  setCase(code, { acknowledge_due_on: ack, result_due_on: result });
const at = (iso: string) => Date.parse(iso);
const runs = (job: string) =>
  allRows('select period, org_id, recipients from scheduled_runs where job = ? order by org_id', job);

beforeAll(async () => {
  codes.owned = await file('grievance');
  await officer.say(`รับเรื่อง ${codes.owned}`);
  codes.unaccepted = await file('grievance');
  codes.corruption = await file('corruption');
  codes.fresh = await file('grievance');
  await setDue(codes.owned, '2026-11-03', '2026-11-20');
  await setDue(codes.unaccepted, '2026-11-10', '2026-11-30');
  await setDue(codes.corruption, '2026-11-18', '2026-11-19');
  await setDue(codes.fresh, '2026-11-24', '2026-12-10');
  // No unit took it (a category without one): the 1-working-day forward deadline has passed.
  codes.unrouted = await file('grievance');
  await setCase(codes.unrouted, {
    unit_id: null,
    forward_due_on: '2026-11-20',
    acknowledge_due_on: '2026-11-24',
    result_due_on: '2026-12-10',
  });
}, 60_000);

const everyone = () => [admin, officer, integrity, boss].map((m) => m.userId);

describe('overdue reminders from the cron', () => {
  it('Monday 08:30: each handler gets their own late cases once; executives the weekly list', async () => {
    // Before office hours, nothing; and nothing is claimed.
    const early = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2026-11-23T08:00:00+07:00'));
    expect(await billableTo(org.slug, everyone(), early)).toBe(0);
    expect(await runs('overdue')).toEqual([]);

    const since = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2026-11-23T08:31:00+07:00'));
    const toOfficer = textOf(await messagesIn(org.slug, officer.userId, since));
    expect(toOfficer).toContain('วันนี้ท่านมีเรื่องที่เกินกำหนด 2 เรื่อง');
    expect(toOfficer).toContain(codes.owned);
    expect(toOfficer).toContain(codes.unaccepted); // the unit's officer: nobody owns it yet
    expect(toOfficer).toContain('ยังไม่รับเรื่อง เกินกำหนด 13 วัน');
    expect(toOfficer).toContain('เกินกำหนดแจ้งผล 3 วัน');
    expect(toOfficer).not.toContain(codes.corruption);
    expect(toOfficer).not.toContain(codes.fresh);
    const toIntegrity = textOf(await messagesIn(org.slug, integrity.userId, since));
    expect(toIntegrity).toContain(codes.corruption);
    expect(toIntegrity).not.toContain(codes.owned);
    const toBoss = textOf(await messagesIn(org.slug, boss.userId, since));
    expect(toBoss).toContain('สรุปประจำสัปดาห์: มีเรื่องเกินกำหนด 4 เรื่อง (ร้องทุกข์ 3 · ทุจริต 1)');
    // The case no unit has: the admins, who route it.
    const toAdmin = textOf(await messagesIn(org.slug, admin.userId, since));
    expect(toAdmin).toContain(codes.unrouted);
    expect(toAdmin).toContain('ยังไม่ส่งหน่วยงานที่รับผิดชอบ เกินกำหนด 3 วัน');
    expect(toAdmin).not.toContain(codes.owned);
    // One push per person: officer, integrity officer, admin, executive.
    expect(await billableTo(org.slug, everyone(), since)).toBe(4);
    expect(await runs('overdue')).toEqual([
      { period: '2026-11-23', org_id: 0, recipients: null },
      { period: '2026-11-23', org_id: org.id, recipients: 4 },
    ]);

    // Later ticks of the same day send nothing more.
    const again = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2026-11-23T08:32:00+07:00'));
    await runStaffSchedules(testEnv, at('2026-11-23T15:00:00+07:00'));
    expect(await billableTo(org.slug, everyone(), again)).toBe(0);
  });

  it('Tuesday: handlers again, executives not; weekends and the "off" policy send nothing', async () => {
    const since = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2026-11-24T09:00:00+07:00'));
    expect(await billableTo(org.slug, [officer.userId, integrity.userId, admin.userId], since)).toBe(3);
    expect(await billableTo(org.slug, [boss.userId], since)).toBe(0);

    // The organisation's own day off: no reminders that day.
    await execute(
      "insert into holidays (date, org_id, name, kind, source) values ('2026-11-26', ?, 'งานประเพณีท้องถิ่น', 'special', 'test')",
      org.id,
    );
    const ownDay = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2026-11-26T09:00:00+07:00'));
    expect(await billableTo(org.slug, everyone(), ownDay)).toBe(0);

    const weekend = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2026-11-28T09:00:00+07:00'));
    expect(await billableTo(org.slug, everyone(), weekend)).toBe(0);

    const put = (who: Member, body: unknown) =>
      asUser(org.slug, who.userId, '/settings', { method: 'PUT', body });
    expect((await put(officer, { reminderPolicy: 'off' })).status).toBe(403);
    expect((await put(admin, { reminderPolicy: 'hourly' })).status).toBe(422);
    const turnedOff = await put(admin, { reminderPolicy: 'off' });
    expect(turnedOff.json).toMatchObject({ reminderPolicy: 'off', policy: 'group' });
    const event = await firstRow(
      `select from_state, to_state, actor from events where org_id = ? and action = 'reminder_policy'`,
      org.id,
    );
    expect(event).toEqual({ from_state: 'daily', to_state: 'off', actor: `staff:${admin.staffId}` });
    const off = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2026-11-30T09:00:00+07:00'));
    expect(await billableTo(org.slug, everyone(), off)).toBe(0);
    expect((await put(admin, { reminderPolicy: 'daily' })).json.reminderPolicy).toBe('daily');

    // In chat too: weekly means nothing on a Wednesday.
    const chips = await admin.say('ตั้งค่าเตือนเกินกำหนด');
    expect(textOf(chips)).toContain('เตือนผู้รับผิดชอบทุกวันทำการ');
    expect(textOf(await admin.say('ตั้งค่าเตือนเกินกำหนด รายสัปดาห์'))).toContain('"เตือนและสรุปสัปดาห์ละครั้ง"');
    expect(textOf(await officer.say('ตั้งค่าเตือนเกินกำหนด ปิด'))).toContain('เฉพาะผู้ดูแลระบบ');
    const weekly = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2026-11-25T09:00:00+07:00'));
    expect(await billableTo(org.slug, everyone(), weekly)).toBe(0);
    await admin.say('ตั้งค่าเตือนเกินกำหนด ทุกวัน');
  });
});

describe('reading late cases', () => {
  it("the staff list's overdue filter holds what the reminder counts: late to route, to accept, to answer", async () => {
    const page = await asUser(org.slug, admin.userId, '/cases?overdue=1&limit=50');
    const items = page.json.items as { code: string; overdue: boolean }[];
    const codesListed = items.map((i) => i.code);
    expect(codesListed).toEqual(expect.arrayContaining([codes.unrouted, codes.unaccepted, codes.owned]));
    expect(items.every((i) => i.overdue)).toBe(true);
  });

  it('finds the organisations with late cases through partial indexes, never a table scan', async () => {
    const results = await allRows<{ detail: string }>(
      `explain query plan ${LATE_ORGS_SQL}`,
      '2026-11-23',
      '2026-11-23',
      '2026-11-23',
      '2026-11-23',
      20,
    );
    const plan = results.map((r) => r.detail).join('\n');
    expect(plan).toMatch(
      /SEARCH complaints USING (COVERING )?INDEX complaints_open_result_due \(result_due_on<\?\)/,
    );
    expect(plan).toMatch(
      /SEARCH complaints USING (COVERING )?INDEX complaints_received_ack_due \(acknowledge_due_on<\?\)/,
    );
    expect(plan).toMatch(
      /SEARCH complaints USING (COVERING )?INDEX complaints_unrouted_forward_due \(forward_due_on<\?\)/,
    );
    expect(plan).not.toMatch(/SCAN complaints(?! USING)/);
  });
});

describe('the monthly report to executives', () => {
  it('goes out once after 08:30 on the 1st, with last month in it', async () => {
    const early = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2026-12-01T08:00:00+07:00'));
    expect(await billableTo(org.slug, [boss.userId], early)).toBe(0);

    const since = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2026-12-01T08:45:00+07:00'));
    const sent = await messagesIn(org.slug, boss.userId, since);
    const report = sent.find(
      (m) => m.message.type === 'flex' && m.message.altText.startsWith('รายงานประจำเดือน'),
    );
    expect(report?.message.altText).toBe('รายงานประจำเดือน เดือนที่แล้ว');
    expect(JSON.stringify(report?.message.contents)).toContain('1 พ.ย. 2569');
    // Tuesday: the executive's weekly overdue list is not due, so the report is the one push.
    expect(await billableTo(org.slug, [boss.userId], since)).toBe(1);
    const monthly = await runs('monthly_report');
    expect(monthly).toContainEqual({ period: '2026-11', org_id: org.id, recipients: 1 });
    expect(monthly).toContainEqual({ period: '2026-11', org_id: 0, recipients: null });

    const again = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2026-12-01T09:00:00+07:00'));
    await runStaffSchedules(testEnv, at('2026-12-03T09:00:00+07:00'));
    expect(
      (await messagesIn(org.slug, boss.userId, again)).filter((m) =>
        String(m.message.altText ?? '').startsWith('รายงานประจำเดือน'),
      ),
    ).toEqual([]);
  });
});
