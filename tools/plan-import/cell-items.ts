export type CellSegment =
  | { type: 'sub'; code: string; text: string }
  | { type: 'item'; number: number; marker: string; text: string };

export interface CellParse {
  /** Text before the first marker: the continuation of the previous row's last name (page-split rows). */
  lead: string;
  segments: CellSegment[];
}

/** "- ไม่มีโครงการ/กิจกรรม/มาตรการ": the template's way to say a sub-mission has no project yet. */
export const NO_PROJECT = /-?\s*ไม่มี\s*โครงการ\s*\/?\s*กิจกรรม\s*\/?\s*มาตรการ/g;

/**
 * Markers that start a sub-mission ("1.1.1 ") or a numbered item ("1)", "(1)", "16))", "1. โครงการ") in a
 * table cell that may hold several of them in one run of text.
 */
const MARKER =
  /(?<=^|[\s“"])(?:(\d{1,2}\.\d{1,2}\.\d{1,2})(?=\s|$)|(\(?(\d{1,3})\s*\)\)?)|((\d{1,3})\.)(?=\s*(?:โครงการ|กิจกรรม|มาตรการ)))/g;

/**
 * Whether an item number fits the numbering seen so far. It guards against digits inside a name ("ฉบับที่ 2)")
 * being taken for an item, while still letting through the repeats and small skips a messy plan has.
 */
function plausibleNext(n: number, previous: number | null): boolean {
  if (previous === null || n === 1) return true;
  return n >= previous && n <= previous + 5;
}

/**
 * Splits a summary-table cell into sub-mission headings and numbered items. `previous` is the last item number
 * accepted before this cell (for plausibility); the last accepted number is returned for the next cell.
 */
export function parseItemCell(
  cell: string,
  previous: number | null,
): { parse: CellParse; last: number | null } {
  const text = cell.replace(/\s+/g, ' ').trim();
  const marks: { index: number; end: number; seg: CellSegment }[] = [];
  let last = previous;
  for (const m of text.matchAll(MARKER)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    if (m[1]) {
      marks.push({ index, end, seg: { type: 'sub', code: m[1], text: '' } });
      continue;
    }
    const digits = m[3] ?? m[5];
    if (!digits) continue;
    const n = Number(digits);
    if (!plausibleNext(n, last)) continue;
    last = n;
    marks.push({ index, end, seg: { type: 'item', number: n, marker: m[0].trim(), text: '' } });
  }
  const lead = (marks.length > 0 ? text.slice(0, marks[0]!.index) : text).trim();
  const segments = marks.map((mark, i) => {
    const next = marks[i + 1];
    const body = text.slice(mark.end, next ? next.index : text.length);
    return { ...mark.seg, text: body.replace(NO_PROJECT, ' ').trim() };
  });
  return { parse: { lead: lead.replace(NO_PROJECT, ' ').trim(), segments }, last };
}
