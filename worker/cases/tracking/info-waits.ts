import { keyedHashes } from '../../crypto/keyed-hash';
import type { Keyring } from '../../crypto/secret-box';
import type { Db } from '../../db/client';
import { ownerKeys } from '../../complaints/owner-key';
import type { TrackDeps } from './track-cases';
import { findByCode } from './tracking-data';

/** How long an anonymous case opened with code and PIN in the chat may start "ส่งข้อมูลเพิ่มเติม". */
export const INFO_GRANT_MS = 30 * 60_000;
/** How long the person's next messages are taken as information for the case after the tap. */
export const INFO_WINDOW_MS = 10 * 60_000;

/** The keyed hashes (current key first) of a person's "ส่งข้อมูลเพิ่มเติม" rows (case_info_waits). */
export const infoPersonKeys = (keyring: Keyring, orgId: number, lineUserId: string) =>
  keyedHashes(keyring, 'case-info-person', `${orgId}:${lineUserId}`);

const marks = (keys: string[]) => keys.map(() => '?').join(', ');

/**
 * After code and PIN opened an anonymous case in the chat: the card's "ส่งข้อมูลเพิ่มเติม" works for this
 * person for INFO_GRANT_MS (the postback cannot carry the PIN). An open window is left as it is.
 */
export async function grantInfo(
  db: Db,
  keyring: Keyring,
  args: { orgId: number; lineUserId: string; complaintId: number; now: number },
): Promise<void> {
  const [key] = await infoPersonKeys(keyring, args.orgId, args.lineUserId);
  await db.$client
    .prepare(
      `insert into case_info_waits (org_id, person_key, complaint_id, open, expires_at) values (?, ?, ?, 0, ?)
       on conflict (org_id, person_key, complaint_id) do update
         set expires_at = max(case_info_waits.expires_at, excluded.expires_at)`,
    )
    .bind(args.orgId, key!, args.complaintId, args.now + INFO_GRANT_MS)
    .run();
}

export type InfoWindow =
  | { kind: 'opened'; complaintId: number; code: string }
  | { kind: 'closed'; code: string }
  | { kind: 'refused' };

/**
 * The tap on "ส่งข้อมูลเพิ่มเติม": opens the window for the case `code` when it is the person's own
 * (by account) or an anonymous case they opened with code and PIN in this chat within INFO_GRANT_MS.
 * One window at a time: another case's window goes back to a mere grant. Everything else is the same
 * refusal (nothing tells a missing code from another person's); a closed case of theirs says so.
 */
export async function openInfoWindow(deps: TrackDeps, lineUserId: string, code: string): Promise<InfoWindow> {
  const [keys, owners] = await Promise.all([
    infoPersonKeys(deps.keyring, deps.orgId, lineUserId),
    ownerKeys(deps.keyring, deps.orgId, lineUserId),
  ]);
  const found = await findByCode(deps.db, { orgId: deps.orgId, code, ownerKeys: owners, now: deps.now });
  const granted =
    found && !found.own
      ? await deps.db.$client
          .prepare(
            `select 1 from case_info_waits where org_id = ? and complaint_id = ?
               and person_key in (${marks(keys)}) and expires_at > ?`,
          )
          .bind(deps.orgId, found.id, ...keys, deps.now)
          .first()
      : null;
  if (!found || !(found.own || granted)) return { kind: 'refused' };
  if (!found.detail.open) return { kind: 'closed', code: found.detail.code };
  const c = deps.db.$client;
  await c.batch([
    c
      .prepare(
        `update case_info_waits set open = 0 where org_id = ? and person_key in (${marks(keys)}) and open = 1`,
      )
      .bind(deps.orgId, ...keys),
    c
      .prepare(
        `insert into case_info_waits (org_id, person_key, complaint_id, open, expires_at) values (?, ?, ?, 1, ?)
         on conflict (org_id, person_key, complaint_id) do update set open = 1, expires_at = excluded.expires_at`,
      )
      .bind(deps.orgId, keys[0]!, found.id, deps.now + INFO_WINDOW_MS),
  ]);
  return { kind: 'opened', complaintId: found.id, code: found.detail.code };
}

/**
 * Takes the open window of this person for the case (the text that fills it closes it, so a
 * redelivered event is not recorded twice). False when there is none any more.
 */
export async function closeInfoWindow(
  db: Db,
  args: { orgId: number; personKeys: string[]; complaintId: number; now: number },
): Promise<boolean> {
  const row = await db.$client
    .prepare(
      `update case_info_waits set open = 0 where org_id = ? and complaint_id = ?
         and person_key in (${marks(args.personKeys)}) and open = 1 and expires_at > ? returning complaint_id`,
    )
    .bind(args.orgId, args.complaintId, ...args.personKeys, args.now)
    .first();
  return row !== null;
}
