import { complaintLimits } from '../../schema/contracts/complaint-rules';

/**
 * Why a photo or file was not attached, and how we say so in Thai: the chat answers with it, the LIFF
 * form shows it under the photo (its own early checks use the same words). No zod: the LIFF imports it.
 */
export type EvidenceRefusal =
  | 'unsupported_type'
  | 'word_document'
  | 'too_large'
  | 'too_many'
  | 'unreadable'
  | 'external'
  | 'expired';

const MB = 1024 * 1024;

/** Why a photo or file was not attached, in one Thai line. */
export function refusalText(reason: EvidenceRefusal, kind: 'image' | 'file'): string {
  switch (reason) {
    case 'too_many':
      return `แนบหลักฐานได้สูงสุด ${complaintLimits.attachmentsMax} ไฟล์ ตอนนี้ครบแล้ว ไฟล์นี้จึงไม่ได้แนบ`;
    case 'too_large':
      return kind === 'image'
        ? `รูปภาพนี้ใหญ่เกิน ${complaintLimits.imageMaxBytes / MB} MB จึงไม่ได้แนบ`
        : `ไฟล์นี้ใหญ่เกิน ${complaintLimits.fileMaxBytes / MB} MB จึงไม่ได้แนบ`;
    case 'word_document':
      return 'ยังไม่รับไฟล์ Word กรุณาบันทึกเป็น PDF หรือถ่ายภาพเอกสารแทน';
    case 'unsupported_type':
    case 'external':
      return 'รับเฉพาะรูปภาพ (JPG, PNG) และไฟล์ PDF ไฟล์นี้จึงไม่ได้แนบ';
    case 'unreadable':
      return 'ไม่สามารถเปิดไฟล์นี้ได้ กรุณาลองส่งใหม่อีกครั้ง';
    case 'expired':
      return 'ไฟล์นี้หมดอายุในระบบ LINE แล้ว กรุณาส่งใหม่อีกครั้ง';
  }
}
