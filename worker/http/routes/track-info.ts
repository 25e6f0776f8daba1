import { type EvidenceRefusal, refusalText } from '../../../lib/texts/evidence-refusals';
import { infoAddedText, infoClosedText, infoLimitText } from '../../../lib/texts/tracking-texts';
import { INFO_PER_DAY_MAX } from '../../cases/info-added';
import { storeCaseFile } from '../../cases/case-files';
import { cleanEvidence } from '../../complaints/evidence-store';
import { fromBase64, toHex } from '../../crypto/base64';
import type { Env } from '../../env';
import { AppError, type ErrorCode } from '../../errors';
import { addInformation } from '../../notices/info-added-notice';
import type { OrgLine } from '../../orgs/org-line';
import type { TrackDeps } from '../../cases/tracking/track-cases';

const refusalCode: Partial<Record<EvidenceRefusal, ErrorCode>> = {
  too_large: 'payload_too_large',
  unsupported_type: 'unsupported_media_type',
};

const fullText = ' รูปบางรูปไม่ได้แนบ เพราะเรื่องนี้มีรูปและไฟล์ที่ส่งเพิ่มครบจำนวนที่รับได้แล้ว';

function decode(photo: string): Uint8Array {
  try {
    return fromBase64(photo);
  } catch {
    throw new AppError('validation_failed', 'รูปภาพที่ส่งมาอ่านไม่ได้ กรุณาเลือกใหม่');
  }
}

/**
 * The LIFF's "ส่งข้อมูลเพิ่มเติม" on a case the caller may open (track.ts checked): photos first, each
 * checked before any is stored (one refused photo refuses the request, nothing stored), then stored as
 * files of the case like the chat's; then the text and one notice through the chat's domain function.
 * The Thai confirmation; AppError for a refusal.
 */
export async function addInfoFromLiff(
  env: Env,
  deps: TrackDeps & { target: OrgLine },
  access: { id: number; code: string },
  body: { text?: string; photos?: string[] },
): Promise<string> {
  const photos = (body.photos ?? []).map(decode);
  for (const bytes of photos) {
    const clean = cleanEvidence('image', bytes);
    if (typeof clean === 'string')
      throw new AppError(refusalCode[clean] ?? 'validation_failed', refusalText(clean, 'image'));
  }
  let stored = 0;
  let full = false;
  let ref = '';
  for (const bytes of photos) {
    const digest = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
    ref ||= digest;
    const outcome = await storeCaseFile(
      { db: deps.db, bucket: env.EVIDENCE, orgId: deps.orgId, now: deps.now },
      access.id,
      { kind: 'image', bytes, sourceRef: `liff:${digest}` },
    );
    if (outcome === 'full') full = true;
    else stored++;
  }
  if (!body.text && stored === 0) throw new AppError('conflict', fullText.trim());
  const noticeDeps = { env, db: deps.db, keyring: deps.keyring, target: deps.target, now: deps.now };
  const done = await addInformation(noticeDeps, {
    complaintId: access.id,
    text: body.text || null,
    photos: stored,
    ref,
  });
  // The day's texts are used up but the photos went in: they are still announced.
  if (done === 'limit' && stored > 0)
    await addInformation(noticeDeps, { complaintId: access.id, text: null, photos: stored, ref });
  if (done === 'closed') throw new AppError('conflict', infoClosedText(access.code));
  if (done === 'limit') throw new AppError('conflict', infoLimitText(access.code, INFO_PER_DAY_MAX));
  return infoAddedText(done.code) + (full ? fullText : '');
}
