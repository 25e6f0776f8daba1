import { labelsIn } from './complaint';
import { resident } from './complaint-steps';
import type { TestOrg } from '../../fixtures/demo-org';
import { type RosterEntry, useStaff } from './roster';
import type { StaffChat } from './staff';
import { asUser } from './staff-api';
import { allRows, countRows, firstRow } from './db';

/** An event row as the admin setup writes it. */
export interface EventRow {
  entity: string;
  entity_id: string;
  action: string;
  actor: string;
  from_state: string | null;
  to_state: string | null;
  data: string | null;
}

/** The events of one entity, oldest first. */
export async function eventsOf(entity: string, entityId: number | string): Promise<EventRow[]> {
  const results = await allRows<EventRow>(
    `select entity, entity_id, action, actor, from_state, to_state, data from events
     where entity = ? and entity_id = ? order by id`,
    entity,
    String(entityId),
  );
  return results;
}

/** How many event rows there are (a refused change writes none). */
export const eventCount = (): Promise<number> => countRows('events');

/** A unit's id by code. */
export async function unitIdOf(orgId: number, code: string): Promise<number> {
  const row = await firstRow<{ id: number }>(
    'select id from units where org_id = ? and code = ?',
    orgId,
    code,
  );
  if (!row) throw new Error(`no unit ${code} in org ${orgId}`);
  return row.id;
}

/** A category row by code. */
export async function categoryRow(orgId: number, code: string) {
  return (await firstRow<{
    id: number;
    track: string;
    code: string;
    name: string;
    description: string;
    unit_id: number | null;
    sort: number;
    active: number;
  }>(
    'select id, track, code, name, description, unit_id, sort, active from complaint_categories where org_id = ? and code = ?',
    orgId,
    code,
  ))!;
}

/** The admin, officer (engineering) and executive the unit and officer admin tests enrol. */
export const lampangAdmins = {
  admin: { roles: ['admin'], name: 'แอดมินลำปาง' },
  officer: { roles: ['officer'], unit: 'engineering', name: 'ช่างลำปาง' },
  executive: 'executive',
} satisfies Record<string, RosterEntry>;

/** Calls the staff API of an organisation as a staff member, with a method and a body. */
export const callAs = (slug: string) => (m: StaffChat, path: string, method: string, body?: unknown) =>
  asUser(slug, m.userId, path, { method, body });

/**
 * An admin, an officer (engineering) and an executive of one organisation, enrolled before the file's tests
 * (useStaff), and calls as each of them.
 */
export function useAdminTeam(org: TestOrg) {
  const { admin, officer, executive } = useStaff(org, {
    admin: { roles: ['admin'], name: 'แอดมิน' },
    officer: { roles: ['officer'], unit: 'engineering', name: 'ช่าง' },
    executive: 'executive',
  });
  const as = callAs(org.slug);
  return {
    admin,
    officer,
    executive,
    as,
    /** PATCH a category of this organisation (by code) as the admin. */
    patchCategory: (code: string, body: unknown) =>
      categoryRow(org.id, code).then((k) => as(admin, `/categories/${k.id}`, 'PATCH', body)),
  };
}

/** The category chips the chat offers a new resident for general grievances. */
export async function chatGrievanceChoices(slug: string): Promise<string[]> {
  const answer = await resident(slug).say('ร้องทุกข์ทั่วไป');
  return labelsIn(answer).filter((l) => !['แก้ไข', 'ยกเลิก', 'คงเดิม'].includes(l));
}
