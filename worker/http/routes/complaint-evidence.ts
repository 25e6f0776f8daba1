import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import type { EvidenceStored } from '../../../schema/contracts/complaint-api';
import {
  complaintLimits,
  evidenceContentTypes,
  submissionKeyPattern,
} from '../../../schema/contracts/complaint-rules';
import { type EvidenceRefusal, refusalText } from '../../../lib/texts/evidence-refusals';
import { deleteDraftAttachment, findDraftAttachment } from '../../complaints/attachments-data';
import type { EvidenceType } from '../../complaints/evidence-rules';
import { storeEvidence } from '../../complaints/evidence-store';
import { findLatestDraft } from '../../complaints/drafts-data';
import { formDraftKeys, openFormDraft } from '../../complaints/form-drafts';
import { toHex } from '../../crypto/base64';
import type { AppEnv } from '../app-env';
import { AppError, type ErrorCode } from '../../errors';
import { limitBody } from '../middleware/body-limit';
import { validate } from '../middleware/validate';

const refusalCode: Record<EvidenceRefusal, ErrorCode> = {
  too_large: 'payload_too_large',
  too_many: 'conflict',
  unsupported_type: 'unsupported_media_type',
  word_document: 'unsupported_media_type',
  external: 'unsupported_media_type',
  unreadable: 'validation_failed',
  expired: 'validation_failed',
};

function refuse(reason: EvidenceRefusal, kind: 'image' | 'file'): AppError {
  return new AppError(refusalCode[reason], refusalText(reason, kind), { reason });
}

const BAD_KEY = 'รหัสการส่งเรื่องไม่ถูกต้อง';

/** `?key=<submissionKey>`: the form's idempotency key, which also names its draft. */
const keyQuery = validate(
  'query',
  z.object({ key: z.string({ error: BAD_KEY }).regex(submissionKeyPattern, BAD_KEY) }),
  { code: 'validation_failed', message: BAD_KEY },
);

/** The declared type of an upload; the bytes are checked again in storeEvidence. */
function declaredKind(c: Context): 'image' | 'file' {
  const declared = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(evidenceContentTypes as readonly string[]).includes(declared))
    throw refuse('unsupported_type', 'file');
  return declared === 'application/pdf' ? 'file' : 'image';
}

/** The size is checked before anything is written (and before the draft exists), by the declared kind. */
const evidenceSizeLimit = createMiddleware<AppEnv>(async (c, next) => {
  const kind = declaredKind(c);
  const limit = kind === 'file' ? complaintLimits.fileMaxBytes : complaintLimits.imageMaxBytes;
  return limitBody(limit, () => refuse('too_large', kind))(c, next);
});

/** The active draft of this person's form; the first upload makes it. */
async function formDraft(c: { var: AppEnv['Variables'] }, key: string, create: boolean) {
  const { db, org, liffUser, now } = c.var;
  const personKeys = await formDraftKeys(await c.var.keyring(), org.id, liffUser.userId, key);
  const draft = create
    ? await openFormDraft(db, { orgId: org.id, personKeys, now })
    : await findLatestDraft(db, org.id, personKeys);
  if (!draft) throw new AppError('not_found', 'ไม่พบไฟล์นี้');
  if (draft.state !== 'active') throw new AppError('conflict', 'เรื่องนี้ส่งไปแล้ว แนบหลักฐานเพิ่มไม่ได้');
  return { db, draft };
}

/**
 * Evidence of the LIFF form, mounted under the form router (which verifies the LIFF ID token first):
 * POST /evidence?key=<submissionKey> with the file as the raw body and its Content-Type (JPEG, PNG or
 * PDF), and DELETE /evidence/:id?key=… before filing. Same rules as the chat (worker/complaints/
 * evidence-store.ts): type from the bytes, size limits, metadata removed, SHA-256, at most 5 per form.
 */
export const complaintEvidence = new Hono<AppEnv>()
  .post('/', evidenceSizeLimit, keyQuery, async (c) => {
    const kind = declaredKind(c);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new AppError('bad_request', 'ไม่พบไฟล์ที่แนบ');
    const { db, draft } = await formDraft(c, c.req.valid('query').key, true);

    // The digest of what was uploaded names the upload: the same photo sent twice is stored once.
    const sourceRef = `form:${toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))}`;
    const deps = { db, bucket: c.env.EVIDENCE, orgId: c.var.org.id, draftId: draft.id, now: c.var.now };
    const result = await storeEvidence(deps, { kind, bytes, sourceRef });
    if (result.type === 'refused') throw refuse(result.reason, kind);
    const attachment =
      result.type === 'stored' ? result.attachment : await findDraftAttachment(db, draft.id, sourceRef);
    if (!attachment) throw new AppError('conflict', 'ไฟล์นี้ถูกลบระหว่างส่ง กรุณาแนบใหม่');
    const answer: EvidenceStored = {
      id: attachment.id,
      contentType: attachment.contentType as EvidenceType,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      count: result.count,
    };
    return c.json(answer, result.type === 'stored' ? 201 : 200);
  })
  .delete('/:id', keyQuery, async (c) => {
    const { db, draft } = await formDraft(c, c.req.valid('query').key, false);
    const removed = await deleteDraftAttachment(db, c.env.EVIDENCE, draft.id, c.req.param('id'));
    if (!removed) throw new AppError('not_found', 'ไม่พบไฟล์นี้');
    return c.body(null, 204);
  });
