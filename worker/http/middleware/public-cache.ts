import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { every } from 'hono/combine';
import type { AppEnv } from '../app-env';

/** Plans change when an admin publishes one: a minute of staleness in a resident's browser is fine. */
const CACHE_CONTROL = 'public, max-age=60';

const cacheSuccess: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  // Errors are never cached: a 404 for a plan that is being loaded right now must not stick.
  if (c.res.status === 200) c.header('Cache-Control', CACHE_CONTROL);
};

/**
 * Middleware of the public read-only API: readable from any site (it is open data), cacheable by
 * browsers and CDNs, with an ETag so a revalidation costs a 304 instead of the body. etag() runs
 * outermost so the 304 it builds keeps the Cache-Control set inside.
 */
export const publicRead = every(cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }), etag(), cacheSuccess);
