import { complaintLimits } from '../../schema/contracts/complaint';
import type { EvidenceRefusal } from '../../lib/texts/evidence-refusals';
import { toHex } from '../crypto/base64';
import type { Db } from '../db/client';
import { countDraftAttachments, insertAttachment } from './attachments-data';
import type { ImageSetMember, ImageSetProgress } from './image-sets';
import { checkBytes, type EvidenceType, extensionOf } from './evidence-rules';
import { stripImageMetadata } from './metadata-strip';
import { opaqueId } from './tracking-code';

/** A stored file as the row describes it (what the LIFF form shows back). */
export interface StoredAttachment {
  id: string;
  contentType: EvidenceType;
  sizeBytes: number;
  sha256: string;
}

export type EvidenceResult =
  | { type: 'stored'; count: number; attachment: StoredAttachment; imageSet?: ImageSetProgress }
  | { type: 'duplicate'; count: number }
  | { type: 'refused'; reason: EvidenceRefusal; count: number; imageSet?: ImageSetProgress };

export interface StoreDeps {
  db: Db;
  bucket: R2Bucket;
  orgId: number;
  draftId: string;
  now: number;
}

/** Bytes that arrived for a draft, from LINE's content API or the LIFF form's upload. */
export interface IncomingEvidence {
  kind: 'image' | 'file';
  bytes: Uint8Array;
  /** What the bytes came from (LINE message id, or the form's upload digest): a repeat is a duplicate. */
  sourceRef: string;
  imageSet?: ImageSetMember;
}

/**
 * Stores evidence for a draft, whichever channel brought it: checks the real type and size from the
 * bytes, removes photo metadata, hashes what it stores, puts it in R2 under
 * `evidence/<org>/<draft>/<id>.<ext>` and records a row (at most attachmentsMax per draft).
 */
export async function storeEvidence(deps: StoreDeps, input: IncomingEvidence): Promise<EvidenceResult> {
  const { db, draftId } = deps;
  const clean = cleanEvidence(input.kind, input.bytes);
  if (typeof clean === 'string') {
    return { type: 'refused', reason: clean, count: await countDraftAttachments(db, draftId) };
  }
  const { outcome, file } = await putEvidence(
    deps.bucket,
    `evidence/${deps.orgId}/${draftId}`,
    clean,
    (file) =>
      insertAttachment(
        db,
        {
          ...file,
          orgId: deps.orgId,
          draftId,
          sourceRef: input.sourceRef,
          kind: input.kind,
          imageSet: input.imageSet,
          now: deps.now,
        },
        complaintLimits.attachmentsMax,
      ),
  );
  const after = await countDraftAttachments(db, draftId);
  if (outcome === 'full') return { type: 'refused', reason: 'too_many', count: after };
  if (outcome === 'duplicate') return { type: 'duplicate', count: after };
  const { id, contentType, sizeBytes, sha256 } = file;
  return { type: 'stored', count: after, attachment: { id, contentType, sizeBytes, sha256 } };
}

/** A cleaned file as put in R2: what its row records. */
export interface PutFile extends StoredAttachment {
  r2Key: string;
  metadataRemovedBytes: number;
}

/**
 * Puts cleaned evidence in R2 under `<prefix>/<id>.<ext>` (hashed, so R2 checks the upload), then records
 * it with `record`; when the row is not inserted (a duplicate, or no room left) the object goes again.
 * The object comes first so that a row never points at nothing.
 */
export async function putEvidence<Outcome extends string>(
  bucket: R2Bucket,
  prefix: string,
  clean: CleanEvidence,
  record: (file: PutFile) => Promise<Outcome>,
): Promise<{ outcome: Outcome; file: PutFile }> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', clean.bytes));
  const id = opaqueId();
  const r2Key = `${prefix}/${id}.${extensionOf(clean.type)}`;
  await bucket.put(r2Key, clean.bytes, { httpMetadata: { contentType: clean.type }, sha256: digest });
  const file = {
    id,
    contentType: clean.type,
    sizeBytes: clean.bytes.length,
    sha256: toHex(digest),
    r2Key,
    metadataRemovedBytes: clean.removed,
  };
  const outcome = await record(file);
  if (outcome !== 'inserted') await bucket.delete(r2Key);
  return { outcome, file };
}

/** Evidence ready to store: its real type, and for a photo the bytes without their metadata. */
export interface CleanEvidence {
  type: EvidenceType;
  bytes: Uint8Array;
  /** How many bytes of metadata were removed (0 for a PDF, kept as it is). */
  removed: number;
}

/**
 * Checks the real type and size from the bytes and strips a photo's metadata (Exif with GPS, XMP, …);
 * a photo that cannot be parsed is refused rather than stored uncleaned. Every path that stores
 * evidence goes through here.
 */
export function cleanEvidence(
  kind: 'image' | 'file',
  input: Uint8Array,
): CleanEvidence | 'too_large' | 'unsupported_type' | 'unreadable' {
  const type = checkBytes(kind, input);
  if (type === 'too_large' || type === 'unsupported_type') return type;
  if (type === 'application/pdf') return { type, bytes: input, removed: 0 };
  const stripped = stripImageMetadata(input);
  if (!stripped) return 'unreadable';
  return { type, bytes: stripped.bytes, removed: stripped.removedBytes };
}

/** Reads a body (LINE's content, or an upload) into memory, giving up (null) as soon as it passes `limit` bytes. */
export async function readLimited(
  response: Pick<Response, 'headers' | 'body'>,
  limit: number,
): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit || !response.body) {
    await response.body?.cancel();
    return declared > limit ? null : new Uint8Array(0);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
