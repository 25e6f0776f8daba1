import { trackGuardRules } from '../../../lib/texts/tracking-texts';
import { keyedHashes } from '../../crypto/keyed-hash';
import type { Keyring } from '../../crypto/secret-box';
import type { Db } from '../../db/client';

/**
 * The guessing limit on opening a case by code and PIN: failures are counted per person and per code
 * (both keyed hashes, so the table names neither), and five within an hour lock that key for an hour.
 * A code that does not exist is counted like one that does, so a lock says nothing about the code.
 * Listing one's own cases never reads this table: a lock cannot keep anyone from their own cases.
 */
export interface GuardKeys {
  person: string;
  code: string;
}

const MINUTE = 60_000;
const WINDOW_MS = trackGuardRules.windowMinutes * MINUTE;
const LOCK_MS = trackGuardRules.lockMinutes * MINUTE;

/** The guard keys of a person (LINE user id) trying a code. */
export async function guardKeys(
  keyring: Keyring,
  orgId: number,
  lineUserId: string,
  code: string,
): Promise<GuardKeys> {
  const [[person], [byCode]] = await Promise.all([
    keyedHashes(keyring, 'track-guard', `${orgId}:person:${lineUserId}`),
    keyedHashes(keyring, 'track-guard', `${orgId}:code:${code}`),
  ]);
  return { person: person!, code: byCode! };
}

/** When the lock on either key ends, or null when neither is locked now. */
export async function lockedUntil(
  db: Db,
  orgId: number,
  keys: GuardKeys,
  now: number,
): Promise<number | null> {
  const row = await db.$client
    .prepare(
      `select max(locked_until) as until from track_guards
       where org_id = ? and guard_key in (?, ?) and locked_until > ?`,
    )
    .bind(orgId, keys.person, keys.code, now)
    .first<{ until: number | null }>();
  return row?.until ?? null;
}

/**
 * Counts one failure on both keys (a new window once the last one is over an hour old); returns the
 * end of the lock when this failure locked either key.
 */
export async function recordFailure(
  db: Db,
  orgId: number,
  keys: GuardKeys,
  now: number,
): Promise<number | null> {
  const c = db.$client;
  const stale = now - WINDOW_MS;
  const count = 'case when window_start <= ? then 1 else failures + 1 end';
  const upsert = (key: string) =>
    c
      .prepare(
        `insert into track_guards (org_id, guard_key, failures, window_start, locked_until)
         values (?, ?, 1, ?, case when 1 >= ? then ? end)
         on conflict (org_id, guard_key) do update set
           failures = ${count},
           window_start = case when window_start <= ? then ? else window_start end,
           locked_until = case when ${count} >= ? then ? else locked_until end`,
      )
      .bind(
        orgId,
        key,
        now,
        trackGuardRules.maxFailures,
        now + LOCK_MS,
        stale,
        stale,
        now,
        stale,
        trackGuardRules.maxFailures,
        now + LOCK_MS,
      );
  await c.batch([upsert(keys.person), upsert(keys.code)]);
  return lockedUntil(db, orgId, keys, now);
}

/** Forgets windows, locks and waits (PIN, "ส่งข้อมูลเพิ่มเติม") that are over (the cron). */
export async function purgeTrackGuards(db: Db, now: number): Promise<void> {
  const before = now - Math.max(WINDOW_MS, LOCK_MS);
  await db.$client.batch([
    db.$client
      .prepare('delete from track_guards where window_start < ? and coalesce(locked_until, 0) < ?')
      .bind(before, now),
    db.$client.prepare('delete from track_pin_waits where expires_at < ?').bind(now),
    db.$client.prepare('delete from case_info_waits where expires_at < ?').bind(now),
    db.$client.prepare('delete from rating_comment_waits where expires_at < ?').bind(now),
  ]);
}
