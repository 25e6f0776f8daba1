import { app } from './http/app';
import { purgeTrackGuards } from './cases/tracking/track-guard';
import { purgeDrafts } from './complaints/purge';
import { createDb } from './db/client';
import type { Env } from './env';
import { sweepInbox } from './inbox/sweeper';
import { deliverDueNotices } from './notices/notify-new-case';
import { runStaffSchedules } from './notices/schedules';

export default {
  fetch: app.fetch,
  scheduled(_controller, env, ctx) {
    ctx.waitUntil(sweepInbox(env));
    ctx.waitUntil(purgeDrafts(env));
    ctx.waitUntil(purgeTrackGuards(createDb(env.DB), Date.now()));
    ctx.waitUntil(deliverDueNotices(env));
    ctx.waitUntil(runStaffSchedules(env));
  },
} satisfies ExportedHandler<Env>;
