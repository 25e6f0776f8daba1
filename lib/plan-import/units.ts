import { collapseSpaces } from './normalize';

/** Words that continue a unit name rather than start a new one ("กองยุทธศาสตร์ และงบประมาณ"). */
const CONTINUES = /^(?:และ|ร่วมกับ|\/|\(|งบประมาณ|แผนงาน|เทศบาล(?:ฯ|$)|ฯ)/;

/**
 * Splits a remarks cell that names one unit per project of a merged cell ("สป. กวช. กวช.", "กองยุทธศาสตร์
 * และงบประมาณ กองคลัง") into the units in order. A token joins the previous one when it continues it
 * ("และงบประมาณ") or the previous one ends with "/" or "และ".
 */
export function splitUnits(remark: string): string[] {
  const tokens = collapseSpaces(remark)
    .split(' ')
    .filter((t) => t !== '' && t !== '-');
  const units: string[] = [];
  for (const token of tokens) {
    const prev = units[units.length - 1];
    if (prev !== undefined && (CONTINUES.test(token) || /(?:\/|และ)$/.test(prev))) {
      units[units.length - 1] = `${prev} ${token}`;
    } else units.push(token);
  }
  return units;
}

/**
 * The full name the document gives an abbreviated unit, from a definition such as "กองวิชาการและแผนงาน (กวช.)";
 * null when the document defines none.
 */
export function expandAbbreviation(text: string, unit: string): string | null {
  if (!/^[ก-ฮ]{1,6}\.(?:[ก-ฮ]{1,4}\.)*$/.test(unit)) return null;
  const escaped = unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Find the parenthesised abbreviation first (a literal, so fast), then read the words before it.
  const m = new RegExp(`\\(\\s*${escaped}\\s*\\)`).exec(text);
  if (!m) return null;
  const before = /([ก-๙]{4,60})\s*$/.exec(text.slice(Math.max(0, m.index - 80), m.index));
  return before?.[1] ?? null;
}
