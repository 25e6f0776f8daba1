import type { IdentityMode } from '../../schema/contracts/complaint';
import type { identityVault } from '../../schema/tables/complaints';
import { type Keyring, open, seal } from '../crypto/secret-box';
import type { SqlRow } from '../db/sql-row';
import { opaqueId } from './tracking-code';

/**
 * The identity vault: who filed a complaint, sealed so that only the intake (writing), the notifier, the
 * integrity officers' audited contact view and the reporter's own export (reading,
 * worker/cases/complainant-notifier.ts, reporter-contact.ts, my-data-export.ts) can use it. A complaint points here by an opaque random id; nothing else in the
 * database leads to a person.
 *
 * - anonymous: the LINE user id only, to send updates; no name, no phone. Nothing at all when the
 *   reporter chose not to be reached in LINE (the entry then exists only so every complaint has one).
 * - confidential: LINE user id, name and phone.
 * - identified (general track): LINE user id, and the phone if given.
 */
export interface VaultIdentity {
  /** Absent only for an anonymous reporter who chose not to be reached in LINE. */
  lineUserId?: string;
  name?: string;
  phone?: string;
}

/** The seal context binds a vault value to its organisation and row: it cannot be moved elsewhere. */
export const vaultContext = (orgId: number, vaultId: string) => `vault:${orgId}:${vaultId}`;

/** A new vault entry, sealed; what the caller inserts. Fields the mode does not allow are dropped. */
export async function sealVaultEntry(
  keyring: Keyring,
  orgId: number,
  mode: IdentityMode,
  identity: VaultIdentity,
): Promise<{ id: string; kind: IdentityMode; sealed: string }> {
  const id = opaqueId();
  const kept: VaultIdentity = identity.lineUserId ? { lineUserId: identity.lineUserId } : {};
  if (mode === 'confidential') Object.assign(kept, { name: identity.name, phone: identity.phone });
  if (mode === 'identified' && identity.phone) kept.phone = identity.phone;
  return { id, kind: mode, sealed: await seal(keyring, JSON.stringify(kept), vaultContext(orgId, id)) };
}

/** What a vault reader selects: the row's id (part of its seal context) and the sealed identity. */
export type VaultRow = Pick<SqlRow<typeof identityVault>, 'id' | 'sealed'>;

/**
 * Opens one vault row. The caller selects the row from identity_vault itself, so every reader names the
 * table and test/workers/staff-privacy.test.ts can hold the list of readers.
 */
export async function openVaultEntry(keyring: Keyring, orgId: number, row: VaultRow): Promise<VaultIdentity> {
  // Emptied by the retention job (worker/cases/retention.ts): nobody to reach any more.
  if (row.sealed === '') return {};
  return JSON.parse(await open(keyring, row.sealed, vaultContext(orgId, row.id))) as VaultIdentity;
}
