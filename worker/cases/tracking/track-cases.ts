import type { TrackedCaseDetail } from '../../../schema/contracts/tracking';
import { ownerKeys } from '../../complaints/owner-key';
import { keyedHashes, saltedHash, verifySaltedHash } from '../../crypto/keyed-hash';
import type { Keyring } from '../../crypto/secret-box';
import type { Db } from '../../db/client';
import { guardKeys, lockedUntil, recordFailure } from './track-guard';
import { openQuestionFor, recordComplainantAnswer } from '../complainant-answer';
import { replyPersonKeys } from '../complainant-notifier';
import { awaitReply } from '../reply-waits';
import { photoLinker } from './photo-links';
import { type CodeLookup, findByCode, latestAsker, listOwnCases } from './tracking-data';

// A reporter who cannot be reached in LINE answers a question after opening the case with code + PIN:
// the opening account may answer for this long (the wait is a keyed hash, gone when it expires).
const PIN_ANSWER_MS = 30 * 60_000;

/**
 * The complainant's tracker, for the chat and the LIFF alike (docs/tracking.md). The person is the
 * verified LINE user id of the webhook or the LIFF ID token, never anything typed.
 *
 * - Their own identified and confidential cases open by account (list, or the code alone).
 * - Anything else opens only with code and PIN: an anonymous case with its right PIN. Every other
 *   attempt (no such code, another person's, another organisation's, a wrong PIN) is the same refusal,
 *   counted against the person and the code (track-guard.ts).
 */
export interface TrackDeps {
  db: Db;
  keyring: Keyring;
  orgId: number;
  now: number;
  /** Shows the results' after photos, with links under `origin` ('' for a path on this worker). */
  photos?: { orgSlug: string; origin: string };
}

/** The person's own cases (never anonymous ones), `limit` of them and how many more. */
export async function ownCases(deps: TrackDeps, lineUserId: string, limit: number) {
  const keys = await ownerKeys(deps.keyring, deps.orgId, lineUserId);
  const photos = photoLinker(deps);
  return listOwnCases(deps.db, { orgId: deps.orgId, ownerKeys: keys, limit, now: deps.now, photos });
}

/** A code typed on its own: the person's own case, or null (then only code and PIN can open it). */
export async function ownCaseByCode(
  deps: TrackDeps,
  lineUserId: string,
  code: string,
): Promise<TrackedCaseDetail | null> {
  const keys = await ownerKeys(deps.keyring, deps.orgId, lineUserId);
  const photos = photoLinker(deps);
  const found = await findByCode(deps.db, {
    orgId: deps.orgId,
    code,
    ownerKeys: keys,
    now: deps.now,
    photos,
  });
  return found?.own ? withQuestion(deps, lineUserId, found) : null;
}

// The open question stays on the page only for the person it was asked of (the notifier's wait).
async function withQuestion(
  deps: TrackDeps,
  lineUserId: string,
  found: CodeLookup,
): Promise<TrackedCaseDetail> {
  if (!found.detail.question) return found.detail;
  const open = await openQuestionFor(deps.db, deps.keyring, {
    orgId: deps.orgId,
    complaintId: found.id,
    lineUserId,
    now: deps.now,
  });
  return open ? found.detail : { ...found.detail, question: null };
}

/**
 * Answers the open question of the case `code`, asked of this person (chat relay's code path); the
 * case as staff see it (for telling the asker) and who asked, or null when there is no such question.
 */
export async function answerQuestion(deps: TrackDeps, lineUserId: string, code: string, answer: string) {
  const found = await findByCode(deps.db, { orgId: deps.orgId, code, ownerKeys: [], now: deps.now });
  const open = found
    ? await openQuestionFor(deps.db, deps.keyring, {
        orgId: deps.orgId,
        complaintId: found.id,
        lineUserId,
        now: deps.now,
      })
    : null;
  if (!open) return null;
  const c = await recordComplainantAnswer(deps.db, {
    orgId: deps.orgId,
    complaintId: open.complaintId,
    answer,
    now: deps.now,
  });
  return c ? { case: c, askedBy: open.askedBy } : null;
}

export type PinResult =
  | { ok: true; id: number; detail: TrackedCaseDetail }
  | { ok: false; lockedUntil: number | null };

