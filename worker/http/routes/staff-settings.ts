import { Hono } from 'hono';
import { checkinBody, digestTimesBody, retentionBody } from '../../../schema/contracts/staff-admin-api';
import {
  type AuditEntry,
  type StaffSettingsView,
  settingsBody,
} from '../../../schema/contracts/staff-members-api';
import { z } from 'zod';
import type { MessageUsage } from '../../../schema/contracts/message-usage';
import { requireLiffUser } from '../middleware/liff-user';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { LineApiError } from '../../line/gateway';
import { lineForOrg } from '../../orgs/org-line';
import {
  getStaffSettings,
  setDigestTimes,
  setNotifyPolicy,
  setReminderPolicy,
  setCheckinDays,
  setRetention,
} from '../../staff/settings-data';
import { listUnits } from '../../staff/staff-data';
import { validate } from '../middleware/validate';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';

const auditQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

async function settingsView(db: Db, orgId: number): Promise<StaffSettingsView> {
  const s = await getStaffSettings(db, orgId);
  return {
    policy: s.policy,
    reminderPolicy: s.reminderPolicy,
    deskBound: s.deskChatId !== null,
    digestTimes: s.digestTimes,
    retention: s.retention,
    checkinDays: s.checkinDays,
  };
}

/**
 * The organisation's staff setup, mounted at /api/orgs/:org/staff/settings: units (any staff: routing
 * needs them), the notification policy (admins) and the audit log of corruption-case reads (openings,
 * evidence files, lists, exports of the audit chain) and of confidential reporters' contacts read by
 * integrity officers, with their reasons (admins).
 */
export const staffSettings = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .get('/units', async (c) => c.json({ items: await listUnits(c.var.db, c.var.org.id) }))
  .get('/', requireRole('admin'), async (c) => c.json(await settingsView(c.var.db, c.var.org.id)))
  .put(
    '/',
    requireRole('admin'),
    validate('json', settingsBody, { message: 'กรุณาเลือกรูปแบบการแจ้งเตือน' }),
    async (c) => {
      const body = c.req.valid('json');
      const db = c.var.db;
      const who = { orgId: c.var.org.id, by: c.var.staff.id, now: c.var.now };
      if (body.policy) await setNotifyPolicy(db, { ...who, policy: body.policy });
      if (body.reminderPolicy) await setReminderPolicy(db, { ...who, policy: body.reminderPolicy });
      return c.json(await settingsView(db, c.var.org.id));
    },
  )
  // This month's billable messages against the plan's quota: what the policy choice costs, read from LINE.
  .get('/message-usage', requireRole('admin'), async (c) => {
    const target = await lineForOrg(c.env, c.var.db, await c.var.keyring(), c.var.org.id);
    if (!target) throw new AppError('not_found', 'หน่วยงานนี้ยังไม่ได้เชื่อมต่อบัญชี LINE');
    try {
      const [quota, consumption] = await Promise.all([
        target.line.getQuota(),
        target.line.getQuotaConsumption(),
      ]);
      return c.json<MessageUsage>({
        quota: quota.type === 'limited' ? (quota.value ?? 0) : null,
        used: consumption.totalUsage,
      });
    } catch (error) {
      throw new AppError('line_api_failed', 'ยังอ่านจำนวนข้อความจาก LINE ไม่ได้ กรุณาลองใหม่ภายหลัง', {
        status: error instanceof LineApiError ? error.status : 0,
      });
    }
  })
  .put('/digest-times', requireRole('admin'), validate('json', digestTimesBody), async (c) => {
    const { times } = c.req.valid('json');
    const db = c.var.db;
    await setDigestTimes(db, { orgId: c.var.org.id, times, by: c.var.staff.id, now: c.var.now });
    return c.json(await settingsView(db, c.var.org.id));
  })
  // How long finished cases keep personal data; the privacy notice states it (docs/privacy.md).
  .put('/retention', requireRole('admin'), validate('json', retentionBody), async (c) => {
    const days = c.req.valid('json');
    const db = c.var.db;
    await setRetention(db, { orgId: c.var.org.id, days, by: c.var.staff.id, now: c.var.now });
    return c.json(await settingsView(db, c.var.org.id));
  })
  .put('/checkin', requireRole('admin'), validate('json', checkinBody), async (c) => {
    const { days } = c.req.valid('json');
    await setCheckinDays(c.var.db, { orgId: c.var.org.id, days, by: c.var.staff.id, now: c.var.now });
    return c.json(await settingsView(c.var.db, c.var.org.id));
  })
  .get('/audit', requireRole('admin'), validate('query', auditQuery), async (c) => {
    const q = c.req.valid('query');
    const { results } = await c.var.db.$client
      .prepare(
        `select v.id, v.at, v.via, v.items, c.code, s.display_name, json_extract(e.data, '$.reason') as reason
         from case_views v
         left join complaints c on c.id = v.complaint_id join staff_members s on s.id = v.staff_id
         left join events e on v.via = 'reveal' and e.entity = 'complaint'
           and e.entity_id = cast(v.complaint_id as text) and e.action = 'reporter_contact_viewed'
           and json_extract(e.data, '$.viewId') = v.id
         where v.org_id = ? and v.id < ? order by v.id desc limit ?`,
      )
      .bind(c.var.org.id, q.before ?? Number.MAX_SAFE_INTEGER, q.limit + 1)
      .all<{
        id: number;
        at: number;
        via: AuditEntry['via'];
        items: number | null;
        code: string | null;
        display_name: string;
        reason: string | null;
      }>();
    const page = results.slice(0, q.limit);
    return c.json<{ items: AuditEntry[]; nextBefore: number | null }>({
      items: page.map((r) => ({
        at: r.at,
        code: r.code,
        staffName: r.display_name,
        via: r.via,
        items: r.items ?? undefined,
        reason: r.reason ?? undefined,
      })),
      nextBefore: results.length > q.limit ? (page.at(-1)?.id ?? null) : null,
    });
  });
