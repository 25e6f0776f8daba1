import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../../dev/demo-organizations';
import { holidayUpsertStatements } from '../../worker/calendar/holiday-statements';
import { runStaffSchedules } from '../../worker/notices/schedules';
import { textOf } from './support/complaint';
import { billableTo, enroll, lastSeq, messagesIn, type StaffChat } from './support/staff';
import { testEnv } from './support/worker';

const org = demoOrganizations[1]!; // trang
const ORG_ID = 2;
const at = (local: string) => Date.parse(`${local}+07:00`);
const runs = () =>
  env.DB.prepare(
    "select period, org_id, recipients from scheduled_runs where job = 'holiday_calendar' order by period, org_id",
  )
    .all()
    .then((r) => r.results);

let admin: StaffChat & { staffId: number };
let officer: StaffChat & { staffId: number };
beforeAll(async () => {
  admin = await enroll(org.slug, ORG_ID, ['admin'], { name: 'ผู้ดูแล' });
  officer = await enroll(org.slug, ORG_ID, ['officer'], { unit: 'engineering', name: 'ช่าง' });
}, 30_000);

describe("the warning that next year's holidays are missing", () => {
  it('says nothing while next year is loaded (2570 in November 2569), and closes the year', async () => {
    const since = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2026-11-02T09:00'));
    expect(await billableTo(org.slug, [admin.userId, officer.userId], since)).toBe(0);
    expect(await runs()).toEqual([{ period: '2027', org_id: 0, recipients: null }]);
  });

  it("from 1 November, an organisation's admins hear once that 2571 is missing", async () => {
    const since = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, at('2027-10-29T09:00')); // October: too early
    await runStaffSchedules(testEnv, at('2027-11-01T08:00')); // before office hours
    expect(await billableTo(org.slug, [admin.userId, officer.userId], since)).toBe(0);

    await runStaffSchedules(testEnv, at('2027-11-01T08:31'));
    await runStaffSchedules(testEnv, at('2027-11-01T08:32'));
    await runStaffSchedules(testEnv, at('2027-11-02T10:00'));
    expect(await billableTo(org.slug, [admin.userId], since)).toBe(1);
    expect(await billableTo(org.slug, [officer.userId], since)).toBe(0);
    expect(textOf(await messagesIn(org.slug, admin.userId, since))).toContain(
      'ยังไม่มีปฏิทินวันหยุดราชการปี 2571 ในระบบ',
    );
    expect(await runs()).toEqual([
      { period: '2027', org_id: 0, recipients: null },
      { period: '2028', org_id: ORG_ID, recipients: 1 },
    ]);
  });

  it('once the year is loaded the check closes it', async () => {
    await env.DB.batch(
      holidayUpsertStatements([
        { date: '2028-01-01', name: 'วันขึ้นปีใหม่', kind: 'holiday', source: 'test' },
      ]).map((s) => env.DB.prepare(s.sql).bind(...s.params)),
    );
    await runStaffSchedules(testEnv, at('2027-11-03T09:00'));
    expect(await runs()).toEqual([
      { period: '2027', org_id: 0, recipients: null },
      { period: '2028', org_id: 0, recipients: null },
      { period: '2028', org_id: ORG_ID, recipients: 1 },
    ]);
  });
});
