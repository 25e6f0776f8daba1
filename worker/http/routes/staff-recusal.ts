import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors';
import { canRead } from '../../cases/case-machine';
import { getCase } from '../../cases/cases-data';
import { declareRecusal } from '../../cases/recusal';
import { lineForOrg } from '../../orgs/org-line';
import { caseParam } from '../middleware/case-param';
import { requireLiffUser } from '../middleware/liff-user';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';
import { validate } from '../middleware/validate';

const recusalBody = z.object({
  reason: z.string().trim().max(500, { error: 'เหตุผลยาวได้ไม่เกิน 500 ตัวอักษร' }).default(''),
});

/**
 * An integrity officer's declared conflict of interest, mounted at
 * /api/orgs/:org/staff/cases/:caseId/recusal: POST {reason}. From then on the case is a 404 to them.
 */
export const staffRecusal = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .post('/', requireRole('integrity'), caseParam, validate('json', recusalBody), async (c) => {
    const { db, org, staff, now } = c.var;
    const found = await getCase(db, org.id, c.req.valid('param').caseId);
    if (!found || !canRead(found, staff)) throw new AppError('not_found', 'ไม่พบเรื่องนี้');
    const keyring = await c.var.keyring();
    const target = await lineForOrg(c.env, db, keyring, org.id);
    if (!target) throw new AppError('org_not_found', 'unknown organisation');
    const links = { env: c.env, orgSlug: org.slug, liff: target.liff };
    const result = await declareRecusal(
      { db, keyring, line: target.line, links, now },
      staff,
      found,
      c.req.valid('json').reason,
    );
    if (!result.ok) throw new AppError('forbidden', result.text, { reason: result.reason });
    return c.json({ message: result.text, told: result.told, adminsAsked: result.adminsAsked });
  });
