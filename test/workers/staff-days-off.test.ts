import { describe, expect, it } from 'vitest';
import { bangkokDate } from '../../lib/thai-date';
import { complaintDueDates } from '../../worker/calendar/deadlines';
import { closedDatesBetween } from '../../worker/calendar/holidays-data';
import { addWorkingDays } from '../../worker/calendar/working-days';
import { createDb } from '../../worker/db/client';
import { env } from 'cloudflare:workers';
import { useOrg } from '../fixtures/demo-org';
import { fileFormGrievance } from './support/case-lifecycle';
import { allRows, firstRow } from './support/db';
import { useStaff } from './support/roster';
import { callAs, eventCount, eventsOf } from './support/staff-admin';

// An organisation's admin adds the days its office closes beyond the national calendar (a local festival,
// a day announced late); national days are the operator's. Deadlines of cases received afterwards skip them.
const org = useOrg('mueang-chan');
const other = useOrg('chanthaburi');
const { admin, officer } = useStaff(org, {
  admin: { roles: ['admin'], name: 'แอดมิน' },
  officer: { roles: ['officer'], unit: 'engineering', name: 'ช่าง' },
});
const { admin: otherAdmin } = useStaff(other, { admin: 'admin' });
const as = callAs(org.slug);
const DAY = 24 * 60 * 60_000;

const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

// The n-th working day (for this organisation) after today: a day off on the first moves every new deadline.
async function nextWorkingDay(n = 1): Promise<string> {
  const now = Date.now();
  const from = bangkokDate(now);
  const closed = await closedDatesBetween(createDb(env.DB), org.id, from, plusDays(from, 90));
  return addWorkingDays(now, n, closed);
}

describe('days off (admins)', () => {
  it('adds a day of its own, with an event; a case received afterwards gets deadlines that skip it', async () => {
    const day = await nextWorkingDay();
    const added = await as(admin, '/days-off', 'POST', { date: day, name: ' วันงานประจำปีของตำบล ' });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ date: day, name: 'วันงานประจำปีของตำบล', kind: 'special', own: true });
    expect(await eventsOf('holiday', added.json.id)).toEqual([
      expect.objectContaining({
        action: 'created',
        actor: `staff:${admin.staffId}`,
        to_state: `${day} วันงานประจำปีของตำบล`,
      }),
    ]);
    const list = await as(admin, '/days-off', 'GET');
    expect(list.json.items).toContainEqual(expect.objectContaining({ date: day, own: true }));
    expect(list.json.items.some((d: { own: boolean }) => !d.own)).toBe(true);

    const c = await fileFormGrievance(org);
    const row = (await firstRow<{ created_at: number; acknowledge_due_on: string; result_due_on: string }>(
      'select created_at, acknowledge_due_on, result_due_on from complaints where id = ?',
      c.id,
    ))!;
    const db = createDb(env.DB);
    const closed = await closedDatesBetween(
      db,
      org.id,
      bangkokDate(row.created_at),
      bangkokDate(row.created_at + 90 * DAY),
    );
    expect(closed.has(day)).toBe(true);
    const withDay = complaintDueDates(row.created_at, closed);
    closed.delete(day);
    const withoutDay = complaintDueDates(row.created_at, closed);
    expect(row.acknowledge_due_on).toBe(withDay.acknowledgeDueOn);
    expect(row.acknowledge_due_on).not.toBe(withoutDay.acknowledgeDueOn);
    expect(row.result_due_on).toBe(withDay.resultDueOn);

    // Another organisation's calendar is untouched.
    const theirs = await closedDatesBetween(db, other.id, day, day);
    expect(theirs.has(day)).toBe(false);
  });

  it('refuses a weekend, a past date, a day already off, far ahead and malformed input, writing nothing', async () => {
    const before = await eventCount();
    const today = bangkokDate(Date.now());
    let saturday = today;
    while (new Date(`${saturday}T00:00:00Z`).getUTCDay() !== 6) saturday = plusDays(saturday, 1);
    const national = await firstRow<{ date: string }>(
      "select date from holidays where org_id is null and date >= ? and strftime('%w', date) not in ('0','6') order by date limit 1",
      today,
    );
    const cases: [unknown, number, RegExp][] = [
      [{ date: saturday, name: 'ทดสอบ' }, 422, /เสาร์และวันอาทิตย์/],
      [{ date: bangkokDate(Date.now() - 3 * DAY), name: 'ทดสอบ' }, 422, /ผ่านไปแล้ว/],
      [{ date: bangkokDate(Date.now() + 800 * DAY), name: 'ทดสอบ' }, 422, /2 ปี/],
      [{ date: national!.date, name: 'ทดสอบ' }, 409, /เป็นวันหยุดอยู่แล้ว/],
      [{ date: '2027-02-30', name: 'ทดสอบ' }, 422, /วันที่ไม่ถูกต้อง/],
      [{ date: await nextWorkingDay(), name: '  ' }, 422, /ชื่อวันหยุด/],
      [{ date: await nextWorkingDay(), name: 'ก'.repeat(101) }, 422, /ไม่เกิน 100/],
      [null, 422, /[\u0E00-\u0E7F]/],
    ];
    for (const [body, status, message] of cases) {
      const answer = await as(admin, '/days-off', 'POST', body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.json.error.message).toMatch(message);
    }
    expect(await eventCount()).toBe(before);
  });

  it('only admins, only their own organisation, only their own days not yet come', async () => {
    const date = await nextWorkingDay(20);
    expect((await as(officer, '/days-off', 'POST', { date, name: 'ไม่ได้' })).status).toBe(403);
    expect((await as(officer, '/days-off', 'GET')).status).toBe(403);
    const added = await as(admin, '/days-off', 'POST', { date, name: 'หยุดพิเศษ' });
    expect(added.status).toBe(201);
    // Another organisation's admin cannot remove it (their path, this id): not found, nothing changed.
    const theirs = await callAs(other.slug)(otherAdmin, `/days-off/${added.json.id}`, 'DELETE');
    expect(theirs.status).toBe(404);
    // A national day is not the organisation's to remove.
    const national = await firstRow<{ id: number }>(
      'select id from holidays where org_id is null and date >= ? limit 1',
      bangkokDate(Date.now()),
    );
    expect((await as(admin, `/days-off/${national!.id}`, 'DELETE')).status).toBe(404);
    expect(await firstRow('select 1 from holidays where id = ?', national!.id)).not.toBeNull();
    const removed = await as(admin, `/days-off/${added.json.id}`, 'DELETE');
    expect(removed.status).toBe(204);
    expect(await allRows('select id from holidays where id = ?', added.json.id)).toEqual([]);
    expect((await eventsOf('holiday', added.json.id)).map((e) => e.action)).toEqual(['created', 'removed']);
  });
});
