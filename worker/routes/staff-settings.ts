import { Hono } from 'hono';
import { type AuditEntry, type StaffSettingsView, settingsBody } from '../../schema/staff-api';
import { z } from 'zod';
import { requireLiffUser } from '../auth/liff-user';
import { createDb } from '../db/client';
import { AppError } from '../errors';
import { getStaffSettings, setNotifyPolicy } from '../staff/settings-data';
import { listUnits } from '../staff/staff-data';
import { parseQuery } from './query';
import { requireRole, requireStaff, type StaffEnv } from './staff-auth';

const auditQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/**
 * The organisation's staff setup, mounted at /api/orgs/:org/staff/settings: units (any staff: routing
 * needs them), the notification policy (admins) and the audit log of corruption-case openings (admins).
 */
export const staffSettings = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .get('/units', async (c) => c.json({ items: await listUnits(createDb(c.env.DB), c.var.org.id) }))
  .get('/', requireRole('admin'), async (c) => {
    const s = await getStaffSettings(createDb(c.env.DB), c.var.org.id);
    return c.json<StaffSettingsView>({
      policy: s.policy,
      deskBound: s.deskChatId !== null,
      digestTimes: s.digestTimes,
    });
  })
  .put('/', requireRole('admin'), async (c) => {
    const body = settingsBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) throw new AppError('validation_failed', 'กรุณาเลือกรูปแบบการแจ้งเตือน', body.error.issues);
    const db = createDb(c.env.DB);
    await setNotifyPolicy(db, {
      orgId: c.var.org.id,
      policy: body.data.policy,
      by: c.var.staff.id,
      now: Date.now(),
    });
    const s = await getStaffSettings(db, c.var.org.id);
    return c.json<StaffSettingsView>({
      policy: s.policy,
      deskBound: s.deskChatId !== null,
      digestTimes: s.digestTimes,
    });
  })
  .get('/audit', requireRole('admin'), async (c) => {
    const q = parseQuery(auditQuery, c.req.query());
    const { results } = await createDb(c.env.DB)
      .$client.prepare(
        `select v.id, v.at, v.via, c.code, s.display_name from case_views v
         join complaints c on c.id = v.complaint_id join staff_members s on s.id = v.staff_id
         where v.org_id = ? and v.id < ? order by v.id desc limit ?`,
      )
      .bind(c.var.org.id, q.before ?? Number.MAX_SAFE_INTEGER, q.limit + 1)
      .all<{ id: number; at: number; via: AuditEntry['via']; code: string; display_name: string }>();
    const page = results.slice(0, q.limit);
    return c.json<{ items: AuditEntry[]; nextBefore: number | null }>({
      items: page.map((r) => ({ at: r.at, code: r.code, staffName: r.display_name, via: r.via })),
      nextBefore: results.length > q.limit ? (page.at(-1)?.id ?? null) : null,
    });
  });
