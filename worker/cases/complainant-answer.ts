import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import { decide } from './case-machine';
import { writeTransition } from './case-transition-data';
import { type CaseRecord, getCase } from './cases-data';
import { replyPersonKeys } from './complainant-notifier';

/** A question staff asked the complainant that is still open for this person. */
export interface OpenQuestion {
  complaintId: number;
  askedBy: number | null;
}

/**
 * The open question on a case for the person with this LINE user id: found by the keyed hash the
 * notifier wrote with the question (case_reply_waits), so only the person it was sent to can answer it.
 */
export async function openQuestionFor(
  db: Db,
  keyring: Keyring,
  args: { orgId: number; complaintId: number; lineUserId: string; now: number },
): Promise<OpenQuestion | null> {
  const keys = await replyPersonKeys(keyring, args.orgId, args.lineUserId);
  const row = await db.$client
    .prepare(
      `select complaint_id, asked_by from case_reply_waits
       where org_id = ? and complaint_id = ? and person_key in (${keys.map(() => '?').join(', ')}) and expires_at > ?`,
    )
    .bind(args.orgId, args.complaintId, ...keys, args.now)
    .first<{ complaint_id: number; asked_by: number | null }>();
  return row ? { complaintId: row.complaint_id, askedBy: row.asked_by } : null;
}

/**
 * Records the complainant's answer to the open question (chat relay and LIFF tracker alike): an
 * `info_received` event with the answer, the case back to in progress, the question closed. Returns the
 * case, or null when it moved on meanwhile (then the question is closed too: it is no longer open).
 */
export async function recordComplainantAnswer(
  db: Db,
  args: { orgId: number; complaintId: number; answer: string; now: number },
): Promise<CaseRecord | null> {
  const c = await getCase(db, args.orgId, args.complaintId);
  const decision = c ? decide(c, { type: 'info_received' }, 'resident') : null;
  const written =
    c &&
    decision?.ok &&
    (await writeTransition(db, {
      orgId: args.orgId,
      caseId: c.id,
      fromVersion: c.version,
      fromStatus: c.status,
      next: decision.next,
      actor: { type: 'resident', ref: 'reporter' },
      action: 'info_received',
      note: args.answer,
      handling: { ...c.handling },
      clearWaits: true,
      now: args.now,
    }));
  if (written) return c;
  await db.$client
    .prepare('delete from case_reply_waits where complaint_id = ?')
    .bind(args.complaintId)
    .run();
  return null;
}
