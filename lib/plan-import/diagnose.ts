import type { PlanDiagnostic } from './errors';
import type { SummaryTable } from './summary-table';
import type { TableModel } from './table-structure';

/** A diagnostic before its Thai and English wording is written (errors.ts). */
export type Diagnosis = Omit<PlanDiagnostic, 'thai' | 'english'>;

const HEADER = 'มิติ | ภารกิจตามมิติ | โครงการ/กิจกรรม/มาตรการ | ปี 2566 | ปี 2567 | …';
const DIMENSION_WORD = /มิติ|มติ|มิตี|มีติ/;

/** A line as the diagnostic quotes it: cells shown as " | ", at most 120 characters. */
function quote(line: string): string {
  const flat = line
    .split('\t')
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .join(' | ')
    .replace(/^(?:\s*\|\s*)+/, '');
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}

const at = (lines: string[], i: number) => ({ line: i + 1, text: quote(lines[i] ?? '') });
const nothing = { headerLine: null, dimensions: 0, missions: 0, rows: 0, projects: 0 };

/**
 * A row of the table that lost its cells in conversion: one line that starts like a row (a dimension "1.", a
 * mission "1.1", a project marker, a total "รวม") and still carries a budget figure or "-".
 */
export function looksLikeLostRow(line: string): boolean {
  const t = line.trim();
  if (t.includes('\t') || t.length > 600) return false;
  return (
    /^(?:\d{1,2}\.\s*[ก-๙]|\d{1,2}\.\d{1,2}\s|\(?\d{1,3}\s*\)|\d{1,2}\.\d{1,2}\.\d{1,3}\)|รวม)/.test(t) &&
    /(?:^|\s)(?:\d{1,3}(?:,\d{3})+|-)(?=\s|$)/.test(t)
  );
}

/** Why no summary table was found: the line that comes closest to its header, and what it lacks. */
export function diagnoseMissingTable(lines: string[]): Diagnosis {
  const near = lines.findIndex(
    (l) => l.length < 300 && DIMENSION_WORD.test(l) && /ภารกิจ/.test(l) && /โครงการ/.test(l),
  );
  if (near < 0) {
    return {
      problem: 'no-table',
      found: nothing,
      stoppedAt: null,
      expected: {
        thai: `ตารางสรุปที่มีหัวตาราง "${HEADER}" ตามด้วยโครงการที่มีลำดับ`,
        english: `a summary table with the header "${HEADER}" followed by numbered projects`,
      },
    };
  }
  const tabbed = (lines[near] ?? '').includes('\t');
  return {
    problem: 'no-table',
    found: nothing,
    stoppedAt: at(lines, near),
    expected: tabbed
      ? {
          thai: 'หัวตารางที่มีคอลัมน์ปีงบประมาณ ("ปี 2566", "ปี 2567" …) ในแถวนี้หรือแถวถัดไป',
          english: 'a header with fiscal-year columns ("ปี 2566", "ปี 2567" …) on this row or the next',
        }
      : {
          thai: `หัวตารางที่แยกช่องเป็นคอลัมน์ของตาราง "${HEADER}" (บรรทัดนี้เป็นข้อความธรรมดา ไม่ใช่ตาราง)`,
          english: `the header with its cells in table columns, "${HEADER}" (this line is plain text, not a table row)`,
        },
  };
}

/** What the table gave up to (not including) a 0-based line. */
function foundBefore(table: SummaryTable, model: TableModel, stop: number): Diagnosis['found'] {
  const rows = model.segments.flatMap((s) => s.rows.filter((r) => r.line < stop).map((r) => ({ s, r })));
  return {
    headerLine: table.headerLine + 1,
    dimensions: new Set(rows.map(({ s }) => s.dimension)).size,
    missions: new Set(rows.filter(({ s }) => s.missionCode !== '').map(({ s }) => s.missionCode)).size,
    rows: table.rows.filter((r) => r.line < stop).length,
    projects: rows.reduce((n, { r }) => n + r.projects.length, 0),
  };
}

/**
 * Why a summary table cannot be read, or null when it can: it gives no project, or one of its rows (inside
 * the table, or right after its last row when no grand total closes it) lost its cells.
 */
export function diagnoseTable(lines: string[], table: SummaryTable, model: TableModel): Diagnosis | null {
  if (model.projects.length === 0) {
    const unread = table.rows.find((r) => r.item !== '' && r.item !== '-' && !/^รวม/.test(r.mission));
    const afterHeader = lines.findIndex(
      (l, i) => i > table.headerLine && l.trim() !== '' && !l.includes('\t'),
    );
    const stop = unread?.line ?? table.rows[0]?.line ?? (afterHeader >= 0 ? afterHeader : null);
    return {
      problem: 'no-projects',
      found: foundBefore(table, model, lines.length),
      stoppedAt: stop === null ? null : at(lines, stop),
      expected: unread
        ? {
            thai: 'โครงการที่มีเลขลำดับในช่อง "โครงการ/กิจกรรม/มาตรการ" เช่น "1) โครงการ…", "(1) โครงการ…" หรือ "1.1.1) โครงการ…"',
            english:
              'a numbered project in the "โครงการ/กิจกรรม/มาตรการ" column, such as "1) โครงการ…", "(1) โครงการ…" or "1.1.1) โครงการ…"',
          }
        : {
            thai: 'แถวของตารางที่แยกช่องตามหัวตาราง (มิติ | ภารกิจ | โครงการ | งบประมาณแต่ละปี)',
            english:
              'table rows with their cells in the header’s columns (dimension | mission | project | budget per year)',
          },
    };
  }
  const last = table.rows.at(-1)?.line ?? table.headerLine;
  let lost = lines.findIndex((l, i) => i > table.headerLine && i < last && looksLikeLostRow(l));
  if (lost < 0 && !model.grandTotal) {
    const next = lines.findIndex((l, i) => i >= table.endLine && l.trim() !== '');
    if (next >= 0 && looksLikeLostRow(lines[next]!)) lost = next;
  }
  if (lost < 0) return null;
  return {
    problem: 'damaged-table',
    found: foundBefore(table, model, lost),
    stoppedAt: at(lines, lost),
    expected: {
      thai: 'แถวของตารางที่แยกช่องเหมือนแถวก่อนหน้า (มิติ | ภารกิจ | โครงการ | งบประมาณแต่ละปี | หมายเหตุ)',
      english:
        'a table row with its cells in columns like the rows before it (dimension | mission | project | budget per year | remarks)',
    },
  };
}
