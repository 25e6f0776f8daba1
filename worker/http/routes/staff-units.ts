import { Hono } from 'hono';
import { type UnitView, unitCreateBody, unitUpdateBody } from '../../../schema/contracts/staff-admin-api';
import { requireLiffUser } from '../middleware/liff-user';
import { createDb } from '../../db/client';
import { valueOrRefuse } from '../../staff/setup-refusals';
import { listUnits } from '../../staff/staff-data';
import { createUnit, updateUnit } from '../../staff/units-data';
import { parseJsonBody, pathId } from '../middleware/json-body';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';

/**
 * The organisation's units, mounted at /api/orgs/:org/staff/units, for admins: list, create (a code is
 * made up when none is given) and rename or change whether a unit handles corruption reports. Units are
 * never deleted: complaints, categories and officers point to them. Every change writes an event.
 */
export const staffUnits = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .use(requireRole('admin'))
  .get('/', async (c) =>
    c.json<{ items: UnitView[] }>({ items: await listUnits(createDb(c.env.DB), c.var.org.id) }),
  )
  .post('/', async (c) => {
    const body = await parseJsonBody(c, unitCreateBody);
    const result = await createUnit(createDb(c.env.DB), {
      orgId: c.var.org.id,
      ...body,
      by: c.var.staff.id,
      now: Date.now(),
    });
    return c.json<UnitView>(valueOrRefuse(result), 201);
  })
  .patch('/:unitId', async (c) => {
    const unitId = pathId(c.req.param('unitId'), 'ไม่พบหน่วยงาน');
    const body = await parseJsonBody(c, unitUpdateBody);
    const result = await updateUnit(createDb(c.env.DB), {
      orgId: c.var.org.id,
      unitId,
      ...body,
      by: c.var.staff.id,
      now: Date.now(),
    });
    return c.json<UnitView>(valueOrRefuse(result));
  });
