import { type Keyring, seal } from '../crypto/secret-box';
import type { staffInvites, staffMembers } from '../../schema/tables/staff';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';
import { type InviteKind, inviteHashes } from './invites';
import { getStaff, type StaffMember, staffContext, staffPersonKeys } from './staff-data';

export type InviteProblem = 'unknown' | 'used' | 'expired';

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');

/**
 * The first statement of a redeeming batch: an event row whose entity id is the invite's id only while
 * the invite is open. `events.entity_id` is NOT NULL, so a used, expired or unknown code makes the
 * whole batch fail and nothing else is written: two people racing for one code cannot both win.
 */
function claimInvite(db: Db, orgId: number, kind: InviteKind, hashes: string[], now: number) {
  return db.$client
    .prepare(
      `insert into events (org_id, entity, entity_id, action, actor, from_state, to_state, created_at)
       values (?, 'staff_invite', (select cast(id as text) from staff_invites where org_id = ? and kind = ?
         and used_at is null and expires_at > ? and code_hash in (${placeholders(hashes.length)})),
         'redeemed', 'invitee', 'open', 'used', ?)`,
    )
    .bind(orgId, orgId, kind, now, ...hashes, now);
}

const isClaimFailure = (error: unknown) =>
  /NOT NULL constraint failed: events\.entity_id/.test(String((error as Error)?.message ?? error));

async function whyRefused(db: Db, orgId: number, kind: InviteKind, hashes: string[], now: number) {
  const row = await db.$client
    .prepare(
      `select used_at, expires_at from staff_invites where org_id = ? and kind = ?
       and code_hash in (${placeholders(hashes.length)})`,
    )
    .bind(orgId, kind, ...hashes)
    .first<Pick<SqlRow<typeof staffInvites>, 'used_at' | 'expires_at'>>();
  if (!row) return 'unknown' as const;
  if (row.used_at !== null) return 'used' as const;
  return row.expires_at <= now ? ('expired' as const) : ('unknown' as const);
}

/**
 * Registers a LINE user as staff with the invite's role (and unit), or adds the role to someone who is
 * already staff; a removed member comes back with only the new role. One batch, claimed by the code.
 */
export async function redeemStaffInvite(
  db: Db,
  keyring: Keyring,
  args: { orgId: number; code: string; lineUserId: string; displayName: string; now: number },
): Promise<{ ok: true; member: StaffMember; added: boolean } | { ok: false; problem: InviteProblem }> {
  const { orgId, now } = args;
  const hashes = await inviteHashes(keyring, orgId, args.code);
  const keys = await staffPersonKeys(keyring, orgId, args.lineUserId);
  // A person registered before a key rotation keeps their row (and its key).
  const existing = await db.$client
    .prepare(
      `select person_key, status from staff_members where org_id = ? and person_key in (${placeholders(keys.length)})`,
    )
    .bind(orgId, ...keys)
    .first<Pick<SqlRow<typeof staffMembers>, 'person_key' | 'status'>>();
  const personKey = existing?.person_key ?? keys[0]!;
  const sealed = await seal(keyring, args.lineUserId, staffContext(orgId, personKey));
  const member = `(select id from staff_members where org_id = ? and person_key = ?)`;
  const invite = `(select id from staff_invites where org_id = ? and code_hash in (${placeholders(hashes.length)}))`;
  const c = db.$client;
  try {
    await c.batch([
      claimInvite(db, orgId, 'staff', hashes, now),
      c
        .prepare(
          `insert into staff_members (org_id, person_key, line_user_sealed, display_name, status, created_at, updated_at)
           values (?, ?, ?, ?, 'active', ?, ?)
           on conflict (org_id, person_key) do update set status = 'active', line_user_sealed = excluded.line_user_sealed,
             display_name = excluded.display_name, updated_at = excluded.updated_at`,
        )
        .bind(orgId, personKey, sealed, args.displayName, now, now),
      c
        .prepare(
          `insert into staff_roles (staff_id, role) select ${member}, role from staff_invites where id = ${invite}
           on conflict do nothing`,
        )
        .bind(orgId, personKey, orgId, ...hashes),
      c
        .prepare(
          `insert into staff_units (staff_id, unit_id) select ${member}, unit_id from staff_invites
           where id = ${invite} and unit_id is not null on conflict do nothing`,
        )
        .bind(orgId, personKey, orgId, ...hashes),
      c
        .prepare(`update staff_invites set used_at = ?, used_by = ${member} where id = ${invite}`)
        .bind(now, orgId, personKey, orgId, ...hashes),
      c
        .prepare(
          `insert into events (org_id, entity, entity_id, action, actor, from_state, to_state, data, created_at)
           select ?, 'staff_member', cast(${member} as text), ?, 'invitee', ?, 'active',
             json_object('role', role, 'unitId', unit_id), ? from staff_invites where id = ${invite}`,
        )
        .bind(
          orgId,
          orgId,
          personKey,
          existing?.status === 'active' ? 'role_added' : 'registered',
          existing?.status ?? null,
          now,
          orgId,
          ...hashes,
        ),
    ]);
  } catch (error) {
    if (!isClaimFailure(error)) throw error;
    return { ok: false, problem: await whyRefused(db, orgId, 'staff', hashes, now) };
  }
  const row = await c
    .prepare('select id from staff_members where org_id = ? and person_key = ?')
    .bind(orgId, personKey)
    .first<{ id: number }>();
  return { ok: true, member: (await getStaff(db, orgId, row!.id))!, added: existing?.status === 'active' };
}

/** Makes a group the organisation's staff desk with a group-bind code (the caller checked the admin). */
export async function redeemGroupBind(
  db: Db,
  keyring: Keyring,
  args: { orgId: number; code: string; chatId: string; staffId: number; now: number },
): Promise<{ ok: true } | { ok: false; problem: InviteProblem }> {
  const { orgId, now } = args;
  const hashes = await inviteHashes(keyring, orgId, args.code);
  const c = db.$client;
  try {
    await c.batch([
      claimInvite(db, orgId, 'group_bind', hashes, now),
      c
        .prepare(
          `update staff_invites set used_at = ?, used_by = ?
           where org_id = ? and kind = 'group_bind' and code_hash in (${placeholders(hashes.length)})`,
        )
        .bind(now, args.staffId, orgId, ...hashes),
      c
        .prepare(
          `insert into events (org_id, entity, entity_id, action, actor, from_state, to_state, created_at)
           values (?, 'staff_desk', ?, 'bound', ?, (select desk_chat_id from staff_settings where org_id = ?), ?, ?)`,
        )
        .bind(orgId, String(orgId), `staff:${args.staffId}`, orgId, args.chatId, now),
      c
        .prepare(
          `insert into staff_settings (org_id, desk_chat_id, updated_at) values (?, ?, ?)
           on conflict (org_id) do update set desk_chat_id = excluded.desk_chat_id, updated_at = excluded.updated_at`,
        )
        .bind(orgId, args.chatId, now),
    ]);
  } catch (error) {
    if (!isClaimFailure(error)) throw error;
    return { ok: false, problem: await whyRefused(db, orgId, 'group_bind', hashes, now) };
  }
  return { ok: true };
}
