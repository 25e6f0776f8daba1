import { Hono } from 'hono';
import { z } from 'zod';
import type { PlanList, PlanSummary, ProjectDetail, ProjectPage } from '../../../schema/contracts/plan-api';
import type { Db } from '../../db/client';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';
import { findPublicOrg } from '../../plans/orgs-data';
import { findActivePlan, listActivePlans } from '../../plans/plans-data';
import { getProject, listProjects } from '../../plans/projects-data';
import { readPlanSummary } from '../../plans/summary-data';
import { publicRead } from '../middleware/public-cache';
import { validate } from '../middleware/validate';

const positiveInt = z.coerce.number().int().positive().max(1_000_000);

const projectQuery = z.object({
  dimension: positiveInt.optional(),
  mission: z.string().min(1).max(20).optional(),
  year: z.coerce.number().int().min(2400).max(2700).optional(),
  unit: z.string().min(1).max(200).optional(),
  q: z.string().max(100).optional(),
  cursor: positiveInt.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const projectParam = z.object({ projectId: positiveInt });

async function orgOr404(db: Db, slug: string) {
  const org = await findPublicOrg(db, slug);
  if (!org) throw new AppError('org_not_found', 'unknown organisation');
  return org;
}

/** The organisation and one of its active plans; 404 when either is unknown or the plan is another's. */
async function planOr404(db: Db, slug: string, key: string, now: number) {
  const org = await orgOr404(db, slug);
  const plan = await findActivePlan(db, org.id, key, now);
  if (!plan) throw new AppError('not_found', 'no such plan for this organisation');
  return { org: { slug: org.slug, name: org.name }, plan };
}

/**
 * Public plan API, mounted at /api/orgs/:org/plans: the organisation's plans, a plan's summary, its
 * projects (filtered, keyset-paginated) and one project. A plan id is the plan's key ("2566-2570").
 */
export const plans = new Hono<AppEnv>()
  .use(publicRead)
  .get('/', async (c) => {
    const db = c.var.db;
    const org = await orgOr404(db, c.req.param('org') ?? '');
    const items = await listActivePlans(db, org.id, c.var.now);
    return c.json<PlanList>({ items: items.map((p) => p.info) });
  })
  .get('/:planId/summary', async (c) => {
    const db = c.var.db;
    const { org, plan } = await planOr404(db, c.req.param('org') ?? '', c.req.param('planId'), c.var.now);
    const summary = await readPlanSummary(db, plan.row);
    return c.json<PlanSummary>({ org, plan: plan.info, ...summary });
  })
  .get('/:planId/projects', validate('query', projectQuery), async (c) => {
    const db = c.var.db;
    const { plan } = await planOr404(db, c.req.param('org') ?? '', c.req.param('planId'), c.var.now);
    const { cursor, limit, ...filters } = c.req.valid('query');
    const page = await listProjects(db, plan.row, { filters, after: cursor ?? null, limit });
    return c.json<ProjectPage>(page);
  })
  .get(
    '/:planId/projects/:projectId',
    validate('param', projectParam, { message: 'no such project in this plan' }),
    async (c) => {
      const db = c.var.db;
      const { org, plan } = await planOr404(db, c.req.param('org') ?? '', c.req.param('planId'), c.var.now);
      const found = await getProject(db, plan.row, c.req.valid('param').projectId);
      if (!found) throw new AppError('not_found', 'no such project in this plan');
      return c.json<ProjectDetail>({ org, plan: plan.info, ...found });
    },
  );