/** Whether opening by code and PIN is locked for this person or code now (the end of the lock). */
export async function pinLock(deps: TrackDeps, lineUserId: string, code: string): Promise<number | null> {
  return lockedUntil(
    deps.db,
    deps.orgId,
    await guardKeys(deps.keyring, deps.orgId, lineUserId, code),
    deps.now,
  );
}

// A PIN hashed under a previous data key is hashed again under the current one once it is known to be
// right (docs/privacy.md, key rotation): the old key can go once the open cases have been looked at.
async function rehashPin(deps: TrackDeps, found: CodeLookup, pin: string): Promise<void> {
  if (!found.pinHash || found.pinHash.split('.')[1] === deps.keyring.currentId) return;
  const fresh = await saltedHash(deps.keyring, 'complaint-pin', `${deps.orgId}:${found.vaultId}:${pin}`);
  await deps.db.$client
    .prepare('update complaints set pin_hash = ? where id = ? and org_id = ? and pin_hash = ?')
    .bind(fresh, found.id, deps.orgId, found.pinHash)
    .run();
}

/** An anonymous case by code and PIN; a refusal says only whether the person or code is now locked. */
export async function caseByPin(
  deps: TrackDeps,
  lineUserId: string,
  code: string,
  pin: string,
): Promise<PinResult> {
  const guard = await guardKeys(deps.keyring, deps.orgId, lineUserId, code);
  const locked = await lockedUntil(deps.db, deps.orgId, guard, deps.now);
  if (locked) return { ok: false, lockedUntil: locked };
  const found = await findByCode(deps.db, { orgId: deps.orgId, code, ownerKeys: [], now: deps.now });
  let right = false;
  if (found?.anonymous && found.pinHash) {
    right = await verifySaltedHash(
      deps.keyring,
      'complaint-pin',
      `${deps.orgId}:${found.vaultId}:${pin}`,
      found.pinHash,
    );
  } else {
    // About the same work as a real check, so the answer's timing does not tell the cases apart.
    await keyedHashes(deps.keyring, 'complaint-pin', `${deps.orgId}:${code}:${pin}`);
  }
  if (right && found) {
    await rehashPin(deps, found, pin);
    if (!found.reachInLine && found.detail.question) await letAnswer(deps, lineUserId, found.id);
    return { ok: true, id: found.id, detail: await withQuestion(deps, lineUserId, found) };
  }
  return { ok: false, lockedUntil: await recordFailure(deps.db, deps.orgId, guard, deps.now) };
}

// The question was never pushed (no LINE identity is kept), so no one is waiting for its answer yet:
// whoever proved code + PIN on this account may answer it, in the chat or on the page, for a while.
async function letAnswer(deps: TrackDeps, lineUserId: string, complaintId: number): Promise<void> {
  const askedBy = await latestAsker(deps.db, complaintId);
  if (askedBy === null) return;
  const [personKey] = await replyPersonKeys(deps.keyring, deps.orgId, lineUserId);
  await awaitReply(deps.db, {
    orgId: deps.orgId,
    personKey: personKey!,
    complaintId,
    askedBy,
    now: deps.now,
    ttlMs: PIN_ANSWER_MS,
  });
}

export type InfoAccess =
  | { ok: true; id: number; open: boolean; code: string }
  | { ok: false; lockedUntil: number | null };

/**
 * The case `code` this person may add information to (LIFF): their own by account, or an anonymous
 * case with its PIN (counted against the guessing limit like any code + PIN). Refusals are uniform.
 */
export async function caseForInfo(
  deps: TrackDeps,
  lineUserId: string,
  code: string,
  pin: string | undefined,
): Promise<InfoAccess> {
  if (pin !== undefined) {
    const result = await caseByPin(deps, lineUserId, code, pin);
    return result.ok
      ? { ok: true, id: result.id, open: result.detail.open, code: result.detail.code }
      : result;
  }
  const keys = await ownerKeys(deps.keyring, deps.orgId, lineUserId);
  const found = await findByCode(deps.db, { orgId: deps.orgId, code, ownerKeys: keys, now: deps.now });
  return found?.own
    ? { ok: true, id: found.id, open: found.detail.open, code: found.detail.code }
    : { ok: false, lockedUntil: null };
}
