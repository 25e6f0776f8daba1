import type { StaffRole } from '../../schema/contracts/staff';
import { keyedHashes } from '../crypto/keyed-hash';
import type { Keyring } from '../crypto/secret-box';
import { randomSymbols } from '../complaints/tracking-code';
import type { Statement } from '../orgs/provision';

/**
 * Invite codes: one-time and expiring, 8 symbols of the tracking-code alphabet ("K7QM-4R9P": no
 * look-alikes, readable over the phone). Only a keyed hash is stored, bound to the organisation, so a
 * code of one organisation never works in another and a copy of the table reveals no usable code.
 */
export const INVITE_TTL_MS = 72 * 60 * 60 * 1000;
export const GROUP_BIND_TTL_MS = 60 * 60 * 1000;

export type InviteKind = 'staff' | 'group_bind';

/** A new random invite code, formatted "XXXX-XXXX". */
export function newInviteCode(): string {
  const s = randomSymbols(8);
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** What a person typed as a code, canonical ("k7qm 4r9p" → "K7QM-4R9P"), or null. */
export function parseInviteCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s\-–—_.]/g, '');
  if (!/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/.test(s)) return null;
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Keyed hashes of a code (current key first), for lookups across a key rotation. */
export const inviteHashes = (keyring: Keyring, orgId: number, code: string) =>
  keyedHashes(keyring, 'staff-invite', `${orgId}:${code}`);

export interface NewInvite {
  orgId: number;
  kind: InviteKind;
  role?: StaffRole;
  unitId?: number | null;
  /** The admin issuing it; null from the operator command. */
  createdBy: number | null;
  now: number;
  ttlMs?: number;
}

/**
 * The statements that store a new invite (and its event), with the code to hand over. Plain statements
 * so the operator command (`tools/staff-invite.ts`, through wrangler) and the bot share one path.
 */
export async function inviteStatements(
  keyring: Keyring,
  invite: NewInvite,
): Promise<{ code: string; expiresAt: number; statements: Statement[] }> {
  const code = newInviteCode();
  const [hash] = await inviteHashes(keyring, invite.orgId, code);
  const ttl = invite.ttlMs ?? (invite.kind === 'group_bind' ? GROUP_BIND_TTL_MS : INVITE_TTL_MS);
  const expiresAt = invite.now + ttl;
  const actor = invite.createdBy === null ? 'operator' : `staff:${invite.createdBy}`;
  return {
    code,
    expiresAt,
    statements: [
      {
        sql: `insert into staff_invites (org_id, code_hash, kind, role, unit_id, created_by, created_at, expires_at)
          values (?, ?, ?, ?, ?, ?, ?, ?)`,
        params: [
          invite.orgId,
          hash!,
          invite.kind,
          invite.role ?? null,
          invite.unitId ?? null,
          invite.createdBy,
          invite.now,
          expiresAt,
        ],
      },
      {
        sql: `insert into events (org_id, entity, entity_id, action, actor, to_state, data, created_at)
          values (?, 'staff_invite', (select cast(id as text) from staff_invites where code_hash = ?), 'issued', ?,
            'open', json_object('kind', ?, 'role', ?, 'unitId', ?), ?)`,
        params: [
          invite.orgId,
          hash!,
          actor,
          invite.kind,
          invite.role ?? null,
          invite.unitId ?? null,
          invite.now,
        ],
      },
    ],
  };
}
