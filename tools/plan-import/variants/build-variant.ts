import type { PlanDocument } from '../../../schema/contracts/plan-document';
import { normalizeDocument } from '../../../lib/plan-import/normalize';
import {
  addSubMissions,
  cutItemCells,
  type NumberingScheme,
  type Piece,
  removeSubMissions,
  renderCell,
  renumber,
  type SourceProject,
} from './item-pieces';
import { type HeaderStyle, type PageBreaks, renderTable } from './render-table';
import { splitTable } from './table-text';

/** One rewriting of a plan: every axis the national templates (and converters) let a plan vary along. */
export interface VariantSpec {
  id: string;
  numbering: NumberingScheme | 'source';
  /** Whether the table has a sub-mission level ("1.1.1 ชื่อ"): added or removed as needed, or toggled. */
  subMissions: 'source' | 'with' | 'without' | 'toggle';
  thaiDigits: boolean;
  header: HeaderStyle;
  pages: PageBreaks;
  /** Spellings that replace the "-" of year cells, used in turn; null keeps the source's. */
  noBudget: string[] | null;
  /** Misspelt dimension words in headers and headings, and tone marks typed before their vowel ("ท่ี"). */
  misspell: boolean;
}

const DASH = /^[-–—]$/;

function spellNoBudget(cell: string, spellings: string[], counter: { n: number }): string {
  return cell
    .split(/(\s+)/)
    .map((token) => (DASH.test(token) ? spellings[counter.n++ % spellings.length]! : token))
    .join('');
}

const DIMENSION_MISSPELT = ['มติที่', 'มิติท่ี', 'มีติที่'];

function misspellLine(line: string, k: number): string {
  return line
    .replace(/^(\s*)มิติที่/, (_, s: string) => `${s}${DIMENSION_MISSPELT[k % 3]}`)
    .replace(/^(\s*)ลำดับที่/, (_, s: string) => `${s}${k % 2 === 0 ? 'ลำดับท่ี' : 'ลำดับที่'}`);
}

const toThaiDigits = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));

/** The projects the source's summary table lists, in table order (detail-only projects left out). */
export function tableProjects(plan: PlanDocument): SourceProject[] {
  return plan.dimensions.flatMap((d) =>
    d.missions.flatMap((m) =>
      m.projects.filter((p) => p.listedIn === 'summary').map((p) => ({ number: p.number, mission: m.code })),
    ),
  );
}

/**
 * Rewrites a plan's text as the spec says. `plan` is the source's own reading, used only to know which
 * numbers in the project cells are project markers and which codes are sub-missions.
 */
export function buildVariant(sourceText: string, plan: PlanDocument, spec: VariantSpec): string {
  const table = splitTable(normalizeDocument(sourceText));
  const item = table.columns.item;
  const projects = tableProjects(plan);
  const subCodes = plan.dimensions.flatMap((d) =>
    d.missions.flatMap((m) => m.subMissions.map((s) => s.code)),
  );
  const { dim, mission } = table.columns;
  const original = cutItemCells(
    table.rows.map((r) => r[item] ?? ''),
    projects,
    subCodes,
    (r) => [dim, mission].some((c) => (table.rows[r]?.[c] ?? '').trim() !== ''),
  );
  const hasSubs = original.some((cell) => cell.some((p) => p.kind === 'sub'));
  let pieces: Piece[][] = original;
  const wanted = spec.subMissions === 'toggle' ? (hasSubs ? 'without' : 'with') : spec.subMissions;
  const removedSubs = wanted === 'without' && hasSubs;
  if (removedSubs) pieces = removeSubMissions(pieces);
  if (wanted === 'with' && !hasSubs) pieces = addSubMissions(pieces, projects);
  if (spec.numbering !== 'source') pieces = renumber(pieces, projects, spec.numbering);
  const years = new Set(table.columns.years);
  const counter = { n: 0 };
  const rows = table.rows.map((row, r) =>
    row.map((cell, c) => {
      if (c === item && pieces !== original) return renderCell(pieces[r]!);
      if (years.has(c) && spec.noBudget) return spellNoBudget(cell, spec.noBudget, counter);
      return cell;
    }),
  );
  const subHeading = new RegExp(`^\\s*(?:${subCodes.map((c) => c.replace(/\./g, '\\.')).join('|')})\\s`);
  const after = table.after.filter((line) => !(removedSubs && subCodes.length > 0 && subHeading.test(line)));
  // A row can wrap onto the next page only if it ends with a long project name; totals and headings are short.
  const splittable = (r: number) => {
    const cell = pieces[r] ?? [];
    const last = cell.at(-1);
    const starts = cell.some((p) => p.kind === 'project');
    return starts && last?.kind === 'text' && last.owner === 'project' && last.text.trim().length >= 20;
  };
  const layout = { header: spec.header, pages: spec.pages, misspell: spec.misspell };
  const tableLines = renderTable(table, rows, layout, splittable);
  let k = 0;
  const lines = [...table.before, ...tableLines, ...after].map((line) =>
    spec.misspell && /^\s*(?:มิติที่|ลำดับที่)/.test(line) ? misspellLine(line, k++) : line,
  );
  const text = lines.join('\n');
  return spec.thaiDigits ? toThaiDigits(text) : text;
}
