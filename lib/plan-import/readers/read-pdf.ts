import { DocumentReadError } from './document-error';
import { type PlacedText, pageLines } from './pdf-lines';
import { thaiTextStats, unreadableThaiReason } from './thai-check';

// Fewer readable characters than this per page means there is no text layer worth reading (scanned pages).
const MIN_CHARACTERS_PER_PAGE = 20;

// Many Thai fonts draw sara am (ำ) as nikhahit + sara aa; their Unicode map then gives two characters.
const composeSaraAm = (text: string) => text.replace(/\u0e4d\u0e32/g, '\u0e33');

function unreadable(reason: string): DocumentReadError {
  return new DocumentReadError(
    'pdf-unreadable-thai',
    'อ่านข้อความภาษาไทยในไฟล์ PDF นี้ไม่ได้: แบบอักษร (ฟอนต์) ในไฟล์ไม่มีรหัสอักขระภาษาไทยที่ใช้ได้ ' +
      'ข้อความที่อ่านได้จะผิดเพี้ยน จึงไม่นำเข้า กรุณาอัปโหลดไฟล์ Word (.docx) หรือไฟล์ PDF ที่บันทึกโดยฝังแบบอักษร Unicode',
    `The Thai text of this PDF cannot be read: its fonts have no usable Unicode mapping for Thai (${reason}), so ` +
      'importing it would produce garbage. Upload the Word file (.docx) or a PDF saved with embedded Unicode fonts.',
  );
}

/**
 * Reads a PDF's text with pdf.js (the legacy build runs in Node and in browsers), page by page with lines and
 * table cells rebuilt from the runs' positions. Refuses a PDF without a text layer and one whose Thai comes out
 * unreadable (fonts without a usable Unicode map), rather than import garbage.
 */
export async function readPdf(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException')
      throw new DocumentReadError(
        'encrypted',
        'ไฟล์ PDF นี้ตั้งรหัสผ่านไว้ กรุณาอัปโหลดไฟล์ที่ไม่มีรหัสผ่าน',
        'This PDF is password-protected; upload a copy without a password.',
      );
    throw new DocumentReadError(
      'damaged',
      'ไฟล์ PDF นี้เสียหาย เปิดอ่านไม่ได้ กรุณาบันทึกใหม่แล้วอัปโหลดอีกครั้ง',
      `This PDF is damaged and cannot be opened (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const pages: string[] = [];
  const warnings: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ disableNormalization: true });
      const items: PlacedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [, , c, d, x, y] = item.transform as number[];
        items.push({
          text: composeSaraAm(item.str),
          x: x!,
          y: y!,
          width: item.width,
          size: Math.hypot(c!, d!) || item.height,
        });
      }
      const lines = pageLines(items);
      if (lines.length === 0) warnings.push(`Page ${n} has no text.`);
      pages.push(lines.join('\n'));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  const text = pages.join('\n\n');
  const stats = thaiTextStats(text);
  if (stats.characters < MIN_CHARACTERS_PER_PAGE * pages.length) {
    throw new DocumentReadError(
      'pdf-no-text',
      'ไฟล์ PDF นี้ไม่มีข้อความให้อ่าน (อาจเป็นภาพสแกน) กรุณาอัปโหลดไฟล์ Word (.docx) หรือไฟล์ PDF ที่ส่งออกจาก Word',
      'This PDF has no text layer (probably scanned pages); upload the Word file (.docx) or a PDF exported from Word.',
    );
  }
  const reason = unreadableThaiReason(stats);
  if (reason) throw unreadable(reason);
  return { text, warnings };
}
