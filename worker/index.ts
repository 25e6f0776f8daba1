import { app } from './app';
import { purgeDrafts } from './complaints/purge';
import type { Env } from './env';
import { sweepInbox } from './inbox/sweeper';

export default {
  fetch: app.fetch,
  scheduled(_controller, env, ctx) {
    ctx.waitUntil(sweepInbox(env));
    ctx.waitUntil(purgeDrafts(env));
  },
} satisfies ExportedHandler<Env>;
