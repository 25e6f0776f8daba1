import { Hono } from 'hono';
import {
  type AdminCategory,
  categoryCreateBody,
  categoryMoveBody,
  categoryUpdateBody,
} from '../../../schema/contracts/staff-admin-api';
import { requireLiffUser } from '../middleware/liff-user';
import { createDb } from '../../db/client';
import { createCategory, listAdminCategories } from '../../staff/categories-admin-data';
import { moveCategory } from '../../staff/category-order-data';
import { updateCategory } from '../../staff/category-update-data';
import { valueOrRefuse } from '../../staff/setup-refusals';
import { parseJsonBody, pathId } from '../middleware/json-body';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';

const NOT_FOUND = 'ไม่พบหมวดเรื่อง';

/**
 * Complaint categories of both tracks, mounted at /api/orgs/:org/staff/categories, for admins: list
 * (inactive ones too), create, edit (name, description, unit, active) and move up or down. Categories
 * are deactivated, never deleted: complaints point to them. The chat and the LIFF form read categories
 * from D1 on every use (no cache), so a change applies to the next person who picks one.
 */
export const staffCategories = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .use(requireRole('admin'))
  .get('/', async (c) =>
    c.json<{ items: AdminCategory[] }>({
      items: await listAdminCategories(createDb(c.env.DB), c.var.org.id),
    }),
  )
  .post('/', async (c) => {
    const body = await parseJsonBody(c, categoryCreateBody);
    const result = await createCategory(createDb(c.env.DB), {
      orgId: c.var.org.id,
      ...body,
      by: c.var.staff.id,
      now: Date.now(),
    });
    return c.json<AdminCategory>(valueOrRefuse(result), 201);
  })
  .patch('/:categoryId', async (c) => {
    const categoryId = pathId(c.req.param('categoryId'), NOT_FOUND);
    const body = await parseJsonBody(c, categoryUpdateBody);
    const result = await updateCategory(createDb(c.env.DB), {
      orgId: c.var.org.id,
      categoryId,
      ...body,
      by: c.var.staff.id,
      now: Date.now(),
    });
    return c.json<AdminCategory>(valueOrRefuse(result));
  })
  .post('/:categoryId/move', async (c) => {
    const categoryId = pathId(c.req.param('categoryId'), NOT_FOUND);
    const body = await parseJsonBody(c, categoryMoveBody);
    const result = await moveCategory(createDb(c.env.DB), {
      orgId: c.var.org.id,
      categoryId,
      direction: body.direction,
      by: c.var.staff.id,
      now: Date.now(),
    });
    return c.json<{ items: AdminCategory[] }>({ items: valueOrRefuse(result) });
  });
