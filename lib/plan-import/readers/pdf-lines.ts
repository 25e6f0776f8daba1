/** A run of text placed on a PDF page (pdf.js `getTextContent` items, in page units, y growing upwards). */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Cell {
  x: number;
  right: number;
  text: string;
}
interface Line {
  y: number;
  size: number;
  cells: Cell[];
}

// Gaps measured in font sizes: wider than a cell gap starts a new cell (a tab), a smaller one is a space.
const CELL_GAP = 0.8;
const WORD_GAP = 0.12;

function toLines(items: PlacedText[]): Line[] {
  const sorted = items.filter((i) => i.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - item.y) <= 0.4 * Math.max(line.size, item.size)) {
      line.size = Math.max(line.size, item.size);
      (line as Line & { items: PlacedText[] }).items.push(item);
    } else lines.push(Object.assign({ y: item.y, size: item.size, cells: [] }, { items: [item] }));
  }
  for (const line of lines as (Line & { items: PlacedText[] })[]) {
    for (const item of line.items.sort((a, b) => a.x - b.x)) {
      const cell = line.cells[line.cells.length - 1];
      // A space run of its own only matters at the end of a wrapped line: it says the break was at a space.
      if (item.text.trim() === '') {
        if (cell && !cell.text.endsWith(' ')) cell.text += ' ';
        continue;
      }
      const gap = cell ? item.x - cell.right : Number.POSITIVE_INFINITY;
      if (!cell || gap > CELL_GAP * line.size) {
        line.cells.push({ x: item.x, right: item.x + item.width, text: item.text.trimStart() });
        continue;
      }
      const glue = gap > WORD_GAP * line.size && !cell.text.endsWith(' ') ? ' ' : '';
      cell.text = `${cell.text}${glue}${item.text}`;
      cell.right = Math.max(cell.right, item.x + item.width);
    }
  }
  return lines.filter((l) => l.cells.length > 0);
}

// Column starts of a table block: cell left edges closer than half a font size are one column.
function columnStarts(xs: number[], tolerance: number): number[] {
  const starts: number[] = [];
  for (const x of [...xs].sort((a, b) => a - b)) {
    if (starts.length === 0 || x - starts[starts.length - 1]! > tolerance) starts.push(x);
  }
  return starts;
}

function rowText(cells: Cell[], starts: number[], tolerance: number): string {
  const out: string[] = [];
  for (const cell of cells) {
    let column = 0;
    starts.forEach((s, i) => {
      if (s <= cell.x + tolerance) column = i;
    });
    while (out.length < column) out.push('');
    const text = cell.text.trim();
    out[column] = out[column] === undefined ? text : `${out[column]} ${text}`;
  }
  return out.join('\t');
}

/**
 * Rebuilds one page's text lines from positioned runs: runs on one baseline form a line, wide gaps separate
 * table cells (written as tabs, empty cells kept by aligning each cell with the columns of its table block),
 * and a paragraph wrapped across lines (a nearly full line followed at normal line spacing) is joined again.
 */
export function pageLines(items: PlacedText[]): string[] {
  const lines = toLines(items);
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((l) => l.cells[0]!.x));
  const tolerance = 0.5 * Math.max(...lines.map((l) => l.size));
  // A table block: consecutive lines with several cells, and single cells aligned with one of its columns.
  const blockOf: number[] = [];
  let block = -1;
  let xs: number[] = [];
  lines.forEach((line, i) => {
    const x = line.cells[0]!.x;
    const inBlock =
      line.cells.length > 1 ||
      (block >= 0 &&
        blockOf[i - 1] === block &&
        x > left + tolerance &&
        xs.some((s) => Math.abs(s - x) <= tolerance));
    if (!inBlock) {
      blockOf.push(-1);
      xs = [];
      return;
    }
    if (blockOf[i - 1] !== block || block < 0) block = i;
    blockOf.push(block);
    xs.push(...line.cells.map((c) => c.x));
  });
  const starts = new Map<number, number[]>();
  lines.forEach((line, i) => {
    const b = blockOf[i]!;
    if (b >= 0) starts.set(b, [...(starts.get(b) ?? [left]), ...line.cells.map((c) => c.x)]);
  });
  for (const [b, all] of starts) starts.set(b, columnStarts(all, tolerance));

  // The text width: the median right edge of lines followed closely by another (candidates for a wrap), so a
  // line that overflows the margin does not make every wrapped line look short.
  const close = (i: number) =>
    blockOf[i] === -1 && blockOf[i + 1] === -1 && lines[i]!.y - lines[i + 1]!.y < 1.5 * lines[i + 1]!.size;
  const rights = lines
    .filter((_, i) => i + 1 < lines.length && close(i))
    .map((l) => l.cells[l.cells.length - 1]!.right)
    .sort((a, b) => a - b);
  const textRight = rights[Math.floor(rights.length / 2)] ?? Number.POSITIVE_INFINITY;
  const out: string[] = [];
  lines.forEach((line, i) => {
    const b = blockOf[i]!;
    if (b >= 0) {
      out.push(rowText(line.cells, starts.get(b)!, tolerance));
      return;
    }
    const text = line.cells.map((c) => c.text).join(' ');
    const prev = lines[i - 1];
    const wrapped =
      prev &&
      blockOf[i - 1] === -1 &&
      prev.y - line.y < 1.5 * line.size &&
      prev.cells[prev.cells.length - 1]!.right >= left + 0.8 * (textRight - left);
    // A break at a space kept the space; a break inside a run of Thai (no spaces between words) joins directly.
    if (wrapped) out[out.length - 1] = `${out[out.length - 1]}${text}`;
    else {
      if (prev && prev.y - line.y > 2.4 * line.size) out.push('');
      out.push(text);
    }
  });
  return out.map((l) => l.trimEnd());
}
