import { Hono } from 'hono';
import type { CallbackPhone } from '../../../schema/contracts/staff-identity';
import { AppError } from '../../errors';
import { canRead, isHandler } from '../../cases/case-machine';
import { getCase } from '../../cases/cases-data';
import { readCallbackPhone } from '../../cases/reporter-contact';
import { caseParam } from '../middleware/case-param';
import { requireLiffUser } from '../middleware/liff-user';
import { requireStaff, type StaffEnv } from '../middleware/staff-auth';

/**
 * A general grievance's call-back phone, mounted at /api/orgs/:org/staff/cases/:caseId/callback-phone:
 * POST (a read that is recorded, so not a GET a browser might prefetch), for the staff who handle the
 * case; audited, never cached. The complainant gave it so that the office would call back.
 */
export const staffCallback = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .post('/', caseParam, async (c) => {
    const { db, org, staff } = c.var;
    const found = await getCase(db, org.id, c.req.valid('param').caseId);
    if (!found || !canRead(found, staff)) throw new AppError('not_found', 'ไม่พบเรื่องนี้ หรือท่านไม่มีสิทธิ์เข้าถึงเรื่องนี้');
    // Those who would make the call: its handlers (not an executive reading it, not another unit).
    if (!isHandler(found, staff)) throw new AppError('forbidden', 'เบอร์โทรกลับเปิดได้เฉพาะผู้รับผิดชอบเรื่องนี้');
    const phone = found.callbackPhone
      ? await readCallbackPhone(db, await c.var.keyring(), {
          orgId: org.id,
          caseId: found.id,
          staffId: staff.id,
          now: c.var.now,
        })
      : null;
    if (!phone) throw new AppError('not_found', 'ผู้ร้องเรียนไม่ได้ให้เบอร์โทรกลับ', { reason: 'no_phone' });
    return c.json<CallbackPhone>({ phone });
  });
