import type { TableText } from './table-text';

/** How the header is written: as the source has it, on one row, or with the years on a second row. */
export type HeaderStyle = 'source' | 'one-row' | 'years-below';

/** Where pages break: as in the source, never, or before every `every`-th row (optionally splitting a row). */
export type PageBreaks = 'source' | 'none' | { every: number; split: boolean };

export interface TableLayout {
  header: HeaderStyle;
  pages: PageBreaks;
  /** Misspell the dimension word of each repeated header (มติ, มิตี, มีติ in turn). */
  misspell: boolean;
}

const MISSPELT = ['มติ', 'มิตี', 'มีติ'];

function headerRows(table: TableText, style: HeaderStyle, page: number, misspell: boolean): string[] {
  const word = misspell ? MISSPELT[page % MISSPELT.length]! : 'มิติ';
  const { dim, mission } = table.columns;
  const years = new Set(table.columns.years);
  const top = table.header.map((c, i) => {
    if (i === dim) return word;
    if (i === mission) return `ภารกิจตาม${word}`;
    if (style === 'years-below' && years.has(i)) return i === table.columns.years[0] ? 'งบประมาณ (บาท)' : '';
    return c.trim();
  });
  if (style === 'one-row') return [top.join('\t')];
  if (style === 'years-below') {
    const below = table.header.map((c, i) => (years.has(i) ? (/25\d\d/.exec(c)?.[0] ?? '') : ''));
    return [top.join('\t'), below.join('\t')];
  }
  return table.subHeader ? [top.join('\t'), table.subHeader.join('\t')] : [top.join('\t')];
}

/**
 * Splits a row in two as a page break does: the first part keeps the figures and the start of the last name
 * (cut at a space near its middle), the continuation row on the next page holds only the rest of the text.
 * Returns null when the row has too little text to split.
 */
function splitRow(row: string[], item: number): [string[], string[]] | null {
  const text = row[item] ?? '';
  const spaces = [...text.matchAll(/ (?=[^\d(\s])/g)].map((m) => m.index ?? 0);
  const cut = spaces.find((i) => i >= text.length / 2 && text.length - i > 6);
  if (cut === undefined || cut < 8) return null;
  const first = row.map((c, i) => (i === item ? text.slice(0, cut) : c));
  const rest = row.map((_, i) => (i === item ? text.slice(cut + 1) : ''));
  return [first, rest];
}

/**
 * Writes the table back as text lines: header, rows, and a blank line, page number and header at each break.
 * Only rows `splittable` allows are split (a project name long enough to wrap onto the next page).
 */
export function renderTable(
  table: TableText,
  rows: string[][],
  layout: TableLayout,
  splittable: (row: number) => boolean,
): string[] {
  let page = 0;
  const out = [...headerRows(table, layout.header, page, layout.misspell)];
  const breakBefore = (i: number) => {
    if (i === 0) return false;
    if (layout.pages === 'source') return table.sourceBreaks.has(i);
    if (layout.pages === 'none') return false;
    return i % layout.pages.every === 0;
  };
  const pageBreak = () => {
    page++;
    out.push('', `- ${page + 1} -`, '', ...headerRows(table, layout.header, page, layout.misspell));
  };
  // A row split at a break has already started the next page, so that row gets no second break.
  let broken = false;
  rows.forEach((row, i) => {
    if (breakBefore(i) && !broken) pageBreak();
    broken = false;
    const split = typeof layout.pages === 'object' && layout.pages.split && breakBefore(i + 1);
    const parts = split && splittable(i) ? splitRow(row, table.columns.item) : null;
    if (!parts) {
      out.push(row.join('\t'));
      return;
    }
    out.push(parts[0].join('\t'));
    pageBreak();
    out.push(parts[1].join('\t'));
    broken = true;
  });
  return out;
}
