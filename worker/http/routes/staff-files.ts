import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';
import { findOrgWithChannelCached } from '../../orgs/cache';
import { verifyFileLink } from '../../cases/evidence-links';
import { recordCaseView } from '../../cases/case-transition-data';
import { validate } from '../middleware/validate';

const EXPIRED = 'ลิงก์นี้หมดอายุหรือไม่ถูกต้อง กรุณาเปิดเรื่องอีกครั้ง';
const refused = { code: 'forbidden', message: EXPIRED } as const;

/**
 * GET /api/orgs/:org/staff/files/:fileId?exp=&by=&sig= — an evidence file, for a link signed by the case
 * detail for one staff member (who had access) and still within its few minutes. No token: an <img>
 * cannot send one. A corruption case's file is written to the access log as that member's read before
 * it is served. The answer is never cached by shared caches and never sniffed or run.
 */
export const staffFiles = new Hono<AppEnv>().get(
  '/:fileId',
  validate('param', z.object({ fileId: z.string().regex(/^[a-z2-7]{26}$/) }), refused),
  validate(
    'query',
    z.object({ exp: z.coerce.number(), by: z.coerce.number().int().positive(), sig: z.string().default('') }),
    refused,
  ),
  async (c) => {
    const { db } = c.var;
    const found = await findOrgWithChannelCached(db, c.req.param('org') ?? '');
    const { fileId } = c.req.valid('param');
    const { exp, by, sig } = c.req.valid('query');
    const keyring = await c.var.keyring();
    const valid =
      found &&
      (await verifyFileLink(keyring, { orgId: found.org.id, fileId, exp, staffId: by, sig, now: c.var.now }));
    if (!valid || !found) throw new AppError('forbidden', EXPIRED);
    const row = await db.$client
      .prepare(
        `select a.r2_key, a.content_type, a.complaint_id, c.track from complaint_attachments a
         join complaints c on c.id = a.complaint_id where a.id = ? and a.org_id = ?`,
      )
      .bind(fileId, found.org.id)
      .first<{ r2_key: string; content_type: string; complaint_id: number; track: string }>();
    const object = row ? await c.env.EVIDENCE.get(row.r2_key) : null;
    if (!row || !object) throw new AppError('not_found', 'ไม่พบไฟล์');
    if (row.track === 'corruption') {
      const orgId = found.org.id;
      await recordCaseView(db, {
        orgId,
        caseId: row.complaint_id,
        staffId: by,
        via: 'evidence',
        now: c.var.now,
      });
    }
    return new Response(object.body, {
      headers: {
        'content-type': row.content_type,
        'cache-control': 'private, max-age=300',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'content-disposition': row.content_type === 'application/pdf' ? 'attachment' : 'inline',
      },
    });
  },
);
