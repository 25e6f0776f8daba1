import type { Db } from '../db/client';

/** How long a question to a complainant waits for the answer. */
export const REPLY_WAIT_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Takes the complainant's next message in this chat (found by `personKey`, a keyed hash of their LINE
 * user id) as the answer about the case, forwarded to `askedBy`. The latest question wins.
 */
export async function awaitReply(
  db: Db,
  at: { orgId: number; personKey: string; complaintId: number; askedBy: number; now: number; ttlMs?: number },
): Promise<void> {
  await db.$client
    .prepare(
      `insert into case_reply_waits (org_id, person_key, complaint_id, asked_by, created_at, expires_at)
       values (?, ?, ?, ?, ?, ?)
       on conflict (org_id, person_key, complaint_id) do update set asked_by = excluded.asked_by,
         created_at = excluded.created_at, expires_at = excluded.expires_at`,
    )
    .bind(at.orgId, at.personKey, at.complaintId, at.askedBy, at.now, at.now + (at.ttlMs ?? REPLY_WAIT_MS))
    .run();
}
