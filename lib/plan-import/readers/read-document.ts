import { DocumentReadError } from './document-error';
import { readDocx } from './read-docx';
import { readPdf } from './read-pdf';
import { decodeText, looksLikeText } from './read-text';

export { DocumentReadError } from './document-error';

export interface ReadDocument {
  /** The document as text lines, table rows as tab-separated cells: what `parsePlan` reads. */
  text: string;
  format: 'txt' | 'docx' | 'pdf';
  /** How the file was read when that is worth telling an operator (English). */
  warnings: string[];
}

const startsWith = (bytes: Uint8Array, ...magic: number[]) => magic.every((b, i) => bytes[i] === b);

// Images are the usual wrong upload (a photographed or scanned page); say so rather than "unknown format".
function imageKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return 'PNG';
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'JPEG';
  if (startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) return 'GIF';
  if (startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)) return 'TIFF';
  if (startsWith(bytes, 0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return 'WebP';
  if (startsWith(bytes, 0x42, 0x4d)) return 'BMP';
  return null;
}

/** Whether the bytes are a PDF (its header may follow a little junk; readers accept it within the first kB). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/**
 * Reads an uploaded plan document into text by what its bytes are, not its name: a PDF, a Word `.docx`, or plain
 * text (UTF-8, UTF-16, windows-874). Runs in Node and in browsers (no Node APIs). Throws `DocumentReadError`
 * with a Thai and an English message for anything else, or for a PDF whose Thai cannot be read.
 */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<ReadDocument> {
  if (isPdf(bytes)) return { ...(await readPdf(bytes)), format: 'pdf' };
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04))
    return { text: readDocx(bytes), format: 'docx', warnings: [] };
  const image = imageKind(bytes);
  if (image) {
    throw new DocumentReadError(
      'image',
      `ไฟล์ "${fileName}" เป็นรูปภาพ (${image}) ไม่ใช่เอกสาร กรุณาอัปโหลดไฟล์ Word (.docx), PDF ที่มีข้อความ หรือ .txt`,
      `"${fileName}" is an image (${image}), not a document; upload a Word (.docx), text PDF or .txt file.`,
    );
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new DocumentReadError(
      'legacy-word',
      `ไฟล์ "${fileName}" เป็น Word รุ่นเก่า (.doc) กรุณาเปิดแล้วบันทึกเป็น .docx ก่อนอัปโหลด`,
      `"${fileName}" is an old Word (.doc) file; open it and save it as .docx before uploading.`,
    );
  }
  const bom =
    startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff) || startsWith(bytes, 0xef, 0xbb, 0xbf);
  if (bom || looksLikeText(bytes)) return { ...decodeText(bytes), format: 'txt' };
  throw new DocumentReadError(
    'unknown-format',
    `ไม่รู้จักรูปแบบของไฟล์ "${fileName}" กรุณาอัปโหลดไฟล์ Word (.docx), PDF หรือ .txt`,
    `The format of "${fileName}" is not recognised; upload a Word (.docx), PDF or .txt file.`,
  );
}
