import { keyedHashes } from '../crypto/keyed-hash';
import { type Keyring, open } from '../crypto/secret-box';
import type { Db } from '../db/client';
import { createDraft, type Draft, draftContext, findLatestDraft } from './drafts-data';

/**
 * The LIFF form keeps its uploaded evidence in a draft of its own (a complaint_drafts row with no
 * answers: the page holds those until it submits). The draft is found by a keyed hash of the VERIFIED
 * LINE user id together with the form's submission key, so only the person who opened this form can add
 * to it or file it, their chat draft is never touched, and two forms open at once do not mix. It is
 * purged like any draft: 7 days untouched (with its files), or a day after it was filed.
 */
export function formDraftKeys(
  keyring: Keyring,
  orgId: number,
  userId: string,
  submissionKey: string,
): Promise<string[]> {
  return keyedHashes(keyring, 'complaint-form-draft', `${orgId}:${userId}:${submissionKey}`);
}

/** This form's draft in any state, or a new active one (two uploads at once make one draft). */
export async function openFormDraft(
  db: Db,
  args: { orgId: number; personKeys: string[]; now: number },
): Promise<Draft> {
  const existing = await findLatestDraft(db, args.orgId, args.personKeys);
  if (existing) return existing;
  return createDraft(db, {
    orgId: args.orgId,
    personKey: args.personKeys[0]!,
    personKeys: args.personKeys,
    step: 'evidence',
    data: {},
    now: args.now,
  });
}

/**
 * The PIN sealed on a filed form draft, for answering a repeated submission (a retry after the first
 * answer was lost) from the same person; undefined when there is none or it was cleared.
 */
export async function pendingPin(keyring: Keyring, draft: Draft): Promise<string | undefined> {
  if (draft.state !== 'submitted' || !draft.receiptSealed) return undefined;
  const opened = await open(keyring, draft.receiptSealed, draftContext.receipt(draft.orgId, draft.id));
  return (JSON.parse(opened) as { pin?: string }).pin;
}
