import { strFromU8, unzipSync } from 'fflate';
import { DocumentReadError } from './document-error';
import { attr, childrenNamed, parseXml, type XmlElement } from './xml-tree';

// Containers whose content is part of the text flow (content controls, custom XML, inserted revisions).
const TRANSPARENT = new Set([
  'w:body',
  'w:sdt',
  'w:sdtContent',
  'w:customXml',
  'w:ins',
  'w:smartTag',
  'w:hyperlink',
]);
// Never text: deleted revisions, field instructions, the duplicate fallback of drawings, properties.
const SKIPPED = new Set(['w:del', 'w:delText', 'w:instrText', 'mc:Fallback', 'w:pPr', 'w:rPr', 'w:sectPr']);

function runText(element: XmlElement, out: string[]): void {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (SKIPPED.has(child.name)) continue;
    if (child.name === 'w:t') out.push(child.children.filter((c) => typeof c === 'string').join(''));
    else if (child.name === 'w:tab' || child.name === 'w:ptab') out.push('\t');
    else if (child.name === 'w:br' || child.name === 'w:cr') out.push('\n');
    else if (child.name === 'w:noBreakHyphen') out.push('-');
    else runText(child, out);
  }
}

function paragraphText(p: XmlElement): string {
  const out: string[] = [];
  runText(p, out);
  return out.join('');
}

/** Elements named `name` among the children, looking through transparent containers. */
function flowChildren(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((c) => {
    if (typeof c === 'string') return [];
    if (c.name === name) return [c];
    return TRANSPARENT.has(c.name) ? flowChildren(c, name) : [];
  });
}

function property(element: XmlElement, container: string, name: string): XmlElement | null {
  const props = childrenNamed(element, container)[0];
  return props ? (childrenNamed(props, name)[0] ?? null) : null;
}

// A cell is one run of text: its paragraphs and any nested table are joined with spaces, because a line break
// inside a cell would split the row the parser reads.
function cellText(cell: XmlElement): string {
  const parts: string[] = [];
  const walk = (element: XmlElement) => {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      if (child.name === 'w:p') parts.push(paragraphText(child));
      else if (child.name === 'w:tbl')
        for (const row of tableRows(child)) parts.push(row.replace(/\t/g, ' '));
      else if (TRANSPARENT.has(child.name)) walk(child);
    }
  };
  walk(cell);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function span(element: XmlElement | null): number {
  const n = element ? Number(attr(element, 'w:val')) : 1;
  return Number.isInteger(n) && n > 0 ? n : 1;
}

// Rows as the seed texts flatten them: one tab-separated line per row, a horizontally merged cell followed by
// empty cells so later columns keep their index, the continuation of a vertically merged cell empty.
function tableRows(table: XmlElement): string[] {
  return flowChildren(table, 'w:tr').map((row) => {
    const before = property(row, 'w:trPr', 'w:gridBefore');
    const cells: string[] = before ? Array(span(before)).fill('') : [];
    for (const cell of flowChildren(row, 'w:tc')) {
      const merge = property(cell, 'w:tcPr', 'w:vMerge');
      const continued = merge !== null && attr(merge, 'w:val') !== 'restart';
      cells.push(continued ? '' : cellText(cell));
      for (let i = 1; i < span(property(cell, 'w:tcPr', 'w:gridSpan')); i++) cells.push('');
    }
    return cells.join('\t');
  });
}

function bodyLines(element: XmlElement, lines: string[]): void {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === 'w:p') lines.push(...paragraphText(child).split('\n'));
    else if (child.name === 'w:tbl') lines.push(...tableRows(child));
    else if (TRANSPARENT.has(child.name) || child.name === 'w:document') bodyLines(child, lines);
  }
}

/**
 * Reads a Word `.docx` (a zip holding `word/document.xml`) into text lines: a paragraph per line, a table row
 * per line with its cells separated by tabs, like the converted seed texts.
 */
export function readDocx(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch {
    throw new DocumentReadError(
      'damaged',
      'ไฟล์ Word นี้เสียหาย เปิดอ่านไม่ได้ กรุณาบันทึกใหม่เป็น .docx แล้วอัปโหลดอีกครั้ง',
      'This Word file is damaged (the zip cannot be opened); save it again as .docx and upload it again.',
    );
  }
  const xml = files['word/document.xml'];
  if (!xml) {
    throw new DocumentReadError(
      'not-word',
      'ไฟล์นี้เป็นไฟล์บีบอัด (zip) แต่ไม่ใช่เอกสาร Word (.docx) กรุณาอัปโหลดไฟล์ .docx, .pdf หรือ .txt',
      'This file is a zip archive but not a Word document (.docx); upload a .docx, .pdf or .txt file.',
    );
  }
  const lines: string[] = [];
  try {
    bodyLines(parseXml(strFromU8(xml)), lines);
  } catch (error) {
    throw new DocumentReadError(
      'damaged',
      'ไฟล์ Word นี้เสียหาย อ่านเนื้อหาไม่ได้ กรุณาบันทึกใหม่เป็น .docx แล้วอัปโหลดอีกครั้ง',
      `This Word file is damaged (${error instanceof Error ? error.message : String(error)}); save it again as .docx.`,
    );
  }
  return lines.join('\n');
}
