import { createDb } from '../db/client';
import type { Env } from '../env';
import { deleteDraftAttachments } from './attachments-data';
import { closeDraft } from './draft-lifecycle';
import { DRAFT_TTL_MS } from './flow-steps';
import { forgetSetRefusals } from './image-sets';

/** Finished drafts (filed or cancelled) are kept a day, to answer a late double tap with the receipt. */
export const FINISHED_DRAFT_KEEP_MS = 24 * 60 * 60 * 1000;
const BATCH = 100;

/**
 * The cron's clean-up of complaint drafts: drafts untouched for 7 days are deleted with their evidence
 * (as the privacy notice promises), and finished drafts and the refused photos of image sets are
 * forgotten after a day. Idempotent.
 */
export async function purgeDrafts(
  env: Pick<Env, 'DB' | 'EVIDENCE'>,
  now = Date.now(),
): Promise<{ expired: number }> {
  const db = createDb(env.DB);
  const { results } = await db.$client
    .prepare(
      `select id, org_id from complaint_drafts where state = 'active' and last_active_at < ? order by last_active_at limit ?`,
    )
    .bind(now - DRAFT_TTL_MS, BATCH)
    .all<{ id: string; org_id: number }>();
  for (const row of results) {
    await closeDraft(db, { id: row.id, orgId: row.org_id }, 'expired', now);
    await deleteDraftAttachments(db, env.EVIDENCE, row.id);
  }
  await db.$client
    .prepare(`delete from complaint_drafts where state in ('submitted', 'cancelled') and last_active_at < ?`)
    .bind(now - FINISHED_DRAFT_KEEP_MS)
    .run();
  await forgetSetRefusals(db, now);
  return { expired: results.length };
}
