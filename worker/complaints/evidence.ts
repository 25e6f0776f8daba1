import { complaintLimits } from '../../schema/complaint';
import { toHex } from '../crypto/base64';
import type { Db } from '../db/client';
import { LineApiError, type LineGateway } from '../line/gateway';
import { countDraftAttachments, imageSetCount, insertAttachment } from './attachments-data';
import { byteLimit, checkBytes, type EvidenceRefusal, extensionOf, precheckFile } from './evidence-rules';
import { stripImageMetadata } from './metadata-strip';
import { opaqueId } from './tracking-code';

/** The fields of a LINE image or file message that evidence intake needs. */
export interface EvidenceMessage {
  id: string;
  type: 'image' | 'file';
  fileName?: string;
  fileSize?: number;
  contentProvider?: { type: string };
  imageSet?: { id: string; index?: number; total?: number };
}

export type EvidenceResult =
  | { type: 'stored'; count: number; imageSet?: { total: number; received: number } }
  | { type: 'duplicate'; count: number }
  | { type: 'refused'; reason: EvidenceRefusal; count: number };

export interface EvidenceDeps {
  db: Db;
  bucket: R2Bucket;
  line: Pick<LineGateway, 'getContent'>;
  orgId: number;
  draftId: string;
  now: number;
  /** Waits between attempts while LINE prepares large content (replaceable in tests). */
  sleep?: (ms: number) => Promise<void>;
}

const CONTENT_ATTEMPTS = 4;

/**
 * Copies one image or file from LINE to R2 the moment it arrives (LINE deletes content after a while):
 * checks type and size from the bytes, removes photo metadata, hashes what it stores, and records a row
 * for the draft. Photos from several at once arrive as separate events in any order; each is handled
 * alone, and the row count tells when a set is complete.
 */
export async function receiveEvidence(deps: EvidenceDeps, message: EvidenceMessage): Promise<EvidenceResult> {
  const { db, draftId } = deps;
  const count = await countDraftAttachments(db, draftId);
  const refuse = (reason: EvidenceRefusal, n = count): EvidenceResult => ({
    type: 'refused',
    reason,
    count: n,
  });
  if (count >= complaintLimits.attachmentsMax) return refuse('too_many');
  if (message.type === 'file') {
    const early = precheckFile(message.fileName, message.fileSize);
    if (early) return refuse(early);
  }
  if (message.contentProvider && message.contentProvider.type !== 'line') return refuse('external');

  const download = await downloadContent(deps, message.id, byteLimit(message.type));
  if (typeof download === 'string') return refuse(download);
  const type = checkBytes(message.type, download);
  if (type === 'too_large' || type === 'unsupported_type') return refuse(type);

  let bytes = download;
  let removed = 0;
  if (type !== 'application/pdf') {
    const stripped = stripImageMetadata(download);
    if (!stripped) return refuse('unreadable');
    bytes = stripped.bytes;
    removed = stripped.removedBytes;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const id = opaqueId();
  const r2Key = `evidence/${deps.orgId}/${draftId}/${id}.${extensionOf(type)}`;
  await deps.bucket.put(r2Key, bytes, { httpMetadata: { contentType: type }, sha256: digest });

  const set = message.imageSet;
  const outcome = await insertAttachment(
    db,
    {
      id,
      orgId: deps.orgId,
      draftId,
      sourceRef: message.id,
      kind: message.type,
      contentType: type,
      sizeBytes: bytes.length,
      sha256: toHex(digest),
      r2Key,
      metadataRemovedBytes: removed,
      imageSet: set?.id && set.total ? { id: set.id, index: set.index ?? 0, total: set.total } : undefined,
      now: deps.now,
    },
    complaintLimits.attachmentsMax,
  );
  if (outcome !== 'inserted') await deps.bucket.delete(r2Key);
  const after = await countDraftAttachments(db, draftId);
  if (outcome === 'full') return refuse('too_many', after);
  if (outcome === 'duplicate') return { type: 'duplicate', count: after };
  if (set?.id && set.total) {
    return {
      type: 'stored',
      count: after,
      imageSet: { total: set.total, received: await imageSetCount(db, draftId, set.id) },
    };
  }
  return { type: 'stored', count: after };
}

// The content bytes, or why not: LINE may answer 202 while it prepares large content, so retry.
async function downloadContent(
  deps: EvidenceDeps,
  messageId: string,
  limit: number,
): Promise<Uint8Array | EvidenceRefusal> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  for (let attempt = 0; attempt < CONTENT_ATTEMPTS; attempt++) {
    let response: Response;
    try {
      response = await deps.line.getContent(messageId);
    } catch (error) {
      if (error instanceof LineApiError && (error.status === 404 || error.status === 410)) return 'expired';
      throw error;
    }
    if (response.status !== 202) return (await readLimited(response, limit)) ?? 'too_large';
    await response.body?.cancel();
    if (attempt < CONTENT_ATTEMPTS - 1) await sleep(500 * 2 ** attempt);
  }
  return 'unreadable';
}

// Reads a body into memory, giving up (null) as soon as it passes `limit` bytes.
async function readLimited(response: Response, limit: number): Promise<Uint8Array | null> {
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
