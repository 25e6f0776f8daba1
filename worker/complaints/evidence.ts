import { complaintLimits } from '../../schema/contracts/complaint';
import type { Db } from '../db/client';
import { LineApiError, type LineGateway } from '../line/gateway';
import { countDraftAttachments } from './attachments-data';
import { byteLimit, type EvidenceRefusal, precheckFile } from './evidence-rules';
import { type EvidenceResult, readLimited, storeEvidence } from './evidence-store';
import { type ImageSetMember, imageSetOf, settleSetMember } from './image-sets';

export type { EvidenceResult } from './evidence-store';

/** The fields of a LINE image or file message that evidence intake needs. */
export interface EvidenceMessage {
  id: string;
  type: 'image' | 'file';
  fileName?: string;
  fileSize?: number;
  contentProvider?: { type: string };
  imageSet?: { id: string; index?: number; total?: number };
}

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
 * alone, and the stored and refused photos together tell when a set is complete.
 */
export async function receiveEvidence(deps: EvidenceDeps, message: EvidenceMessage): Promise<EvidenceResult> {
  const set = imageSetOf(message);
  const result = await intake(deps, message, set);
  if (!set || result.type === 'duplicate') return result;
  // A set is answered once, when each of its photos is stored or refused.
  const progress = await settleSetMember(deps.db, {
    orgId: deps.orgId,
    owner: { draftId: deps.draftId },
    set,
    sourceRef: message.id,
    refused: result.type === 'refused',
    now: deps.now,
  });
  return { ...result, imageSet: progress };
}

async function intake(
  deps: EvidenceDeps,
  message: EvidenceMessage,
  set: ImageSetMember | undefined,
): Promise<EvidenceResult> {
  const count = await countDraftAttachments(deps.db, deps.draftId);
  const refuse = (reason: EvidenceRefusal): EvidenceResult => ({ type: 'refused', reason, count });
  if (count >= complaintLimits.attachmentsMax) return refuse('too_many');
  const download = await receiveContent(deps, message);
  if (typeof download === 'string') return refuse(download);
  return storeEvidence(deps, { kind: message.type, bytes: download, sourceRef: message.id, imageSet: set });
}

/**
 * The bytes of an image or file message from LINE's content API, or why not: the file's name and
 * declared size are checked first, content kept outside LINE is refused, and the download stops at the
 * message type's byte limit. Shared by the complaint's evidence step and the relay to staff.
 */
export async function receiveContent(
  deps: Pick<EvidenceDeps, 'line' | 'sleep'>,
  message: EvidenceMessage,
): Promise<Uint8Array | EvidenceRefusal> {
  if (message.type === 'file') {
    const early = precheckFile(message.fileName, message.fileSize);
    if (early) return early;
  }
  if (message.contentProvider && message.contentProvider.type !== 'line') return 'external';
  return downloadContent(deps, message.id, byteLimit(message.type));
}

// The content bytes, or why not: LINE may answer 202 while it prepares large content, so retry.
async function downloadContent(
  deps: Pick<EvidenceDeps, 'line' | 'sleep'>,
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
