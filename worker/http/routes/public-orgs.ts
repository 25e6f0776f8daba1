import { Hono } from 'hono';
import { z } from 'zod';
import type { OrgDetail, OrgList } from '../../../schema/contracts/plan-api';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';
import { findOrgWithChannelCached } from '../../orgs/cache';
import { listOrgs } from '../../plans/orgs-data';
import { listActivePlans } from '../../plans/plans-data';
import { publicRead } from '../middleware/public-cache';
import { validate } from '../middleware/validate';

const listQuery = z.object({
  cursor: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/**
 * Public organisation directory: GET /api/orgs (keyset-paginated by slug), GET /api/orgs/:org (with its
 * active plans and its LIFF id, which is public anyway: it is in every LIFF link). Plans of an
 * organisation live in ./plans.ts.
 */
export const publicOrgs = new Hono<AppEnv>()
  // Per path, not '*': under this mount '*' would also wrap the plan routes of ./plans.ts.
  .use('/', publicRead)
  .use('/:org', publicRead)
  .get('/', validate('query', listQuery), async (c) => {
    const query = c.req.valid('query');
    const page = await listOrgs(c.var.db, { cursor: query.cursor ?? null, limit: query.limit });
    return c.json<OrgList>(page);
  })
  .get('/:org', async (c) => {
    const db = c.var.db;
    const found = await findOrgWithChannelCached(db, c.req.param('org'));
    if (!found) throw new AppError('org_not_found', 'unknown organisation');
    const { id, slug, name, kind, province } = found.org;
    const plans = await listActivePlans(db, id, c.var.now);
    return c.json<OrgDetail>({
      org: { slug, name, kind, province },
      liffId: found.channel.liffId,
      plans: plans.map((p) => p.info),
    });
  });
