import { parseTrackingCode } from '../../complaints/tracking-code';

/**
 * Reads a tracking code out of what a person typed: any case, with or without the dash or spaces,
 * Thai digits, and a code typed with the Thai (Kedmanee) layout still switched on. The layout is undone
 * only when the text has no Latin letter at all: then every key is known ('-' is the 3 key, 'ข' the
 * dash key), whereas in mixed text a '-' may be a dash, so nothing is guessed.
 */

// The unshifted Kedmanee keys that type a code's symbols, or its dash (ข) / a space.
const KEDMANEE: Record<string, string> = {
  ๆ: 'q',
  ไ: 'w',
  ำ: 'e',
  พ: 'r',
  ะ: 't',
  'ั': 'y',
  'ี': 'u',
  ร: 'i',
  น: 'o',
  ย: 'p',
  ฟ: 'a',
  ห: 's',
  ก: 'd',
  ด: 'f',
  เ: 'g',
  '้': 'h',
  '่': 'j',
  า: 'k',
  ส: 'l',
  ผ: 'z',
  ป: 'x',
  แ: 'c',
  อ: 'v',
  'ิ': 'b',
  'ื': 'n',
  ท: 'm',
  ๅ: '1',
  '/': '2',
  '-': '3',
  ภ: '4',
  ถ: '5',
  'ุ': '6',
  'ึ': '7',
  ค: '8',
  ต: '9',
  จ: '0',
  ข: '-',
};

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** The canonical code ("K7QM-4R9P") in a typed text, or null when the text is not one code. */
export function readTypedCode(typed: string): string | null {
  const text = typed.trim();
  if (text.length === 0 || text.length > 24) return null;
  const direct = parseTrackingCode(thaiDigits(text));
  if (direct) return direct;
  if (/[A-Za-z]/.test(text) || !/[\u0e00-\u0e7f]/.test(text)) return null;
  const keys = [...text].map((ch) => (/\s/.test(ch) ? ch : KEDMANEE[ch]));
  if (keys.some((k) => k === undefined)) return null;
  return parseTrackingCode(keys.join(''));
}

function thaiDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

/** A 6-digit PIN typed with spaces or Thai digits, or null. */
export function readTypedPin(typed: string): string | null {
  const digits = thaiDigits(typed).replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** "CODE PIN" typed in one message: both, or null. */
export function readCodeAndPin(typed: string): { code: string; pin: string } | null {
  const match = /^(.+?)[\s,]+([0-9๐-๙]{6})$/.exec(typed.trim());
  if (!match) return null;
  const code = readTypedCode(match[1]!);
  return code ? { code, pin: thaiDigits(match[2]!) } : null;
}
