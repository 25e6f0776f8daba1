import { describe, expect, it } from 'vitest';
import { noInvolvement } from '../../worker/cases/involvement-policy';
import {
  audienceToday,
  firstWorkingDayOfWeek,
  groupByHandler,
  type LateCase,
  reminderDay,
} from '../../worker/notices/reminder-plan';
import { lateness } from '../../worker/cases/lateness';

const none = new Set<string>();
// Monday 7 Dec 2026 is a public holiday in this table (the 5th, Father's Day, falls on a Saturday).
const holidays = new Set(['2026-12-07', '2026-12-10']);
const at = (iso: string) => Date.parse(iso);

describe('when reminders are due', () => {
  it.each([
    ['Monday 08:30 Bangkok', '2026-11-23T08:30:00+07:00', none, '2026-11-23'],
    ['Monday 08:29', '2026-11-23T08:29:59+07:00', none, null],
    ['Friday evening', '2026-11-27T18:00:00+07:00', none, '2026-11-27'],
    ['Saturday', '2026-11-28T09:00:00+07:00', none, null],
    ['Sunday', '2026-11-29T09:00:00+07:00', none, null],
    ['a holiday', '2026-12-10T09:00:00+07:00', holidays, null],
    // 01:30 UTC on Monday is 08:30 in Bangkok; 23:00 UTC Sunday is already Monday 06:00 there.
    ['Bangkok time, not UTC', '2026-11-23T01:30:00Z', none, '2026-11-23'],
    ['before office hours in Bangkok', '2026-11-22T23:00:00Z', none, null],
  ])('%s', (_name, now, hol, expected) => {
    expect(reminderDay(at(now), hol)).toBe(expected);
  });

  it.each([
    ['2026-11-23', none, true], // Monday
    ['2026-11-24', none, false],
    ['2026-12-08', holidays, true], // Tuesday after a Monday holiday
    ['2026-12-09', holidays, false],
    ['2026-11-28', none, false], // Saturday
  ])('%s is the first working day of its week: %s', (day, hol, expected) => {
    expect(firstWorkingDayOfWeek(day, hol)).toBe(expected);
  });

  it.each([
    ['daily', '2026-11-23', { handlers: true, executives: true }],
    ['daily', '2026-11-24', { handlers: true, executives: false }],
    ['weekly', '2026-11-23', { handlers: true, executives: true }],
    ['weekly', '2026-11-24', { handlers: false, executives: false }],
    ['off', '2026-11-23', { handlers: false, executives: false }],
  ] as const)('%s on %s', (policy, day, expected) => {
    expect(audienceToday(policy, day, none)).toEqual(expected);
  });
});

const late = (over: Partial<LateCase>): LateCase => ({
  id: 1,
  version: 1,
  code: 'AAAA-AAAA',
  track: 'grievance',
  status: 'accepted',
  categoryName: 'ไฟฟ้าส่องสว่าง',
  unitId: 10,
  unitName: 'กองช่าง',
  assigneeId: null,
  forwardDueOn: '2026-11-09',
  acknowledgeDueOn: '2026-11-10',
  resultDueOn: '2026-11-20',
  involvement: noInvolvement,
  ...over,
});

describe('how late, and who hears', () => {
  it.each([
    [
      'not sent to a unit in time',
      late({ status: 'received', unitId: null }),
      { kind: 'unforwarded', days: 14 },
    ],
    [
      'sent to a unit, not accepted in time',
      late({ status: 'received' }),
      { kind: 'unacknowledged', days: 13 },
    ],
    [
      'filed before the forward deadline was stored',
      late({ status: 'received', unitId: null, forwardDueOn: null }),
      { kind: 'unacknowledged', days: 13 },
    ],
    [
      'forward day passed, not yet late to accept',
      late({ status: 'received', unitId: null, forwardDueOn: '2026-11-22', acknowledgeDueOn: '2026-11-23' }),
      { kind: 'unforwarded', days: 1 },
    ],
    ['past the result date', late({}), { kind: 'result', days: 3 }],
    ['due today is not late', late({ resultDueOn: '2026-11-23' }), null],
    ['accepted, result not due', late({ resultDueOn: '2026-12-01' }), null],
  ])('%s', (_name, c, expected) => {
    expect(lateness(c, '2026-11-23')).toEqual(expected);
  });

  it('owner first; else integrity officers, unit officers or admins; never a corruption case to others', () => {
    const people = {
      integrity: [5, 6],
      admins: [1],
      officers: [
        { id: 2, unitIds: [10] },
        { id: 3, unitIds: [20] },
      ],
    };
    const groups = groupByHandler(
      [
        late({ id: 1, assigneeId: 3 }),
        late({ id: 2 }),
        late({ id: 3, unitId: 30 }),
        late({ id: 4, unitId: null }),
        late({ id: 5, track: 'corruption', unitId: null }),
        late({ id: 6, track: 'corruption', assigneeId: 6 }),
      ],
      people,
    );
    const ids = (staff: number) => groups.get(staff)?.map((c) => c.id);
    expect(ids(3)).toEqual([1]);
    expect(ids(2)).toEqual([2]);
    expect(ids(1)).toEqual([3, 4]);
    expect(ids(5)).toEqual([5]);
    expect(ids(6)).toEqual([5, 6]);
    expect([...groups.keys()].sort()).toEqual([1, 2, 3, 5, 6]);
  });
});
