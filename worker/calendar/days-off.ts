import { type DayOffView, dayOffLimits } from '../../schema/contracts/days-off-api';
import { bangkokDate } from '../../lib/thai-date';
import type { Db } from '../db/client';
import { guardedEvent, runSetupBatch } from '../staff/setup-batch';
import type { SetupResult } from '../staff/setup-refusals';
import { isWorkingDay } from './working-days';

const DAY_MS = 24 * 60 * 60 * 1000;

interface DayOffRow {
  id: number;
  date: string;
  name: string;
  kind: DayOffView['kind'];
  org_id: number | null;
}

/** The days off that close this organisation from `from` to `to` (Thai dates): national and its own. */
export async function listDaysOff(db: Db, orgId: number, from: string, to: string): Promise<DayOffView[]> {
  const { results } = await db.$client
    .prepare(
      `select id, date, name, kind, org_id from holidays
       where date between ? and ? and (org_id is null or org_id = ?) order by date, org_id`,
    )
    .bind(from, to, orgId)
    .all<DayOffRow>();
  return results.map((r) => ({ id: r.id, date: r.date, name: r.name, kind: r.kind, own: r.org_id !== null }));
}

/** The first and last date an admin may add a day off on, seen from `now`. */
export function dayOffRange(now: number): { from: string; to: string } {
  return { from: bangkokDate(now), to: bangkokDate(now + dayOffLimits.aheadDays * DAY_MS) };
}

/**
 * Adds one of the organisation's own days off, with its event in the same batch. Refused: a date
 * already past, more than two years ahead, a Saturday or Sunday, or a date already a day off
 * (national or its own). Due dates already given to complainants stay as promised (docs/calendar.md).
 */
export async function addDayOff(
  db: Db,
  args: { orgId: number; date: string; name: string; by: number; now: number },
): Promise<SetupResult<DayOffView>> {
  const range = dayOffRange(args.now);
  if (args.date < range.from) return { ok: false, problem: 'day_off_past' };
  if (args.date > range.to) return { ok: false, problem: 'day_off_too_far' };
  if (!isWorkingDay(args.date, new Set())) return { ok: false, problem: 'day_off_weekend' };
  const c = db.$client;
  const taken = await c
    .prepare('select 1 from holidays where date = ? and (org_id is null or org_id = ?)')
    .bind(args.date, args.orgId)
    .first();
  if (taken) return { ok: false, problem: 'day_off_exists' };
  const outcome = await runSetupBatch(c, [
    c
      .prepare(
        `insert into holidays (date, org_id, name, kind, source) values (?, ?, ?, 'special', ?)
         on conflict do nothing`,
      )
      .bind(args.date, args.orgId, args.name, `ผู้ดูแลระบบของหน่วยงานเพิ่ม (staff:${args.by})`),
    guardedEvent(
      c,
      {
        orgId: args.orgId,
        entity: 'holiday',
        action: 'created',
        by: args.by,
        from: null,
        to: `${args.date} ${args.name}`,
        now: args.now,
      },
      // Null (the batch rolls back) unless our row is the day's only one: no national day came meanwhile.
      {
        sql: `select cast(id as text) from holidays where org_id = ? and date = ? and name = ?
              and not exists (select 1 from holidays where org_id is null and date = ?)`,
        params: [args.orgId, args.date, args.name, args.date],
      },
    ),
  ]);
  if (outcome !== 'done') return { ok: false, problem: 'day_off_exists' };
  const [added] = await listDaysOff(db, args.orgId, args.date, args.date).then((l) => l.filter((d) => d.own));
  return { ok: true, value: added! };
}

/**
 * Removes one of the organisation's own days off that has not yet come, with its event. A national
 * day, another organisation's, or a day already past is not found.
 */
export async function removeDayOff(
  db: Db,
  args: { orgId: number; id: number; by: number; now: number },
): Promise<SetupResult<null>> {
  const c = db.$client;
  const row = await c
    .prepare('select date, name from holidays where id = ? and org_id = ? and date >= ?')
    .bind(args.id, args.orgId, bangkokDate(args.now))
    .first<{ date: string; name: string }>();
  if (!row) return { ok: false, problem: 'day_off_not_found' };
  const outcome = await runSetupBatch(c, [
    guardedEvent(
      c,
      {
        orgId: args.orgId,
        entity: 'holiday',
        action: 'removed',
        by: args.by,
        from: `${row.date} ${row.name}`,
        to: null,
        now: args.now,
      },
      {
        sql: 'select cast(id as text) from holidays where id = ? and org_id = ?',
        params: [args.id, args.orgId],
      },
    ),
    c.prepare('delete from holidays where id = ? and org_id = ?').bind(args.id, args.orgId),
  ]);
  return outcome === 'done' ? { ok: true, value: null } : { ok: false, problem: 'day_off_not_found' };
}
