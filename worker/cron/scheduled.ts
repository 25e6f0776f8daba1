import { purgeUnsentAfterPhotos } from '../cases/after-photos';
import { sealAuditChain } from '../audit/seal';
import { deliverComplainantNotices } from '../cases/complainant-notices';
import { purgeTrackGuards } from '../cases/tracking/track-guard';
import { purgeDrafts } from '../complaints/purge';
import { eraseExpiredCases } from '../cases/retention';
import { keyringFromEnv } from '../crypto/keyring';
import { createDb } from '../db/client';
import type { Env } from '../env';
import { sweepInbox } from '../inbox/sweeper';
import { deliverDueNotices } from '../notices/notify-new-case';
import { enqueueProgressNotices } from '../notices/progress-notices';
import { runStaffSchedules } from '../notices/schedules';
import { lineForOrg } from '../orgs/org-line';
import { refreshRichMenus } from '../orgs/rich-menus';

/**
 * The every-minute cron: the inbox sweeper, leftover drafts, expired tracking guards, after photos never
 * sent, due staff notices,
 * the complainants' progress notices every 15 working days, notices to complainants that are due (again),
 * the calendar jobs (overdue reminders, the monthly report), the erasure of closed cases past their
 * retention period, the rich menus of an organisation that has none (or old ones), and the sealing of the last minute's complaint
 * events and case accesses into the audit chain. Each job claims its own work, so overlapping ticks are
 * safe.
 */
export const scheduled: ExportedHandlerScheduledHandler<Env> = (_controller, env, ctx) => {
  ctx.waitUntil(sweepInbox(env));
  ctx.waitUntil(purgeDrafts(env));
  ctx.waitUntil(purgeTrackGuards(createDb(env.DB), Date.now()));
  ctx.waitUntil(purgeUnsentAfterPhotos(createDb(env.DB), env.EVIDENCE, Date.now()));
  ctx.waitUntil(deliverDueNotices(env));
  ctx.waitUntil(enqueueProgressNotices(createDb(env.DB), Date.now()));
  ctx.waitUntil(deliverDueComplainantNotices(env));
  ctx.waitUntil(runStaffSchedules(env));
  ctx.waitUntil(eraseExpiredCases(createDb(env.DB), env.EVIDENCE, Date.now()));
  ctx.waitUntil(refreshRichMenus(env, createDb(env.DB), Date.now()));
  ctx.waitUntil(sealAuditChain(env.DB, Date.now()));
};

/** Every due notice to complainants, each organisation through its own LINE channel. */
export async function deliverDueComplainantNotices(env: Env, now = Date.now()): Promise<void> {
  const db = createDb(env.DB);
  const keyring = await keyringFromEnv(env);
  await deliverComplainantNotices({
    db,
    keyring,
    now,
    lineFor: async (orgId) => (await lineForOrg(env, db, keyring, orgId))?.line ?? null,
  });
}
