import { complaintLimits } from '../../schema/contracts/complaint';
import type { EvidenceRefusal } from '../../lib/texts/evidence-refusals';

/**
 * What evidence we accept, decided from the bytes (a file's name and LINE's content type are claims).
 * Photos (JPEG, PNG) and PDF documents. Word files are refused: they are hard to open safely and carry
 * the author's name in their properties, which would undo an anonymous report; a PDF or a photo of the
 * page does the same job.
 */
export type EvidenceType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** The content type the bytes really are, or null when we do not accept it. */
export function sniffEvidence(bytes: Uint8Array): EvidenceType | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
    return 'application/pdf';
  return null;
}

/** File name extensions we take as files (checked again against the bytes). */
const FILE_EXTENSIONS = new Set(['pdf', 'jpg', 'jpeg', 'png']);

export type { EvidenceRefusal } from '../../lib/texts/evidence-refusals';

/** Byte limit for a LINE message type. */
export function byteLimit(kind: 'image' | 'file'): number {
  return kind === 'image' ? complaintLimits.imageMaxBytes : complaintLimits.fileMaxBytes;
}

/**
 * The early check on a file message, before downloading anything: its name and declared size.
 * Returns the refusal, or null to go on.
 */
export function precheckFile(
  fileName: string | undefined,
  fileSize: number | undefined,
): EvidenceRefusal | null {
  const extension = (fileName ?? '').toLowerCase().split('.').pop() ?? '';
  if (extension === 'doc' || extension === 'docx') return 'word_document';
  if (!FILE_EXTENSIONS.has(extension)) return 'unsupported_type';
  if (fileSize !== undefined && fileSize > complaintLimits.fileMaxBytes) return 'too_large';
  return null;
}

/** The check on downloaded bytes: their real type must be one we accept for that message type. */
export function checkBytes(
  kind: 'image' | 'file',
  bytes: Uint8Array,
): EvidenceType | 'too_large' | 'unsupported_type' {
  if (bytes.length > byteLimit(kind)) return 'too_large';
  const type = sniffEvidence(bytes);
  if (!type) return 'unsupported_type';
  if (kind === 'image' && type === 'application/pdf') return 'unsupported_type';
  return type;
}

/** File extension for a stored evidence type. */
export function extensionOf(type: EvidenceType): string {
  return type === 'image/jpeg' ? 'jpg' : type === 'image/png' ? 'png' : 'pdf';
}
