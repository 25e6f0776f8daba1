import { keyedHashes } from '../crypto/keyed-hash';
import type { Keyring } from '../crypto/secret-box';

const value = (orgId: number, lineUserId: string) => `${orgId}:${lineUserId}`;

/**
 * The keyed hashes (current key first) that find the cases a person filed under their own name
 * (identified and confidential reports; complaint_owners). Anonymous reports are never written there.
 */
export const ownerKeys = (keyring: Keyring, orgId: number, lineUserId: string) =>
  keyedHashes(keyring, 'complaint-owner', value(orgId, lineUserId));

/** The owner key written with a new complaint (under the current key). */
export async function ownerKey(keyring: Keyring, orgId: number, lineUserId: string): Promise<string> {
  return (await ownerKeys(keyring, orgId, lineUserId))[0]!;
}
