import type { ComplaintTrack } from '../../schema/contracts/complaint-rules';
import type { complaintCategories } from '../../schema/tables/complaints';
import type { AdminCategory } from '../../schema/contracts/staff-admin-api';
import { adminLimits } from '../../schema/contracts/staff-admin-rules';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';
import { guardedEvent, newCode, runSetupBatch } from './setup-batch';
import type { SetupResult } from './setup-refusals';

type CategoryRow = Omit<SqlRow<typeof complaintCategories>, 'org_id'>;

const SELECT = 'select id, track, code, name, description, unit_id, sort, active from complaint_categories k';

const toCategory = (r: CategoryRow): AdminCategory => ({
  id: r.id,
  track: r.track,
  code: r.code,
  name: r.name,
  description: r.description,
  unitId: r.unit_id,
  sort: r.sort,
  active: r.active === 1,
});

/** Every category of an organisation, active or not, by track and display order. */
export async function listAdminCategories(db: Db, orgId: number): Promise<AdminCategory[]> {
  const { results } = await db.$client
    .prepare(`${SELECT} where org_id = ? order by track, sort, id`)
    .bind(orgId)
    .all<CategoryRow>();
  return results.map(toCategory);
}

/** One category of an organisation; null when not of this organisation. */
export async function getAdminCategory(db: Db, orgId: number, id: number): Promise<AdminCategory | null> {
  const row = await db.$client
    .prepare(`${SELECT} where id = ? and org_id = ?`)
    .bind(id, orgId)
    .first<CategoryRow>();
  return row ? toCategory(row) : null;
}

/**
 * Why a category of `track` may not be routed to a unit: corruption reports go to an integrity unit (or
 * none: integrity officers see them all anyway), grievances never to an integrity unit (its officers are
 * not grievance officers, so a grievance there would wait unseen).
 */
export async function unitProblem(db: Db, orgId: number, track: ComplaintTrack, unitId: number | null) {
  if (unitId === null) return null;
  const unit = await db.$client
    .prepare('select handles_integrity from units where id = ? and org_id = ?')
    .bind(unitId, orgId)
    .first<{ handles_integrity: number }>();
  if (!unit) return 'unit_not_found' as const;
  if (track === 'corruption' && unit.handles_integrity !== 1)
    return 'corruption_needs_integrity_unit' as const;
  if (track === 'grievance' && unit.handles_integrity === 1) return 'grievance_to_integrity_unit' as const;
  return null;
}

/** SQL: unit `?` is of the organisation of category `k` and may receive its track's reports. */
export const unitCondition = (track: ComplaintTrack) =>
  `exists (select 1 from units u where u.id = ? and u.org_id = k.org_id and u.handles_integrity = ${track === 'corruption' ? 1 : 0})`;
/** SQL: another category of `k`'s track is called `?`. */
export const otherWithName = `exists (select 1 from complaint_categories o
  where o.org_id = k.org_id and o.track = k.track and o.name = ? and o.id <> k.id)`;
/** SQL: how many other categories of `k`'s track are offered. */
export const activeInTrack = `(select count(*) from complaint_categories o
  where o.org_id = k.org_id and o.track = k.track and o.active = 1 and o.id <> k.id)`;

/** Whether another category of the track has `name`, and how many others are active. */
export async function trackCounts(
  db: Db,
  orgId: number,
  track: ComplaintTrack,
  name: string,
  except: number,
) {
  return (await db.$client
    .prepare(
      `select exists (select 1 from complaint_categories where org_id = ?1 and track = ?2 and name = ?3 and id <> ?4) as same_name,
         (select count(*) from complaint_categories where org_id = ?1 and track = ?2 and active = 1 and id <> ?4) as others_active`,
    )
    .bind(orgId, track, name, except)
    .first<{ same_name: number; others_active: number }>())!;
}

/** Creates an active category at the end of its track, with its event. */
export async function createCategory(
  db: Db,
  args: {
    orgId: number;
    track: ComplaintTrack;
    name: string;
    description: string;
    unitId: number | null;
    code?: string;
    by: number;
    now: number;
  },
): Promise<SetupResult<AdminCategory>> {
  const problem = await unitProblem(db, args.orgId, args.track, args.unitId);
  if (problem) return { ok: false, problem };
  const counts = await trackCounts(db, args.orgId, args.track, args.name, 0);
  if (counts.same_name) return { ok: false, problem: 'duplicate_category_name' };
  if (counts.others_active >= adminLimits.activeCategoriesMax)
    return { ok: false, problem: 'too_many_active_categories' };
  const c = db.$client;
  for (let attempt = 1; ; attempt++) {
    const code = args.code ?? newCode('cat');
    const outcome = await runSetupBatch(c, [
      c
        .prepare(
          `insert into complaint_categories (org_id, track, code, name, description, unit_id, sort, active)
           values (?, ?, ?, ?, ?, ?, (select coalesce(max(sort), -1) + 1 from complaint_categories where org_id = ?), 1)`,
        )
        .bind(args.orgId, args.track, code, args.name, args.description, args.unitId, args.orgId),
      guardedEvent(
        c,
        {
          orgId: args.orgId,
          entity: 'complaint_category',
          action: 'created',
          by: args.by,
          from: null,
          to: args.name,
          data: { code, track: args.track, unitId: args.unitId },
          now: args.now,
        },
        {
          sql: `select cast(k.id as text) from complaint_categories k where k.org_id = ? and k.code = ?
                and not ${otherWithName} and ${activeInTrack} < ?
                ${args.unitId === null ? '' : `and ${unitCondition(args.track)}`}`,
          params: [
            args.orgId,
            code,
            args.name,
            adminLimits.activeCategoriesMax,
            ...(args.unitId === null ? [] : [args.unitId]),
          ],
        },
      ),
    ]);
    if (outcome === 'done') {
      const row = await c
        .prepare(`${SELECT} where org_id = ? and code = ?`)
        .bind(args.orgId, code)
        .first<CategoryRow>();
      return { ok: true, value: toCategory(row!) };
    }
    if (outcome === 'guard') return { ok: false, problem: 'changed_meanwhile' };
    if (args.code !== undefined || attempt >= 3) return { ok: false, problem: 'duplicate_category_code' };
  }
}
