import {
  type AfterPhotoRefusal,
  afterPhotoOnlyText,
  afterPhotoRefusalText,
} from '../../../lib/texts/after-photo-texts';
import { AFTER_PHOTO_MAX_BYTES } from '../../../lib/texts/after-photo-texts';
import { storeAfterPhoto, takesAfterPhoto } from '../../cases/after-photos';
import { canRead } from '../../cases/case-machine';
import { getCase } from '../../cases/cases-data';
import { cleanEvidence } from '../../complaints/evidence-store';
import { fromBase64, toHex } from '../../crypto/base64';
import type { Db } from '../../db/client';
import { AppError, type ErrorCode } from '../../errors';
import type { StaffMember } from '../../staff/staff-data';

const refusalCode: Record<AfterPhotoRefusal, ErrorCode> = {
  too_large: 'payload_too_large',
  unsupported_type: 'unsupported_media_type',
  unreadable: 'validation_failed',
  external: 'unsupported_media_type',
  expired: 'validation_failed',
};

const refuse = (reason: AfterPhotoRefusal) =>
  new AppError(refusalCode[reason], afterPhotoRefusalText(reason));

/**
 * The staff LIFF close form's after photo: checked before anything is stored (a refused photo refuses
 * the request with its reason and stores nothing; the case stays open for another try), then stored
 * as the case's after photo. Its file id for the close; the caller discards it if the close is refused.
 */
export async function storeCloseFormPhoto(
  deps: { db: Db; bucket: R2Bucket; orgId: number; now: number },
  actor: StaffMember,
  caseId: number,
  body: { outcome: string; afterPhoto: string },
): Promise<string> {
  const c = await getCase(deps.db, deps.orgId, caseId);
  if (!c || !canRead(c, actor)) throw new AppError('not_found', 'ไม่พบเรื่องนี้');
  if (!takesAfterPhoto(c, body.outcome)) throw new AppError('validation_failed', afterPhotoOnlyText);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(body.afterPhoto);
  } catch {
    throw refuse('unreadable');
  }
  if (bytes.length > AFTER_PHOTO_MAX_BYTES) throw refuse('too_large');
  const clean = cleanEvidence('image', bytes);
  if (typeof clean === 'string') throw refuse(clean);
  const digest = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
  const stored = await storeAfterPhoto(deps, c.id, { bytes, sourceRef: `liff:${digest}` });
  if (typeof stored === 'string') throw refuse(stored);
  return stored.id;
}
