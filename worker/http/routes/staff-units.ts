import { Hono } from 'hono';
import { type UnitView, unitCreateBody, unitUpdateBody } from '../../../schema/contracts/staff-admin-api';
import { requireLiffUser } from '../middleware/liff-user';
import { valueOrRefuse } from '../../staff/setup-refusals';
import { listUnits } from '../../staff/staff-data';
import { createUnit, updateUnit } from '../../staff/units-data';
import { z } from 'zod';
import { pathId, validate } from '../middleware/validate';
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
  .get('/', async (c) => c.json<{ items: UnitView[] }>({ items: await listUnits(c.var.db, c.var.org.id) }))
  .post('/', validate('json', unitCreateBody), async (c) => {
    const result = await createUnit(c.var.db, {
      orgId: c.var.org.id,
      ...c.req.valid('json'),
      by: c.var.staff.id,
      now: c.var.now,
    });
    return c.json<UnitView>(valueOrRefuse(result), 201);
  })
  .patch(
    '/:unitId',
    validate('param', z.object({ unitId: pathId }), { message: 'ไม่พบหน่วยงาน' }),
    validate('json', unitUpdateBody),
    async (c) => {
      const result = await updateUnit(c.var.db, {
        orgId: c.var.org.id,
        unitId: c.req.valid('param').unitId,
        ...c.req.valid('json'),
        by: c.var.staff.id,
        now: c.var.now,
      });
      return c.json<UnitView>(valueOrRefuse(result));
    },
  );
