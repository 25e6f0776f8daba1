import { Hono } from 'hono';
import { z } from 'zod';
import { type DayOffView, dayOffCreateBody } from '../../../schema/contracts/days-off-api';
import { addDayOff, dayOffRange, listDaysOff, removeDayOff } from '../../calendar/days-off';
import { valueOrRefuse } from '../../staff/setup-refusals';
import { requireLiffUser } from '../middleware/liff-user';
import { pathId, validate } from '../middleware/validate';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';

/**
 * The organisation's days off, mounted at /api/orgs/:org/staff/days-off, for admins: the coming two
 * years (national and its own), add one of its own, remove one of its own not yet come. National days
 * are the operator's (tools/holidays-load.ts). Every change writes an event.
 */
export const staffDaysOff = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .use(requireRole('admin'))
  .get('/', async (c) => {
    const { from, to } = dayOffRange(c.var.now);
    return c.json<{ items: DayOffView[]; from: string; to: string }>({
      items: await listDaysOff(c.var.db, c.var.org.id, from, to),
      from,
      to,
    });
  })
  .post('/', validate('json', dayOffCreateBody), async (c) => {
    const result = await addDayOff(c.var.db, {
      orgId: c.var.org.id,
      ...c.req.valid('json'),
      by: c.var.staff.id,
      now: c.var.now,
    });
    return c.json<DayOffView>(valueOrRefuse(result), 201);
  })
  .delete('/:dayId', validate('param', z.object({ dayId: pathId }), { message: 'ไม่พบวันหยุดนี้' }), async (c) => {
    valueOrRefuse(
      await removeDayOff(c.var.db, {
        orgId: c.var.org.id,
        id: c.req.valid('param').dayId,
        by: c.var.staff.id,
        now: c.var.now,
      }),
    );
    return c.body(null, 204);
  });
