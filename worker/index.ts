import { app } from './app';
import type { Env } from './env';
import { sweepInbox } from './inbox/sweeper';

export default {
  fetch: app.fetch,
  scheduled(_controller, env, ctx) {
    ctx.waitUntil(sweepInbox(env));
  },
} satisfies ExportedHandler<Env>;
