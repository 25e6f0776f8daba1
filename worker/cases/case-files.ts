import type { ImageSetMember } from '../complaints/image-sets';
import type { EvidenceType } from '../complaints/evidence-rules';
import { cleanEvidence, putEvidence } from '../complaints/evidence-store';
import type { Db } from '../db/client';
import { insertCaseFile } from './case-files-data';

/** A file bound for a case after filing: photo or PDF bytes and what names the upload (a repeat stores nothing). */
export interface IncomingCaseFile {
  kind: 'image' | 'file';
  bytes: Uint8Array;
  /** The LINE message id, or the LIFF upload's digest. */
  sourceRef: string;
  imageSet?: ImageSetMember;
}

/** Why a file was not added to the case: the evidence refusals, or the case holds CASE_FILES_MAX already. */
export type CaseFileRefusal = 'too_large' | 'unsupported_type' | 'unreadable' | 'full';

/**
 * Checks, cleans (photo metadata stripped, exactly like complaint evidence), stores in R2 under
 * `evidence/<org>/case-<id>/` and records one file a complainant sends to their case after filing (chat
 * relay and LIFF tracker): its type (also for a repeat, which stores nothing twice), or why not.
 */
export async function storeCaseFile(
  deps: { db: Db; bucket: R2Bucket; orgId: number; now: number },
  complaintId: number,
  input: IncomingCaseFile,
): Promise<EvidenceType | CaseFileRefusal> {
  const clean = cleanEvidence(input.kind, input.bytes);
  if (typeof clean === 'string') return clean;
  const { outcome } = await putEvidence(
    deps.bucket,
    `evidence/${deps.orgId}/case-${complaintId}`,
    clean,
    (file) =>
      insertCaseFile(deps.db, {
        ...file,
        orgId: deps.orgId,
        complaintId,
        sourceRef: input.sourceRef,
        kind: input.kind,
        imageSet: input.imageSet,
        note: `ส่ง${clean.type === 'application/pdf' ? 'ไฟล์ PDF' : 'รูปภาพ'}เพิ่มเติม`,
        now: deps.now,
      }),
  );
  return outcome === 'full' ? outcome : clean.type;
}
