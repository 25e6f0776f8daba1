import { keyedHashes } from '../crypto/keyed-hash';
import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';

/**
 * The optional comment after a rating (docs/staff.md, "Satisfaction"): the person's next text within
 * COMMENT_WINDOW_MS is kept on the rating, once. The window is a row of rating_comment_waits under a
 * keyed hash of the person (purpose `rating-comment-person`), never their LINE user id; the cron drops
 * expired rows.
 */
export const COMMENT_WINDOW_MS = 30 * 60 * 1000;
export const RATING_COMMENT_MAX = 500;

/** The closing a comment window is about. */
export interface CommentWindow {
  complaintId: number;
  closedVersion: number;
}

/** The person's keyed hashes for the window (current key first, then previous keys). */
export const commentPersonKeys = (keyring: Keyring, orgId: number, lineUserId: string) =>
  keyedHashes(keyring, 'rating-comment-person', `${orgId}:${lineUserId}`);

/** Opens (or moves) the person's comment window to this closing. */
export async function openCommentWindow(
  db: Db,
  at: CommentWindow & { orgId: number; personKey: string; now: number },
): Promise<void> {
  await db.$client
    .prepare(
      `insert into rating_comment_waits (org_id, person_key, complaint_id, closed_version, expires_at)
       values (?, ?, ?, ?, ?)
       on conflict (org_id, person_key) do update set complaint_id = excluded.complaint_id,
         closed_version = excluded.closed_version, expires_at = excluded.expires_at`,
    )
    .bind(at.orgId, at.personKey, at.complaintId, at.closedVersion, at.now + COMMENT_WINDOW_MS)
    .run();
}

/**
 * Takes the person's open window away (first, so a redelivered event cannot record twice): the closing
 * it was about, or null when none was open.
 */
export async function takeCommentWindow(
  db: Db,
  at: { orgId: number; personKeys: string[]; now: number },
): Promise<CommentWindow | null> {
  const marks = at.personKeys.map(() => '?').join(', ');
  const row = await db.$client
    .prepare(
      `delete from rating_comment_waits where org_id = ? and person_key in (${marks}) and expires_at > ?
       returning complaint_id, closed_version`,
    )
    .bind(at.orgId, ...at.personKeys, at.now)
    .first<{ complaint_id: number; closed_version: number }>();
  return row ? { complaintId: row.complaint_id, closedVersion: row.closed_version } : null;
}

/** Keeps the comment on the rating of that closing unless one is kept already; true when recorded. */
export async function recordComment(
  db: Db,
  at: CommentWindow & { orgId: number; now: number },
  text: string,
): Promise<boolean> {
  const result = await db.$client
    .prepare(
      `update case_ratings set comment = ?, commented_at = ?
       where complaint_id = ? and closed_version = ? and org_id = ? and comment is null`,
    )
    .bind(text, at.now, at.complaintId, at.closedVersion, at.orgId)
    .run();
  return result.meta.changes > 0;
}
