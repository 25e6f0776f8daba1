import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';
import { findOrgWithChannelCached } from '../../orgs/cache';
import { unauthorized, verifyLiffIdToken } from '../../auth/liff-id-token';

/**
 * The LINE Login channel id that a LIFF app's ID tokens are issued for: a LIFF id is
 * `<loginChannelId>-<suffix>`. Null when the organisation has no LIFF app.
 */
export function loginChannelOf(liffId: string | null): string | null {
  const match = liffId ? /^(\d+)-[A-Za-z0-9]+$/.exec(liffId) : null;
  return match ? match[1]! : null;
}

/**
 * Middleware for LIFF API routes under `/:org`: verifies `Authorization: Bearer <LIFF ID token>` for
 * that organisation's LIFF app, then sets `c.var.liffUser` (who is asking: the only source of a LINE
 * user id on these routes), `c.var.org` and `c.var.channel`. A token of another organisation's LIFF app
 * is refused (its audience is another channel).
 */
export const requireLiffUser = createMiddleware<AppEnv>(async (c, next) => {
  // Routers mounted under another's path (a case's reporter contact under the cases) run both chains.
  if (c.get('liffUser')) return next();
  const found = await findOrgWithChannelCached(c.var.db, c.req.param('org') ?? '');
  if (!found) throw new AppError('org_not_found', 'unknown organisation');
  const channelId = loginChannelOf(found.channel.liffId);
  if (!channelId) throw new AppError('forbidden', 'หน่วยงานนี้ยังไม่เปิดใช้แบบฟอร์มใน LINE');
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  if (!match) throw unauthorized('missing');
  c.set('liffUser', await verifyLiffIdToken(c.env, match[1]!, channelId));
  c.set('org', found.org);
  c.set('channel', found.channel);
  await next();
});
