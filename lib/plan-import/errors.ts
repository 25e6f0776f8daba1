/** Why a document could not be read as a plan. */
export type ReadProblem = 'no-table' | 'no-projects' | 'damaged-table';

/** What the reader made of a document it could not read, and where and why it stopped. */
export interface PlanDiagnostic {
  problem: ReadProblem;
  found: {
    /** 1-based line of the summary table's header, null when none was found. */
    headerLine: number | null;
    dimensions: number;
    missions: number;
    rows: number;
    projects: number;
  };
  /** The line where reading stopped (1-based) and its text, cells shown as " | "; null at the document's end. */
  stoppedAt: { line: number; text: string } | null;
  /** What the reader expected on that line. */
  expected: { thai: string; english: string };
  /** The whole explanation, for a clerk (Thai) and an operator (English). */
  thai: string;
  english: string;
}

const REASONS: Record<ReadProblem, { thai: string; english: string }> = {
  'no-table': {
    thai: 'ไม่พบตารางสรุปโครงการ/กิจกรรม/มาตรการ แยกตามมิติและภารกิจ',
    english: 'it has no summary table of dimensions, missions and projects',
  },
  'no-projects': {
    thai: 'พบตารางสรุปแล้ว แต่อ่านโครงการ/กิจกรรม/มาตรการในตารางไม่ได้เลย',
    english: 'its summary table was found, but no project could be read from it',
  },
  'damaged-table': {
    thai: 'ตารางสรุปเสียหาย: มีแถวที่ช่องของตารางหายไป (ข้อความทั้งแถวรวมเป็นบรรทัดเดียว) จึงอ่านโครงการในแถวนั้นไม่ได้',
    english:
      'its summary table is damaged: a row lost its cells (the whole row became one line of text), so its projects cannot be read',
  },
};

function describe(d: Omit<PlanDiagnostic, 'thai' | 'english'>): { thai: string; english: string } {
  const { found, stoppedAt, expected } = d;
  const reason = REASONS[d.problem];
  const english = [
    d.problem === 'no-table'
      ? `This document is not an anti-corruption action plan: ${reason.english}.`
      : `This document cannot be read as an anti-corruption action plan: ${reason.english}.`,
    `Found: ${found.headerLine === null ? 'no summary table header' : `the summary table header at line ${found.headerLine}`}; ` +
      `${found.dimensions} dimension(s), ${found.missions} mission(s), ${found.rows} table row(s), ${found.projects} project(s).`,
    stoppedAt
      ? `Reading stopped at line ${stoppedAt.line}: "${stoppedAt.text}".`
      : 'Reading stopped at the end of the document.',
    `Expected there: ${expected.english}.`,
  ].join('\n');
  const thai = [
    `อ่านเอกสารนี้เป็นแผนปฏิบัติการป้องกันการทุจริตไม่ได้: ${reason.thai}`,
    `สิ่งที่พบ: ${found.headerLine === null ? 'ไม่พบหัวตารางสรุป' : `หัวตารางสรุปที่บรรทัด ${found.headerLine}`}, ` +
      `${found.dimensions} มิติ ${found.missions} ภารกิจ ${found.rows} แถว ${found.projects} โครงการ`,
    stoppedAt ? `หยุดอ่านที่บรรทัด ${stoppedAt.line}: "${stoppedAt.text}"` : 'หยุดอ่านที่ท้ายเอกสาร',
    `ที่ตรงนั้นควรเป็น: ${expected.thai}`,
  ].join('\n');
  return { thai, english };
}

/**
 * Thrown when a document cannot be read as an anti-corruption action plan: it is not one (an ITA report), or
 * its summary table yields no project, or a row of the table lost its cells. `diagnostic` says what was
 * found, where reading stopped and what was expected there, in Thai and English; the message is the English.
 */
export class NotAPlanError extends Error {
  override readonly name = 'NotAPlanError';
  readonly diagnostic: PlanDiagnostic;

  constructor(diagnostic: Omit<PlanDiagnostic, 'thai' | 'english'>) {
    const text = describe(diagnostic);
    super(text.english);
    this.diagnostic = { ...diagnostic, ...text };
  }
}
