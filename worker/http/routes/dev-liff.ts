import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';

/**
 * GET /api/dev/liff-sdk: on `npm start`, a redirect to the local LINE platform's LIFF SDK (it plays
 * LINE Login, which cannot be reached from a development machine). The LIFF asks for it only when served
 * from 127.0.0.1 or localhost; a deployed Worker has no DEV_LIFF_SDK_URL and answers 404.
 */
export const devLiff = new Hono<AppEnv>().get('/liff-sdk', (c) => {
  const url = c.env.DEV_LIFF_SDK_URL;
  if (!url) throw new AppError('not_found', 'not found');
  return c.redirect(url, 302);
});
