import { createMiddleware } from 'hono/factory';
import type { StaffRole } from '../../../schema/contracts/staff';
import type { Env } from '../../env';
import type { AppVariables } from '../app-env';
import { AppError } from '../../errors';
import { findActiveStaff, type StaffMember } from '../../staff/staff-data';

/** Routes of the staff API: a verified LIFF user who is active staff of the route's organisation. */
export type StaffEnv = { Bindings: Env; Variables: AppVariables & { staff: StaffMember } };

/**
 * After `requireLiffUser`: looks the LINE user up among the organisation's ACTIVE staff on every
 * request (a removed member is refused at once; staff of another organisation are not found here).
 * Staff answers are never cached.
 */
export const requireStaff = createMiddleware<StaffEnv>(async (c, next) => {
  // Already looked up for this request by the router this one is mounted under.
  if (c.get('staff')) return next();
  const staff = await findActiveStaff(c.var.db, await c.var.keyring(), c.var.org.id, c.var.liffUser.userId);
  if (!staff) throw new AppError('forbidden', 'หน้านี้สำหรับเจ้าหน้าที่ที่ลงทะเบียนแล้วเท่านั้น');
  c.set('staff', staff);
  await next();
  c.header('cache-control', 'private, no-store');
});

/** Only staff holding one of `roles`. */
export const requireRole = (...roles: StaffRole[]) =>
  createMiddleware<StaffEnv>(async (c, next) => {
    if (!c.var.staff.roles.some((r) => roles.includes(r))) {
      throw new AppError('forbidden', 'ท่านไม่มีสิทธิ์ใช้งานส่วนนี้');
    }
    await next();
  });
