import { Hono } from 'hono';
import { type ReporterContact, reporterContactBody } from '../../../schema/contracts/staff-identity';
import { caseParam } from '../middleware/case-param';
import { requireLiffUser } from '../middleware/liff-user';
import { AppError } from '../../errors';
import { canRead } from '../../cases/case-machine';
import { getCase } from '../../cases/cases-data';
import { revealReporterContact } from '../../cases/reporter-contact';
import { validate } from '../middleware/validate';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';

/**
 * A confidential corruption reporter's contact for integrity officers, mounted at
 * /api/orgs/:org/staff/cases/:caseId/reporter-contact: POST with a reason, audited, never cached.
 * Every refusal writes nothing; an anonymous reporter has nothing here to give.
 */
export const staffIdentity = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  // Integrity officers only: the reporter gave their name to the organisation's integrity officers,
  // not to admins or executives (who otherwise read every case).
  .post('/', requireRole('integrity'), caseParam, validate('json', reporterContactBody), async (c) => {
    const { db, org, staff } = c.var;
    const found = await getCase(db, org.id, c.req.valid('param').caseId);
    // Not found and not allowed answer alike, as for the case itself.
    if (!found || !canRead(found, staff)) throw new AppError('not_found', 'ไม่พบเรื่องนี้');
    const contact =
      found.track === 'corruption' && found.identityMode === 'confidential'
        ? await revealReporterContact(db, await c.var.keyring(), {
            orgId: org.id,
            caseId: found.id,
            staffId: staff.id,
            reason: c.req.valid('json').reason,
            now: c.var.now,
          })
        : null;
    // 404: the officer already sees the case's identity mode; this says only that there is no contact.
    if (!contact) throw new AppError('not_found', 'ไม่มีข้อมูลผู้ร้องเรียน', { reason: 'no_contact' });
    c.header('cache-control', 'no-store');
    return c.json<ReporterContact>(contact);
  });
