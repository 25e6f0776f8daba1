import { Hono } from 'hono';
import { type CaseDetail, planProjectBody } from '../../../schema/contracts/staff-api';
import { AppError } from '../../errors';
import { caseDetail } from '../../cases/case-detail-data';
import { canRead } from '../../cases/case-machine';
import { getCase } from '../../cases/cases-data';
import { setPlanProject } from '../../cases/plan-project';
import { caseParam } from '../middleware/case-param';
import { requireLiffUser } from '../middleware/liff-user';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';
import { validate } from '../middleware/validate';

/**
 * The plan project a corruption case concerns, mounted at /api/orgs/:org/staff/cases/:caseId/plan-project:
 * PUT {project: {plan, sequence} | null}, for integrity officers who may see the case; answers the case
 * as the detail page shows it. Tip patterns count tips per project (worker/cases/tip-patterns.ts).
 */
export const staffPlanProject = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .put('/', requireRole('integrity'), caseParam, validate('json', planProjectBody), async (c) => {
    const { db, org, staff, now } = c.var;
    const found = await getCase(db, org.id, c.req.valid('param').caseId);
    // Not found and not allowed answer alike, as for the case itself.
    if (!found || !canRead(found, staff)) throw new AppError('not_found', 'ไม่พบเรื่องนี้');
    const result = await setPlanProject(db, staff, found, c.req.valid('json').project, now);
    if (!result.ok) {
      if (result.reason === 'no_project')
        throw new AppError('validation_failed', result.text, { project: result.text });
      throw new AppError(result.reason === 'no_access' ? 'not_found' : 'forbidden', result.text, {
        reason: result.reason,
      });
    }
    const detail = await caseDetail(db, await c.var.keyring(), {
      orgSlug: org.slug,
      me: staff,
      c: result.case,
      now,
    });
    return c.json<CaseDetail>(detail);
  });
