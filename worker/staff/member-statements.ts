import type { StaffRole } from '../../schema/contracts/staff';
import { type Keyring, seal } from '../crypto/secret-box';
import type { Statement } from '../orgs/provision';
import { staffContext, staffPersonKeys } from './staff-keys';

/**
 * Statements that make a LINE user active staff of an organisation with roles (and a unit), bypassing
 * invites: for the demo seed only (`npm start`), where the demo staff of the local LINE platform must
 * be staff from the first minute. Real organisations onboard through one-time invites.
 */
export async function staffMemberStatements(
  keyring: Keyring,
  m: {
    orgId: number;
    lineUserId: string;
    displayName: string;
    roles: StaffRole[];
    unitCode?: string;
    now: number;
  },
): Promise<Statement[]> {
  const [personKey] = await staffPersonKeys(keyring, m.orgId, m.lineUserId);
  const sealed = await seal(keyring, m.lineUserId, staffContext(m.orgId, personKey!));
  const member = '(select id from staff_members where org_id = ? and person_key = ?)';
  return [
    {
      sql: `insert into staff_members (org_id, person_key, line_user_sealed, display_name, status, created_at, updated_at)
        values (?, ?, ?, ?, 'active', ?, ?) on conflict (org_id, person_key) do nothing`,
      params: [m.orgId, personKey!, sealed, m.displayName, m.now, m.now],
    },
    ...m.roles.map((role) => ({
      sql: `insert into staff_roles (staff_id, role) values (${member}, ?) on conflict do nothing`,
      params: [m.orgId, personKey!, role],
    })),
    ...(m.unitCode
      ? [
          {
            sql: `insert into staff_units (staff_id, unit_id)
              values (${member}, (select id from units where org_id = ? and code = ?)) on conflict do nothing`,
            params: [m.orgId, personKey!, m.orgId, m.unitCode],
          },
        ]
      : []),
    {
      sql: `insert into events (org_id, entity, entity_id, action, actor, to_state, created_at)
        values (?, 'staff_member', cast(${member} as text), 'seeded', 'operator', 'active', ?)`,
      params: [m.orgId, m.orgId, personKey!, m.now],
    },
  ];
}

/** Statements that bind a group the bot is in as the organisation's staff desk (demo seed). */
export function deskStatements(orgId: number, groupId: string, now: number): Statement[] {
  return [
    {
      sql: `insert into line_chats (org_id, chat_id, chat_type, status, updated_at) values (?, ?, 'group', 'active', ?)
        on conflict (org_id, chat_id) do update set status = 'active'`,
      params: [orgId, groupId, now],
    },
    {
      sql: `insert into staff_settings (org_id, desk_chat_id, updated_at) values (?, ?, ?)
        on conflict (org_id) do update set desk_chat_id = excluded.desk_chat_id`,
      params: [orgId, groupId, now],
    },
  ];
}
