/**
 * The plain rules of the admin setup (units, complaint categories, digest times), shared by the worker
 * contract (./staff-admin-api.ts) and the staff LIFF, which imports this file without pulling in zod.
 */

export const adminLimits = {
  unitNameMax: 80,
  /** A category name is a LINE quick-reply label: 20 characters as LINE counts them (graphemes). */
  categoryNameMax: 20,
  categoryDescriptionMax: 150,
  /**
   * LINE shows at most 13 quick replies; the chat's category step adds up to three of its own (keep,
   * back, cancel), so a track can offer at most 10 categories.
   */
  activeCategoriesMax: 10,
  digestTimesMax: 4,
  unitsPerOfficerMax: 20,
} as const;

/** Codes go into postback data, operator commands and URLs: short lowercase ASCII. */
export const codePattern = /^[a-z][a-z0-9_-]{1,31}$/;

/** Words the chat flow already answers to at the category step: a category cannot be called that. */
export const reservedCategoryNames = ['ยกเลิก', 'แก้ไข', 'คงเดิม', 'ข้าม'] as const;

const segmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** Length as LINE counts labels: Thai vowel and tone marks belong to the character they sit on. */
export const graphemeLength = (text: string): number => Array.from(segmenter.segment(text)).length;

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "8:30" → "08:30"; null when not a time of day. */
export function normalizeDigestTime(text: string): string | null {
  const m = TIME.exec(text.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}

/** Digest times as stored and shown: valid, unique, in order of the day. Invalid entries are dropped. */
export function digestTimeList(times: readonly string[]): string[] {
  const valid = times.map(normalizeDigestTime).filter((t): t is string => t !== null);
  return [...new Set(valid)].sort();
}
