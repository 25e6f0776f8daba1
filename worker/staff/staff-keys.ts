import { keyedHashes } from '../crypto/keyed-hash';
import type { Keyring } from '../crypto/secret-box';

/** The seal context of a staff member's LINE user id: bound to the organisation and the person key. */
export const staffContext = (orgId: number, personKey: string) => `staff:${orgId}:${personKey}`;

/** Keyed hashes (current key first) that find a person among an organisation's staff. */
export const staffPersonKeys = (keyring: Keyring, orgId: number, lineUserId: string) =>
  keyedHashes(keyring, 'staff-person', `${orgId}:${lineUserId}`);
