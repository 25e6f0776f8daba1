import { Hono } from 'hono';
import { z } from 'zod';
import {
  type AdminCategory,
  categoryCreateBody,
  categoryMoveBody,
  categoryUpdateBody,
} from '../../../schema/contracts/staff-admin-api';
import { requireLiffUser } from '../middleware/liff-user';
import { createCategory, listAdminCategories } from '../../staff/categories-admin-data';
import { moveCategory } from '../../staff/category-order-data';
import { updateCategory } from '../../staff/category-update-data';
import { valueOrRefuse } from '../../staff/setup-refusals';
import { pathId, validate } from '../middleware/validate';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';

const categoryParam = validate('param', z.object({ categoryId: pathId }), { message: 'ไม่พบหมวดเรื่อง' });

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
    c.json<{ items: AdminCategory[] }>({ items: await listAdminCategories(c.var.db, c.var.org.id) }),
  )
  .post('/', validate('json', categoryCreateBody), async (c) => {
    const result = await createCategory(c.var.db, {
      orgId: c.var.org.id,
      ...c.req.valid('json'),
      by: c.var.staff.id,
      now: c.var.now,
    });
    return c.json<AdminCategory>(valueOrRefuse(result), 201);
  })
  .patch('/:categoryId', categoryParam, validate('json', categoryUpdateBody), async (c) => {
    const result = await updateCategory(c.var.db, {
      orgId: c.var.org.id,
      categoryId: c.req.valid('param').categoryId,
      ...c.req.valid('json'),
      by: c.var.staff.id,
      now: c.var.now,
    });
    return c.json<AdminCategory>(valueOrRefuse(result));
  })
  .post('/:categoryId/move', categoryParam, validate('json', categoryMoveBody), async (c) => {
    const result = await moveCategory(c.var.db, {
      orgId: c.var.org.id,
      categoryId: c.req.valid('param').categoryId,
      direction: c.req.valid('json').direction,
      by: c.var.staff.id,
      now: c.var.now,
    });
    return c.json<{ items: AdminCategory[] }>({ items: valueOrRefuse(result) });
  });
