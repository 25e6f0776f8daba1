import { Hono } from 'hono';
import { z } from 'zod';
import { officerUnitsBody } from '../../../schema/contracts/staff-admin-api';
import {
  type InviteIssued,
  inviteBody,
  type StaffMe,
  type StaffMemberView,
} from '../../../schema/contracts/staff-members-api';
import { requireLiffUser } from '../middleware/liff-user';
import { AppError } from '../../errors';
import { inviteStatements } from '../../staff/invites';
import { setOfficerUnits } from '../../staff/officer-units-data';
import { lineForOrg } from '../../orgs/org-line';
import { removeStaff } from '../../staff/removal';
import { unlinkStaffMenu } from '../../staff/staff-menu';
import { valueOrRefuse } from '../../staff/setup-refusals';
import { findUnit, listStaff } from '../../staff/staff-data';
import { pathId, validate } from '../middleware/validate';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';

const view = ({ id, displayName, roles, unitIds }: StaffMemberView): StaffMemberView => ({
  id,
  displayName,
  roles,
  unitIds,
});

const staffParam = validate('param', z.object({ staffId: pathId }), { message: 'ไม่พบเจ้าหน้าที่' });

/**
 * Staff members, mounted at /api/orgs/:org/staff/members: who am I and colleagues (any staff), and for
 * admins invites (one-time codes, as in chat), officers' units and removal (effective on the member's
 * next request).
 */
export const staffMembers = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .get('/me', (c) => {
    const { org, staff } = c.var;
    return c.json<StaffMe>({ org: { slug: org.slug, name: org.name }, staff: view(staff) });
  })
  // Every staff member may list colleagues (to assign a case); managing them is for admins.
  .get('/', async (c) => {
    const people = await listStaff(c.var.db, c.var.org.id);
    return c.json<{ items: StaffMemberView[] }>({ items: people.map(view) });
  })
  .post(
    '/invites',
    requireRole('admin'),
    validate('json', inviteBody, { message: 'กรุณาเลือกบทบาท' }),
    async (c) => {
      const body = c.req.valid('json');
      const { db, org, staff } = c.var;
      const unit = body.unitId ? await findUnit(db, org.id, { id: body.unitId }) : null;
      if (body.role === 'officer' && !unit)
        throw new AppError('validation_failed', 'กรุณาเลือกหน่วยงานของเจ้าหน้าที่');
      const issued = await inviteStatements(await c.var.keyring(), {
        orgId: org.id,
        kind: 'staff',
        role: body.role,
        unitId: unit?.id ?? null,
        createdBy: staff.id,
        now: c.var.now,
      });
      await db.$client.batch(issued.statements.map((s) => db.$client.prepare(s.sql).bind(...s.params)));
      return c.json<InviteIssued>(
        { code: issued.code, expiresAt: issued.expiresAt, command: `ลงทะเบียนเจ้าหน้าที่ ${issued.code}` },
        201,
      );
    },
  )
  // The whole set of an officer's units (replaces the old one); see worker/staff/officer-units-data.ts.
  .put('/:staffId/units', requireRole('admin'), staffParam, validate('json', officerUnitsBody), async (c) => {
    const result = await setOfficerUnits(c.var.db, {
      orgId: c.var.org.id,
      staffId: c.req.valid('param').staffId,
      unitIds: c.req.valid('json').unitIds,
      by: c.var.staff.id,
      now: c.var.now,
    });
    return c.json<StaffMemberView>(view(valueOrRefuse(result)));
  })
  .delete('/:staffId', requireRole('admin'), staffParam, async (c) => {
    const { staffId } = c.req.valid('param');
    if (staffId === c.var.staff.id) throw new AppError('conflict', 'ลบตัวเองไม่ได้ กรุณาให้ผู้ดูแลระบบคนอื่นดำเนินการ');
    const removed = await removeStaff(c.var.db, {
      orgId: c.var.org.id,
      staffId,
      by: c.var.staff.id,
      now: c.var.now,
    });
    if (!removed) throw new AppError('not_found', 'ไม่พบเจ้าหน้าที่');
    const keyring = await c.var.keyring();
    const target = await lineForOrg(c.env, c.var.db, keyring, c.var.org.id);
    if (target) await unlinkStaffMenu(target.line, c.var.db, keyring, c.var.org.id, staffId);
    return c.body(null, 204);
  });
