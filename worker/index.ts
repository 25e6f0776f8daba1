import { scheduled } from './cron/scheduled';
import type { Env } from './env';
import { app } from './http/app';

export default {
  fetch: app.fetch,
  scheduled,
} satisfies ExportedHandler<Env>;
