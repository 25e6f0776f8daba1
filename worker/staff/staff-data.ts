import { staffRoles, type StaffRole } from '../../schema/contracts/staff';
import { type Keyring, open } from '../crypto/secret-box';
import type { staffMembers } from '../../schema/tables/staff';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';
import { staffContext, staffPersonKeys } from './staff-keys';
import { listUnits } from './units-data';

export { listUnits, staffContext, staffPersonKeys };

/** A staff member as every staff code path sees them: re-read on every request, so removal is at once. */
export interface StaffMember {
  id: number;
  orgId: number;
  displayName: string;
  active: boolean;
  roles: StaffRole[];
  unitIds: number[];
}

/** A staff row with its roles and units (comma-separated), as D1 returns it. */
export type StaffRow = Pick<SqlRow<typeof staffMembers>, 'id' | 'org_id' | 'display_name' | 'status'> & {
  roles: string | null;
  units: string | null;
};

const SELECT = `select s.id, s.org_id, s.display_name, s.status,
    (select group_concat(role) from staff_roles where staff_id = s.id) as roles,
    (select group_concat(unit_id) from staff_units where staff_id = s.id) as units
  from staff_members s`;

/** A staff row as every staff code path sees it. */
export function toMember(row: StaffRow): StaffMember {
  const roles = (row.roles ?? '')
    .split(',')
    .filter((r): r is StaffRole => staffRoles.includes(r as StaffRole));
  return {
    id: row.id,
    orgId: row.org_id,
    displayName: row.display_name,
    active: row.status === 'active',
    roles: staffRoles.filter((r) => roles.includes(r)),
    unitIds: (row.units ?? '').split(',').filter(Boolean).map(Number),
  };
}

/** The ACTIVE staff member a LINE user is in this organisation; null for everyone else. */
export async function findActiveStaff(
  db: Db,
  keyring: Keyring,
  orgId: number,
  lineUserId: string,
): Promise<StaffMember | null> {
  const keys = await staffPersonKeys(keyring, orgId, lineUserId);
  const row = await db.$client
    .prepare(
      `${SELECT} where s.org_id = ? and s.status = 'active' and s.person_key in (${keys.map(() => '?').join(',')})`,
    )
    .bind(orgId, ...keys)
    .first<StaffRow>();
  return row ? toMember(row) : null;
}

/** One staff member of an organisation by id (active or removed); null when not of this organisation. */
export async function getStaff(db: Db, orgId: number, staffId: number): Promise<StaffMember | null> {
  const row = await db.$client
    .prepare(`${SELECT} where s.org_id = ? and s.id = ?`)
    .bind(orgId, staffId)
    .first<StaffRow>();
  return row ? toMember(row) : null;
}

/** The organisation's active staff, by name. */
export async function listStaff(db: Db, orgId: number): Promise<StaffMember[]> {
  const { results } = await db.$client
    .prepare(`${SELECT} where s.org_id = ? and s.status = 'active' order by s.display_name, s.id`)
    .bind(orgId)
    .all<StaffRow>();
  return results.map(toMember);
}

/**
 * LINE user ids of active staff members, opened from their sealed column: only for sending them
 * messages. Removed members are left out, whatever the caller asked for.
 */
export async function staffLineIds(db: Db, keyring: Keyring, orgId: number, staffIds: number[]) {
  if (staffIds.length === 0) return [];
  const { results } = await db.$client
    .prepare(
      `select id, person_key, line_user_sealed from staff_members
       where org_id = ? and status = 'active' and id in (${staffIds.map(() => '?').join(',')})`,
    )
    .bind(orgId, ...staffIds)
    .all<Pick<SqlRow<typeof staffMembers>, 'id' | 'person_key' | 'line_user_sealed'>>();
  return Promise.all(
    results.map(async (r) => ({
      staffId: r.id,
      lineUserId: await open(keyring, r.line_user_sealed, staffContext(orgId, r.person_key)),
    })),
  );
}

/** Active staff holding a role (optionally only those in a unit). */
export async function staffWithRole(db: Db, orgId: number, role: StaffRole, unitId?: number | null) {
  const unit = unitId
    ? 'and exists (select 1 from staff_units u where u.staff_id = s.id and u.unit_id = ?)'
    : '';
  const { results } = await db.$client
    .prepare(
      `${SELECT} where s.org_id = ? and s.status = 'active'
         and exists (select 1 from staff_roles r where r.staff_id = s.id and r.role = ?) ${unit}
       order by s.id`,
    )
    .bind(orgId, role, ...(unitId ? [unitId] : []))
    .all<StaffRow>();
  return results.map(toMember);
}

/** A unit of the organisation, by id or by (part of) its name or code; null when not found or ambiguous. */
export async function findUnit(db: Db, orgId: number, ref: { id?: number; text?: string }) {
  const results = await listUnits(db, orgId);
  if (ref.id !== undefined) return results.find((u) => u.id === ref.id) ?? null;
  const text = (ref.text ?? '').trim();
  if (!text) return null;
  const exact = results.find((u) => u.name === text || u.code === text);
  if (exact) return exact;
  const partial = results.filter((u) => u.name.includes(text));
  return partial.length === 1 ? partial[0]! : null;
}
