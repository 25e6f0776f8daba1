const THAI_ZERO = 0x0e50;

/** Replaces Thai digits (๐–๙) with Arabic digits so every later pattern only has to handle one script. */
export function thaiDigitsToArabic(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * Removes HTML fragments that converters leave in table cells (`<p>`, `<ul style=…>`, `<li>`…). Tags become a
 * space, never a newline: a cell must stay on its tab-separated row.
 */
export function stripHtml(text: string): string {
  return text
    .replace(/<\/?(?:p|ul|ol|li|br|span|div|strong|b|i|em|u|font|table|tr|td|th|sup|sub)\b[^>\n]*>/gi, ' ')
    .replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

/**
 * Puts Thai marks in their standard order: a tone mark typed before the vowel above or below the same
 * consonant ("ท่ี" for "ที่", common in converted PDFs) goes after it, and nikhahit + sara aa ("ํา", how many
 * fonts draw sara am) becomes sara am, so "ลำดับที่" and "มิติที่" read the same however they were typed.
 */
export function orderThaiMarks(text: string): string {
  return text.replace(/([\u0E48-\u0E4B])([\u0E31\u0E34-\u0E39])/g, '$2$1').replace(/\u0E4D\u0E32/g, '\u0E33');
}

/**
 * Normalises a whole converted document: one line ending, Thai digits to Arabic, Thai marks in standard order,
 * no HTML, no markdown bold, no invisible characters. Tabs (table cells) and line structure are kept.
 */
export function normalizeDocument(raw: string): string {
  const text = orderThaiMarks(raw)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060]/g, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ');
  return thaiDigitsToArabic(stripHtml(text)).replace(/\*\*/g, '');
}

/** Collapses runs of spaces (not tabs or newlines) and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t]+/g, ' ').trim();
}

/**
 * Unfilled template placeholders ("ระบุชื่อองค์กรปกครองส่วนท้องถิ่น" and the garbled forms PDF conversion makes
 * of it: "ระบุนี้…", "ระบุงค์…", "ระบุนิติบุคคล…", "ระบบซื้อ…"), with the "ของ" that introduces them.
 */
const PLACEHOLDER =
  /\s*(?:ของ\s*)?(?:\(\s*)?ระบ[ุบ]\s*(?:ชื่อ|ซื้อ|นี้|งค์|นิติ\s*บุคคล|[ก-๙]{1,4}?)?\s*(?:(?:องค์กร|นิติ\s*บุคคล)\s*ปกครอง\s*ส่วน\s*ท้อง\s*ถิ่น|อปท\.?)(?:\s*\))?/g;

/** Removes unfilled template placeholders from a name. */
export function removePlaceholders(text: string): string {
  return text.includes('ระบ') || text.includes('อปท') ? text.replace(PLACEHOLDER, '') : text;
}

/** True when the text contains an unfilled template placeholder. */
export function hasPlaceholder(text: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  const found = PLACEHOLDER.test(text);
  PLACEHOLDER.lastIndex = 0;
  return found;
}

/** Drops a closing quote with no opening one (and vice versa), a common leftover of cell splitting. */
function balanceQuotes(text: string): string {
  const opens = (text.match(/“/g) ?? []).length;
  const closes = (text.match(/”/g) ?? []).length;
  if (closes > opens) return text.replace(/”(?![\s\S]*”)/, '').trim();
  if (opens > closes) return text.replace(/“(?![\s\S]*“)/, '').trim();
  return text;
}

/**
 * Cleans a project, mission or dimension name: placeholders removed, dot leaders ("....") and stray bullets
 * dropped, spaces collapsed, unbalanced quotes fixed.
 */
export function cleanName(text: string): string {
  let name = removePlaceholders(text);
  name = name.replace(/\s*\.{2,}\s*/g, ' ').replace(/…+/g, ' ');
  name = name.replace(/พ\.ศ\s+(?=\d)/g, 'พ.ศ. ');
  name = collapseSpaces(name)
    .replace(/^[\s\-–•:：.]+/, '')
    .replace(/[\s\-–•:：]+$/, '');
  // A final full stop is noise ("…วิถีไทย.") unless it ends an abbreviation ("อปท.", "พ.ศ.").
  if (/\.$/.test(name) && !/(?:^|\s)(?:[ก-ฮ]{1,5}\.|\S*\.\S*\.)$/.test(name)) name = name.slice(0, -1);
  return balanceQuotes(name)
    .replace(/\(\s*\)/g, '')
    .trim();
}

/**
 * Cleans a detail field's text: placeholders removed; null for a template instruction left unfilled
 * ("ระบุหน่วยงานที่รับผิดชอบดำเนินการ" = "state the responsible unit").
 */
export function cleanFieldText(text: string): string | null {
  const cleaned = removePlaceholders(text).trim();
  if (cleaned === '' || /^\(?\s*ระบุ/.test(cleaned)) return null;
  return cleaned;
}

/** A name reduced for comparison: no whitespace, quotes or punctuation. */
export function compactForCompare(text: string): string {
  return removePlaceholders(text)
    .replace(/[\s"“”'‘’().,:;/\-–*]+/g, '')
    .toLowerCase();
}
