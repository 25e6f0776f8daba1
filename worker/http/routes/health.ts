import { Hono } from 'hono';
import type { AppEnv } from '../app-env';

/** GET /healthz — liveness plus a trivial D1 round trip. */
export const health = new Hono<AppEnv>().get('/', async (c) => {
  await c.env.DB.prepare('select 1').first();
  return c.json({ ok: true });
});
