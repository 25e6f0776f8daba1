import { purgeDrafts } from '../complaints/purge';
import type { Env } from '../env';
import { sweepInbox } from '../inbox/sweeper';
import { deliverDueNotices } from '../notices/notify-new-case';
import { runStaffSchedules } from '../notices/schedules';

/**
 * The every-minute cron: the inbox sweeper, leftover drafts, due staff notices and the calendar jobs
 * (overdue reminders, the monthly report). Each job claims its own work, so overlapping ticks are safe.
 */
export const scheduled: ExportedHandlerScheduledHandler<Env> = (_controller, env, ctx) => {
  ctx.waitUntil(sweepInbox(env));
  ctx.waitUntil(purgeDrafts(env));
  ctx.waitUntil(deliverDueNotices(env));
  ctx.waitUntil(runStaffSchedules(env));
};
