import { Hono } from 'hono';
import { z } from 'zod';
import type { OrgDetail, OrgList } from '../../schema/plan-api';
import { createDb } from '../db/client';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { findPublicOrg, listOrgs } from '../plans/orgs-data';
import { listActivePlans } from '../plans/plans-data';
import { publicRead } from './public-cache';
import { parseQuery } from './query';

const listQuery = z.object({
  cursor: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/**
 * Public organisation directory: GET /api/orgs (keyset-paginated by slug), GET /api/orgs/:org (with its
 * active plans). Plans of an organisation live in ./plans.ts.
 */
export const publicOrgs = new Hono<AppEnv>()
  // Per path, not '*': under this mount '*' would also wrap the plan routes of ./plans.ts.
  .use('/', publicRead)
  .use('/:org', publicRead)
  .get('/', async (c) => {
    const query = parseQuery(listQuery, c.req.query());
    const page = await listOrgs(createDb(c.env.DB), { cursor: query.cursor ?? null, limit: query.limit });
    return c.json<OrgList>(page);
  })
  .get('/:org', async (c) => {
    const db = createDb(c.env.DB);
    const org = await findPublicOrg(db, c.req.param('org'));
    if (!org) throw new AppError('org_not_found', 'unknown organisation');
    const plans = await listActivePlans(db, org.id);
    const { id: _id, ...summary } = org;
    return c.json<OrgDetail>({ org: summary, plans: plans.map((p) => p.info) });
  });
