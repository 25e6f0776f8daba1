/**
 * Dates as Thai readers expect them: Buddhist Era year (CE + 543), abbreviated Thai month, Thailand's
 * calendar day (UTC+7, no daylight saving). Pure: shared by the bot and the LIFF pages.
 */

const MONTHS = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;

/** Thailand's offset from UTC; Thailand has no daylight saving time. */
export const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date in Thailand at an instant, as "YYYY-MM-DD" (CE). */
export function bangkokDate(ms: number): string {
  return new Date(ms + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026-11-21" → "21 พ.ย. 2569". */
export function formatThaiDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${(year ?? 0) + 543}`;
}

/** An instant as its Thai calendar date, "21 พ.ย. 2569". */
export function formatThaiDay(ms: number): string {
  return formatThaiDate(bangkokDate(ms));
}

/** "10:45", the time of day in Thailand at an instant. */
export function bangkokTime(ms: number): string {
  return new Date(ms + BANGKOK_OFFSET_MS).toISOString().slice(11, 16);
}
