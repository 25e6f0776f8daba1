import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';

/**
 * GET /api/dev/line-platform: on `npm start`, where the local LINE platform is (it plays LINE Login and
 * the chat for LIFF pages, which cannot reach LINE from a development machine). The LIFF asks for it
 * only when served from 127.0.0.1 or localhost; a deployed Worker has no DEV_LINE_PLATFORM_URL and
 * answers 404.
 */
export const devLiff = new Hono<AppEnv>().get('/line-platform', (c) => {
  const url = c.env.DEV_LINE_PLATFORM_URL;
  if (!url) throw new AppError('not_found', 'not found');
  c.header('cache-control', 'no-store');
  return c.json({ url });
});
