import { collapseSpaces } from './normalize';
import { type CountPhrase, parseBudgetCell, parseCountPhrase } from './numbers';

/** Column layout of the summary table, read from its header row. */
export interface TableLayout {
  dimCol: number;
  missionCol: number;
  itemCol: number;
  remarkCol: number | null;
  years: { col: number; year: number }[];
}

export interface TableRow {
  /** 0-based line number in the normalised document. */
  line: number;
  dim: string;
  mission: string;
  item: string;
  /** Per year column (in `layout.years` order), the figures the cell holds; [] for an empty cell. */
  figures: number[][];
  /** Raw text of each year cell, to tell "no figure" from "-". */
  yearTexts: string[];
  remark: string;
}

export interface SummaryTable {
  layout: TableLayout;
  rows: TableRow[];
  /** Line after the last table line: where the detail sections may start. */
  endLine: number;
  /** 0-based line of the first header row. */
  headerLine: number;
}

const DIM_HEADER = /^(?:มิติ|มติ|มิตี|มีติ)(?:ที่)?$/;
const YEAR_IN_CELL = /(25\d\d)/;

function cellsOf(line: string): string[] {
  return line.split('\t').map((c) => collapseSpaces(c));
}

function yearColumns(cells: string[]): { col: number; year: number }[] {
  const years: { col: number; year: number }[] = [];
  cells.forEach((cell, col) => {
    const m = YEAR_IN_CELL.exec(cell);
    if (m && /^(?:ปี|ปีงบประมาณ|พ\.ศ\.|งบประมาณ|\s|\d|\(|\))+$/.test(cell.replace(/บาท/g, ''))) {
      years.push({ col, year: Number(m[1]) });
    }
  });
  return years;
}

/** Reads a header row of the summary table ("มิติ | ภารกิจตามมิติ | โครงการ/กิจกรรม/มาตรการ | ปี 2566 | …"). */
export function readHeader(lines: string[], at: number): TableLayout | null {
  const line = lines[at] ?? '';
  if (!line.includes('\t')) return null;
  const cells = cellsOf(line);
  const dimCol = cells.findIndex((c) => DIM_HEADER.test(c));
  const itemCol = cells.findIndex((c) => /โครงการ/.test(c) && !/ภารกิจ/.test(c));
  const missionFound = cells.findIndex((c) => /ภารกิจ/.test(c));
  // Without a dimension column the table must at least name its missions; dimensions then come as
  // full-width "มิติที่ N" rows.
  if (itemCol < 0 || (dimCol < 0 && missionFound < 0)) return null;
  const missionCol = missionFound >= 0 ? missionFound : dimCol + 1;
  let years = yearColumns(cells);
  // Some converters put the years on the header's second row.
  for (let next = at + 1; years.length === 0 && next <= at + 2; next++) {
    years = yearColumns(cellsOf(lines[next] ?? ''));
  }
  if (years.length === 0) return null;
  const remarkFound = cells.findIndex((c) => /หมายเหตุ|ผู้รับผิดชอบ|หน่วยงาน/.test(c));
  return { dimCol, missionCol, itemCol, remarkCol: remarkFound >= 0 ? remarkFound : null, years };
}

/** The header's second row ("งบประมาณ (บาท)") and similar rows that carry no data. */
function isSubHeader(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return (
    filled.length > 0 && filled.every((c) => /^(?:งบประมาณ|บาท|\(|\)|ปี|พ\.ศ\.|25\d\d|\s|หน่วย|:)+$/.test(c))
  );
}

/** A line that may sit between table pages without ending the table: blank, a page number, a short footer. */
function isTableGap(line: string): boolean {
  const t = line.trim();
  return t === '' || t.length <= 30 || /^[-–\s\d]+$/.test(t);
}

/**
 * Finds the summary table (possibly split across pages, each page repeating the header) and returns its data
 * rows in order. Returns null when the document has no such table.
 */
export function findSummaryTable(lines: string[]): SummaryTable | null {
  let layout: TableLayout | null = null;
  let headerLine = -1;
  const rows: TableRow[] = [];
  let endLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const header = readHeader(lines, i);
    if (!header) continue;
    if (!layout) headerLine = i;
    layout ??= header;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (!line.includes('\t')) {
        if (DIM_ROW.test(line.trim()) && line.length < 200) {
          rows.push(dimensionRow(line.trim(), j, header));
          continue;
        }
        if (isTableGap(line) && !/^ส่วนที่|^ลำดับที่|^#/.test(line.trim())) continue;
        break;
      }
      const cells = cellsOf(line);
      if (readHeader(lines, j) || isSubHeader(cells)) continue;
      endLine = j + 1;
      // A short line is not a row, unless it is a mission with no item: a PDF drops the empty cells that
      // follow (Trang's "\t๒.๔ การเชิดชูเกียรติ…").
      if (cells.length < 3 && !MISSION_ONLY.test(cells[header.missionCol] ?? '')) continue;
      rows.push(toRow(cells, j, header));
    }
    endLine = Math.max(endLine, i + 1);
    i = j - 1;
  }
  if (!layout) return null;
  return { layout, rows, endLine, headerLine };
}

const DIM_ROW = /^(?:มิติ|มติ|มิตี|มีติ)ที่\s*\d/;
// "๒.๔ การเชิดชูเกียรติ…": a mission's code and name.
const MISSION_ONLY = /^[\d๐-๙]{1,2}\.[\d๐-๙]{1,2}\s+\S/;

/** A full-width "มิติที่ N …" row, as tables without a dimension column have. */
function dimensionRow(text: string, line: number, layout: TableLayout): TableRow {
  return {
    line,
    dim: text,
    mission: '',
    item: '',
    figures: layout.years.map(() => []),
    yearTexts: layout.years.map(() => ''),
    remark: '',
  };
}

function toRow(cells: string[], line: number, layout: TableLayout): TableRow {
  const filled = cells.filter((c) => c !== '');
  if (layout.dimCol < 0 && filled.length === 1 && DIM_ROW.test(filled[0]!)) {
    return dimensionRow(filled[0]!, line, layout);
  }
  const at = (col: number | null) => (col === null || col < 0 ? '' : (cells[col] ?? ''));
  const yearTexts = layout.years.map((y) => at(y.col));
  return {
    line,
    dim: at(layout.dimCol),
    mission: at(layout.missionCol),
    item: at(layout.itemCol),
    figures: yearTexts.map(parseBudgetCell),
    yearTexts,
    remark: at(layout.remarkCol),
  };
}

export interface StatedRow {
  count: CountPhrase | null;
  /** Only the years whose cell is filled. */
  budget: Record<string, number>;
  hasBudget: boolean;
}

/** The figure positions of a row: one per figure in its fullest year cell, each giving every year's amount. */
export function rowSlots(row: TableRow): number[][] {
  const count = Math.max(0, ...row.figures.map((f) => f.length));
  const slots: number[][] = [];
  for (let i = 0; i < count; i++) slots.push(row.figures.map((f) => f[i] ?? 0));
  return slots;
}

/** What a total row ("รวม", "รวมทั้งสิ้น") states: its count phrase and the years whose cell is filled. */
export function statedRow(row: TableRow, years: number[]): StatedRow {
  const budget: Record<string, number> = {};
  years.forEach((year, i) => {
    const figures = row.figures[i] ?? [];
    if ((row.yearTexts[i] ?? '') !== '' && figures.length > 0) {
      budget[String(year)] = figures.reduce((a, b) => a + b, 0);
    }
  });
  return {
    count: parseCountPhrase(`${row.item} ${row.mission}`),
    budget,
    hasBudget: Object.keys(budget).length > 0,
  };
}
