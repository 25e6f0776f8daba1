import { Hono } from 'hono';
import { z } from 'zod';
import { officerUnitsBody } from '../../../schema/contracts/staff-admin-api';
import {
  type InviteIssued,
  inviteBody,
  type StaffMe,
  type StaffMemberView,
} from '../../../schema/contracts/staff-api';
import { requireLiffUser } from '../middleware/liff-user';
import { keyringFromEnv } from '../../crypto/keyring';
import { createDb } from '../../db/client';
import { AppError } from '../../errors';
import { inviteStatements } from '../../staff/invites';
import { setOfficerUnits } from '../../staff/officer-units-data';
import { removeStaff } from '../../staff/removal';
import { valueOrRefuse } from '../../staff/setup-refusals';
import { findUnit, listStaff } from '../../staff/staff-data';
import { parseJsonBody, pathId } from '../middleware/json-body';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';

const view = ({ id, displayName, roles, unitIds }: StaffMemberView): StaffMemberView => ({
  id,
  displayName,
  roles,
  unitIds,
});

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
    const people = await listStaff(createDb(c.env.DB), c.var.org.id);
    return c.json<{ items: StaffMemberView[] }>({ items: people.map(view) });
  })
  .post('/invites', requireRole('admin'), async (c) => {
    const body = inviteBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) throw new AppError('validation_failed', 'กรุณาเลือกบทบาท', body.error.issues);
    const db = createDb(c.env.DB);
    const { org, staff } = c.var;
    const unit = body.data.unitId ? await findUnit(db, org.id, { id: body.data.unitId }) : null;
    if (body.data.role === 'officer' && !unit)
      throw new AppError('validation_failed', 'กรุณาเลือกหน่วยงานของเจ้าหน้าที่');
    const issued = await inviteStatements(await keyringFromEnv(c.env), {
      orgId: org.id,
      kind: 'staff',
      role: body.data.role,
      unitId: unit?.id ?? null,
      createdBy: staff.id,
      now: Date.now(),
    });
    await db.$client.batch(issued.statements.map((s) => db.$client.prepare(s.sql).bind(...s.params)));
    return c.json<InviteIssued>(
      { code: issued.code, expiresAt: issued.expiresAt, command: `ลงทะเบียนเจ้าหน้าที่ ${issued.code}` },
      201,
    );
  })
  // The whole set of an officer's units (replaces the old one); see worker/staff/officer-units-data.ts.
  .put('/:staffId/units', requireRole('admin'), async (c) => {
    const staffId = pathId(c.req.param('staffId'), 'ไม่พบเจ้าหน้าที่');
    const body = await parseJsonBody(c, officerUnitsBody);
    const result = await setOfficerUnits(createDb(c.env.DB), {
      orgId: c.var.org.id,
      staffId,
      unitIds: body.unitIds,
      by: c.var.staff.id,
      now: Date.now(),
    });
    return c.json<StaffMemberView>(view(valueOrRefuse(result)));
  })
  .delete('/:staffId', requireRole('admin'), async (c) => {
    const id = z.coerce.number().int().positive().safeParse(c.req.param('staffId'));
    if (!id.success) throw new AppError('not_found', 'ไม่พบเจ้าหน้าที่');
    if (id.data === c.var.staff.id) throw new AppError('conflict', 'ลบตัวเองไม่ได้ กรุณาให้ผู้ดูแลระบบคนอื่นดำเนินการ');
    const removed = await removeStaff(createDb(c.env.DB), {
      orgId: c.var.org.id,
      staffId: id.data,
      by: c.var.staff.id,
      now: Date.now(),
    });
    if (!removed) throw new AppError('not_found', 'ไม่พบเจ้าหน้าที่');
    return c.body(null, 204);
  });
