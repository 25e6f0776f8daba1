import { Hono } from 'hono';
import { z } from 'zod';
import {
  PLAN_UPLOAD_MAX_BYTES,
  type PlanAdminView,
  planUploadBody,
} from '../../../schema/contracts/plan-upload';
import { PLAN_KEY_PATTERN } from '../../../lib/plan-preview';
import { planAdminView, publishPlan, restorePlan } from '../../plans/publish-data';
import { limitBody } from '../middleware/body-limit';
import { requireLiffUser } from '../middleware/liff-user';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';
import { validate } from '../middleware/validate';

const uploadLimit = limitBody(PLAN_UPLOAD_MAX_BYTES, 'ไฟล์แผนใหญ่เกินกว่าที่ระบบรับได้');

/**
 * The organisation's anti-corruption plans, mounted at /api/orgs/:org/staff/plans, for admins only: the
 * kept versions and who published them, publishing a plan parsed in the admin's browser (validated
 * again here with the same contract), and going back to the previous version.
 */
export const staffPlans = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .use(requireRole('admin'))
  .get('/', async (c) => c.json<PlanAdminView>(await planAdminView(c.var.db, c.var.org.id, c.var.now)))
  .post('/', uploadLimit, validate('json', planUploadBody), async (c) => {
    const { document, source } = c.req.valid('json');
    const published = await publishPlan(c.var.db, {
      orgSlug: c.var.org.slug,
      doc: document,
      source,
      staffId: c.var.staff.id,
      now: c.var.now,
    });
    return c.json(published, 201);
  })
  .post(
    '/:key/restore',
    validate('param', z.object({ key: z.string().regex(PLAN_KEY_PATTERN) }), {
      message: 'ไม่พบแผนนี้',
    }),
    async (c) => {
      await restorePlan(c.var.db, {
        orgId: c.var.org.id,
        key: c.req.valid('param').key,
        staffId: c.var.staff.id,
        now: c.var.now,
      });
      return c.json({ ok: true as const });
    },
  );
