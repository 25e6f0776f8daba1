/**
 * The summary table of a plan's text taken apart for rewriting: the lines before it, its header, its data rows
 * (page breaks and repeated headers left out, but remembered) and the lines after it. Written independently
 * of the parser's own table reader so that a variant does not merely echo what the parser expects.
 */
export interface TableText {
  before: string[];
  /** The header row's cells and the sub-header row ("งบประมาณ (บาท)") if the table has one. */
  header: string[];
  subHeader: string[] | null;
  rows: string[][];
  /** Indexes of rows that the source starts on a new page (after a repeated header). */
  sourceBreaks: Set<number>;
  after: string[];
  columns: { dim: number; mission: number; item: number; years: number[] };
}

const cells = (line: string) => line.split('\t');
const DIM_WORD = /^(?:มิติ|มติ|มิตี|มีติ)$/;

function isHeader(line: string): boolean {
  const c = cells(line).map((x) => x.trim());
  return c.length > 3 && c.some((x) => DIM_WORD.test(x)) && c.some((x) => /^โครงการ/.test(x));
}

function isSubHeader(line: string): boolean {
  const filled = cells(line)
    .map((x) => x.trim())
    .filter((x) => x !== '');
  return line.includes('\t') && filled.length > 0 && filled.every((x) => /^งบประมาณ/.test(x));
}

/** Splits a normalised plan text (Arabic digits) at its summary table; throws when there is none. */
export function splitTable(text: string): TableText {
  const lines = text.split('\n');
  const start = lines.findIndex(isHeader);
  if (start < 0) throw new Error('The source has no summary table header.');
  const header = cells(lines[start]!);
  const subHeader = isSubHeader(lines[start + 1] ?? '') ? cells(lines[start + 1]!) : null;
  const rows: string[][] = [];
  const sourceBreaks = new Set<number>();
  let end = start + 1;
  let broke = false;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (isHeader(line)) {
      broke = rows.length > 0;
      continue;
    }
    if (isSubHeader(line) || line.trim() === '') continue;
    if (!line.includes('\t')) break;
    if (broke) sourceBreaks.add(rows.length);
    broke = false;
    rows.push(cells(line));
    end = i + 1;
  }
  const trimmed = header.map((c) => c.trim());
  const years = trimmed.flatMap((c, i) => (/25\d\d/.test(c) ? [i] : []));
  return {
    before: lines.slice(0, start),
    header,
    subHeader,
    rows,
    sourceBreaks,
    after: lines.slice(end),
    columns: {
      dim: trimmed.findIndex((c) => DIM_WORD.test(c)),
      mission: trimmed.findIndex((c) => c.startsWith('ภารกิจ')),
      item: trimmed.findIndex((c) => c.startsWith('โครงการ')),
      years,
    },
  };
}
