import type { Db } from '../db/client';
import { draftEvent } from './draft-events';
import type { Draft } from './drafts-data';

/** Marks a draft paused (the "continue or start over?" question was asked) without counting as activity. */
export async function pauseDraft(db: Db, draft: Draft): Promise<void> {
  await db.$client
    .prepare('update complaint_drafts set paused = 1, version = version + 1 where id = ? and version = ?')
    .bind(draft.id, draft.version)
    .run();
}

/** Records activity that changes no answer (a photo arrived, a hint was given): the idle clock restarts. */
export async function touchDraft(db: Db, draftId: string, now: number): Promise<void> {
  await db.$client
    .prepare("update complaint_drafts set last_active_at = ? where id = ? and state = 'active'")
    .bind(now, draftId)
    .run();
}

/** Clears the pending receipt once it reached the person. */
export async function clearPendingReceipt(db: Db, draftId: string): Promise<void> {
  await db.$client
    .prepare('update complaint_drafts set receipt_sealed = null where id = ?')
    .bind(draftId)
    .run();
}

/**
 * Ends a draft without a complaint (cancelled, restarted or expired): its answers and sealed identity
 * are wiped at once, not kept for later. Evidence files are removed by the caller (R2).
 */
export async function closeDraft(
  db: Db,
  draft: Pick<Draft, 'id' | 'orgId'>,
  reason: 'cancelled' | 'restarted' | 'expired',
  now: number,
): Promise<void> {
  await db.$client.batch([
    db.$client
      .prepare(
        `update complaint_drafts set state = 'cancelled', data = '{}', name_sealed = null, phone_sealed = null,
           receipt_sealed = null, version = version + 1, last_active_at = ? where id = ? and state = 'active'`,
      )
      .bind(now, draft.id),
    draftEvent(db, draft.orgId, draft.id, reason, 'active', 'cancelled', now, reason !== 'expired'),
  ]);
}
