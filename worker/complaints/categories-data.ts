import type { ComplaintTrack } from '../../schema/contracts/complaint';
import type { complaintCategories } from '../../schema/tables/complaints';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';

/** A complaint category as people pick it. */
export interface Category {
  id: number;
  code: string;
  name: string;
  description: string;
  unitId: number | null;
}

type CategoryRow = Pick<
  SqlRow<typeof complaintCategories>,
  'id' | 'code' | 'name' | 'description' | 'unit_id'
>;

const toCategory = (row: CategoryRow): Category => ({
  id: row.id,
  code: row.code,
  name: row.name,
  description: row.description,
  unitId: row.unit_id,
});

/** The active categories of one track of an organisation, in display order. */
export async function listCategories(db: Db, orgId: number, track: ComplaintTrack): Promise<Category[]> {
  const { results } = await db.$client
    .prepare(
      `select id, code, name, description, unit_id from complaint_categories
       where org_id = ? and track = ? and active = 1 order by sort, id`,
    )
    .bind(orgId, track)
    .all<CategoryRow>();
  return results.map(toCategory);
}

/** The active categories of both tracks of an organisation (what a first message may be about). */
export async function listAllCategories(
  db: Db,
  orgId: number,
): Promise<(Category & { track: ComplaintTrack })[]> {
  const { results } = await db.$client
    .prepare(
      `select id, code, name, description, unit_id, track from complaint_categories
       where org_id = ? and active = 1 order by track, sort, id`,
    )
    .bind(orgId)
    .all<CategoryRow & { track: ComplaintTrack }>();
  return results.map((row) => ({ ...toCategory(row), track: row.track }));
}

/** One active category by code within a track of an organisation; null if unknown there. */
export async function findCategory(
  db: Db,
  orgId: number,
  track: ComplaintTrack,
  code: string,
): Promise<Category | null> {
  const row = await db.$client
    .prepare(
      `select id, code, name, description, unit_id from complaint_categories
       where org_id = ? and track = ? and code = ? and active = 1`,
    )
    .bind(orgId, track, code)
    .first<CategoryRow>();
  return row ? toCategory(row) : null;
}

/** Whether a unit id is one of this organisation's units (a tip may name the unit whose staff are involved). */
export async function isOrgUnit(db: Db, orgId: number, unitId: number): Promise<boolean> {
  const row = await db.$client
    .prepare('select 1 as found from units where org_id = ? and id = ?')
    .bind(orgId, unitId)
    .first();
  return row !== null;
}

/** The organisation's units by name, in order (the chat's unit chips when staff of a unit are involved). */
export async function listOrgUnits(db: Db, orgId: number): Promise<{ id: number; name: string }[]> {
  const { results } = await db.$client
    .prepare('select id, name from units where org_id = ? order by id')
    .bind(orgId)
    .all<{ id: number; name: string }>();
  return results;
}
