import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';
import { findOrgWithChannelCached } from '../../orgs/cache';
import { verifyAfterPhotoLink } from '../../cases/evidence-links';
import { validate } from '../middleware/validate';

const EXPIRED = 'ลิงก์นี้หมดอายุหรือไม่ถูกต้อง';
const refused = { code: 'forbidden', message: EXPIRED } as const;

/**
 * GET /api/orgs/:org/after-photos/:fileId?exp=&sig= — the after photo of a closing, for a link the
 * result message (a year) or the tracker (minutes) signed. No token: LINE fetches it for the chat and
 * an <img> cannot send one. Only a photo that went out with a closing is served, never other evidence.
 */
export const afterPhotos = new Hono<AppEnv>().get(
  '/:fileId',
  validate('param', z.object({ fileId: z.string().regex(/^[a-z2-7]{26}$/) }), refused),
  validate('query', z.object({ exp: z.coerce.number(), sig: z.string().default('') }), refused),
  async (c) => {
    const { db } = c.var;
    const found = await findOrgWithChannelCached(db, c.req.param('org') ?? '');
    const { fileId } = c.req.valid('param');
    const { exp, sig } = c.req.valid('query');
    const keyring = await c.var.keyring();
    const valid =
      found &&
      (await verifyAfterPhotoLink(keyring, { orgId: found.org.id, fileId, exp, sig, now: c.var.now }));
    if (!valid || !found) throw new AppError('forbidden', EXPIRED);
    const row = await db.$client
      .prepare(
        `select r2_key, content_type from complaint_attachments
         where id = ? and org_id = ? and purpose = 'after' and closing_event_id is not null`,
      )
      .bind(fileId, found.org.id)
      .first<{ r2_key: string; content_type: string }>();
    const object = row ? await c.env.EVIDENCE.get(row.r2_key) : null;
    if (!row || !object) throw new AppError('not_found', 'ไม่พบไฟล์');
    return new Response(object.body, {
      headers: {
        'content-type': row.content_type,
        'cache-control': 'private, max-age=3600',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'content-disposition': 'inline',
      },
    });
  },
);
