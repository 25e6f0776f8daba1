import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { holidayRow } from '../../schema/contracts/holiday';
import { closedDates, complaintDueDates, receiptDate } from '../../worker/calendar/deadlines';
import { holidayUpsertStatements } from '../../worker/calendar/holiday-statements';
import { nationalHolidays } from '../../worker/calendar/thai-holidays';
import { addWorkingDays, isWorkingDay } from '../../worker/calendar/working-days';
import { caseCard } from '../../worker/cases/cards/case-card';
import { getCase } from '../../worker/cases/cases-data';
import { submitComplaint } from '../../worker/complaints/submit';
import { opaqueId } from '../../worker/complaints/tracking-code';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { createDb } from '../../worker/db/client';
import { newUserId } from './support/line';

const national = closedDates(
  nationalHolidays.map((h) => ({ date: h.date, orgId: null })),
  1,
);
// Bangkok wall-clock time of receipt.
const at = (local: string) => Date.parse(`${local}+07:00`);

describe('complaint deadlines over the 2569–2570 calendar', () => {
  it('the issue: received Thu 3 Dec 2569, the 15th working day is 28 Dec (Mon 7 Dec substitutes for Sat 5 Dec)', () => {
    expect(complaintDueDates(at('2026-12-03T10:00'), national)).toEqual({
      forwardDueOn: '2026-12-04',
      acknowledgeDueOn: '2026-12-08',
      resultDueOn: '2026-12-28',
    });
    // Without the substitution day the receipt promised 25 Dec.
    const withoutSubstitution = new Set([...national].filter((d) => d !== '2026-12-07'));
    expect(complaintDueDates(at('2026-12-03T10:00'), withoutSubstitution).resultDueOn).toBe('2026-12-25');
  });

  it.each([
    // name, received (Bangkok), forward, acknowledge, result
    ['Friday morning: counting starts Monday', '2026-11-20T10:00', '2026-11-23', '2026-11-24', '2026-12-15'],
    ['Friday 16:29: still office hours', '2026-11-20T16:29', '2026-11-23', '2026-11-24', '2026-12-15'],
    ['Friday 16:30: counts as received Monday', '2026-11-20T16:30', '2026-11-24', '2026-11-25', '2026-12-16'],
    ['Friday evening: as Monday', '2026-11-20T21:00', '2026-11-24', '2026-11-25', '2026-12-16'],
    ['Saturday: as Monday', '2026-11-21T11:00', '2026-11-24', '2026-11-25', '2026-12-16'],
    ['Sunday night: as Monday', '2026-11-22T23:59', '2026-11-24', '2026-11-25', '2026-12-16'],
    ['Monday 07:00, before opening: that day', '2026-11-23T07:00', '2026-11-24', '2026-11-25', '2026-12-16'],
    ['Wednesday after hours: as Thursday', '2026-11-25T18:00', '2026-11-27', '2026-11-30', '2026-12-21'],
    // Songkran 2569 is Mon 13 – Wed 15 Apr; 1 May is not a government holiday, 4 May (ฉัตรมงคล) is.
    ['Friday before Songkran', '2026-04-10T10:00', '2026-04-16', '2026-04-17', '2026-05-07'],
    [
      'Sunday in the Songkran run: as Thursday 16 Apr',
      '2026-04-12T09:00',
      '2026-04-17',
      '2026-04-20',
      '2026-05-08',
    ],
    ['during Songkran (Tue 14 Apr)', '2026-04-14T10:00', '2026-04-17', '2026-04-20', '2026-05-08'],
    // New Year: Thu 31 Dec 2569 and Fri 1 Jan 2570, then the weekend.
    [
      'Wed 30 Dec 2569, across the year boundary',
      '2026-12-30T10:00',
      '2027-01-04',
      '2027-01-05',
      '2027-01-22',
    ],
    ['New Year’s Eve: as Monday 4 Jan 2570', '2026-12-31T10:00', '2027-01-05', '2027-01-06', '2027-01-25'],
    // วิสาขบูชา on Sun 31 May 2569, substituted Mon 1 Jun; Wed 3 Jun is the Queen's birthday.
    ['Visakha Bucha substitution and 3 Jun', '2026-05-29T10:00', '2026-06-02', '2026-06-04', '2026-06-23'],
    // อาสาฬหบูชา Sun 18 Jul 2570, เข้าพรรษา Mon 19 Jul, substitution Tue 20 Jul; the King's birthday Wed 28 Jul.
    [
      'Asalha Bucha 2570: substitution after Khao Phansa',
      '2027-07-16T10:00',
      '2027-07-21',
      '2027-07-22',
      '2027-08-11',
    ],
  ])('%s', (_name, received, forward, acknowledge, result) => {
    expect(complaintDueDates(at(received), national)).toEqual({
      forwardDueOn: forward,
      acknowledgeDueOn: acknowledge,
      resultDueOn: result,
    });
  });

  it('counts the receipt day from the next working day when the office is closed', () => {
    expect(receiptDate(at('2026-12-04T16:30'), national)).toBe('2026-12-08'); // Fri → Tue (Mon 7 Dec off)
    expect(receiptDate(at('2026-12-04T16:29'), national)).toBe('2026-12-04');
    expect(receiptDate(at('2026-12-10T09:00'), national)).toBe('2026-12-11'); // Constitution Day
  });

  it("an organisation's own day off counts for it alone", () => {
    const rows = [
      ...nationalHolidays.map((h) => ({ date: h.date, orgId: null })),
      { date: '2026-11-24', orgId: 1 },
    ];
    const friday = at('2026-11-20T10:00');
    expect(complaintDueDates(friday, closedDates(rows, 1)).acknowledgeDueOn).toBe('2026-11-25');
    expect(complaintDueDates(friday, closedDates(rows, 2)).acknowledgeDueOn).toBe('2026-11-24');
  });
});

