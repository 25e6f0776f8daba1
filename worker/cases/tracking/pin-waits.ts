import { keyedHashes } from '../../crypto/keyed-hash';
import type { Keyring } from '../../crypto/secret-box';
import type { Db } from '../../db/client';

/** How long a typed code waits for its PIN in the person's next message. */
const WAIT_MS = 10 * 60_000;

const waitKey = async (keyring: Keyring, orgId: number, lineUserId: string) =>
  (await keyedHashes(keyring, 'track-guard', `${orgId}:wait:${lineUserId}`))[0]!;

/** Remembers that the person's next message should be the PIN of `code` (one code at a time). */
export async function awaitPin(
  db: Db,
  keyring: Keyring,
  args: { orgId: number; lineUserId: string; code: string; now: number },
): Promise<void> {
  await db.$client
    .prepare(
      `insert into track_pin_waits (org_id, person_key, code, expires_at) values (?, ?, ?, ?)
       on conflict (org_id, person_key) do update set code = excluded.code, expires_at = excluded.expires_at`,
    )
    .bind(args.orgId, await waitKey(keyring, args.orgId, args.lineUserId), args.code, args.now + WAIT_MS)
    .run();
}

/** The code waiting for this person's PIN, taken (a PIN is tried once per code typed), or null. */
export async function takePinWait(
  db: Db,
  keyring: Keyring,
  args: { orgId: number; lineUserId: string; now: number },
): Promise<string | null> {
  const row = await db.$client
    .prepare('delete from track_pin_waits where org_id = ? and person_key = ? returning code, expires_at')
    .bind(args.orgId, await waitKey(keyring, args.orgId, args.lineUserId))
    .first<{ code: string; expires_at: number }>();
  return row && row.expires_at > args.now ? row.code : null;
}