describe('the national calendar data', () => {
  it('every row is valid, one per date, in date order', () => {
    for (const h of nationalHolidays) expect(holidayRow.parse(h)).toEqual(h);
    const dates = nationalHolidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it('a holiday on a weekend has its substitution on the next working day, and only then', () => {
    const holidays = nationalHolidays.filter((h) => h.kind !== 'substitution');
    const closed = new Set(holidays.map((h) => h.date));
    const expected = holidays
      .filter((h) => !isWorkingDay(h.date, new Set()))
      .map((h) => addWorkingDays(h.date, 1, closed))
      .sort();
    const substitutions = nationalHolidays.filter((h) => h.kind === 'substitution').map((h) => h.date);
    expect(substitutions).toEqual(expected);
    expect(expected).toEqual([
      '2026-06-01',
      '2026-12-07',
      '2027-02-22',
      '2027-07-20',
      '2027-10-25',
      '2027-12-06',
    ]);
  });

  it('includes the Buddhist holidays of both years', () => {
    const names = (year: string) =>
      nationalHolidays.filter((h) => h.date.startsWith(year) && h.kind === 'holiday').map((h) => h.name);
    for (const year of ['2026', '2027']) {
      expect(names(year)).toEqual(
        expect.arrayContaining(['วันมาฆบูชา', 'วันวิสาขบูชา', 'วันอาสาฬหบูชา', 'วันเข้าพรรษา']),
      );
    }
  });
});

describe('deadlines stored at filing', () => {
  const file = async (orgId: number, now: number) =>
    submitComplaint(createDb(env.DB), await keyringFromEnv(env), {
      orgId,
      lineUserId: newUserId(),
      channel: 'liff',
      submission: {
        submissionKey: opaqueId(),
        track: 'grievance',
        categoryCode: 'road',
        description: 'ถนนหน้าบ้านเป็นหลุมใหญ่',
        identity: { mode: 'identified' },
        consent: true,
      },
      now,
    });
  const stored = (id: number) =>
    env.DB.prepare('select forward_due_on, acknowledge_due_on, result_due_on from complaints where id = ?')
      .bind(id)
      .first();

  it('stores the forward, acknowledge and result dates, with the organisation’s own days off', async () => {
    // The seeded calendar is national; organisation 3 also closes on Tue 8 Dec (a local special day).
    await env.DB.batch(
      holidayUpsertStatements(
        [{ date: '2026-12-08', name: 'วันหยุดพิเศษท้องถิ่น', kind: 'special', source: 'test' }],
        3,
      ).map((s) => env.DB.prepare(s.sql).bind(...s.params)),
    );
    const own = await file(3, at('2026-12-03T10:00'));
    const other = await file(2, at('2026-12-03T10:00'));
    expect(await stored(own.complaintId)).toEqual({
      forward_due_on: '2026-12-04',
      acknowledge_due_on: '2026-12-09',
      result_due_on: '2026-12-29',
    });
    expect(await stored(other.complaintId)).toEqual({
      forward_due_on: '2026-12-04',
      acknowledge_due_on: '2026-12-08',
      result_due_on: '2026-12-28',
    });
  });

  it('loading the same day twice keeps one row with the latest name', async () => {
    const load = (name: string) =>
      env.DB.batch(
        holidayUpsertStatements([{ date: '2028-01-03', name, kind: 'special', source: 'test' }]).map((s) =>
          env.DB.prepare(s.sql).bind(...s.params),
        ),
      );
    await load('ชื่อเดิม');
    await load('ชื่อใหม่');
    const { results } = await env.DB.prepare("select name from holidays where date = '2028-01-03'").all();
    expect(results).toEqual([{ name: 'ชื่อใหม่' }]);
  });

  it('the staff card shows the forward date until the case is at a unit, the acknowledge date until accepted', async () => {
    const filed = await file(2, at('2026-12-03T10:00'));
    const db = createDb(env.DB);
    const card = (c: Awaited<ReturnType<typeof getCase>>) =>
      JSON.stringify(caseCard(c!, { env: { APP_ORIGIN: 'https://example.test' }, orgSlug: 'x', liff: null }));
    // A category without a unit leaves the case to be sent to one within a working day.
    await env.DB.prepare('update complaints set unit_id = null where id = ?').bind(filed.complaintId).run();
    const received = card(await getCase(db, 2, filed.complaintId));
    expect(received).toContain('ส่งต่อภายใน');
    expect(received).toContain('4 ธ.ค. 2569');
    expect(received).toContain('ตอบรับภายใน');
    expect(received).toContain('8 ธ.ค. 2569');
    expect(received).toContain('28 ธ.ค. 2569');
    // Once at a unit it has been forwarded: only the acknowledgement is still due.
    await env.DB.prepare(
      'update complaints set unit_id = (select id from units where org_id = 2 order by id limit 1) where id = ?',
    )
      .bind(filed.complaintId)
      .run();
    const atUnit = card(await getCase(db, 2, filed.complaintId));
    expect(atUnit).not.toContain('ส่งต่อภายใน');
    expect(atUnit).toContain('ตอบรับภายใน');
    await env.DB.prepare("update complaints set status = 'accepted' where id = ?")
      .bind(filed.complaintId)
      .run();
    const accepted = card(await getCase(db, 2, filed.complaintId));
    expect(accepted).not.toContain('ส่งต่อภายใน');
    expect(accepted).not.toContain('ตอบรับภายใน');
    expect(accepted).toContain('28 ธ.ค. 2569');
  });
});
