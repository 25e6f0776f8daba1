import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsDir } from '../../../dev/shared-files';
import { type PlanDiagnostic, NotAPlanError } from '../../../lib/plan-import/errors';
import { parsePlan } from '../../../lib/plan-import/parse-plan';
import { MINI_PLAN } from './mini-plan';

const seed = (name: string) => readFileSync(path.join(seedsDir(), name), 'utf8');

function diagnose(text: string): PlanDiagnostic {
  try {
    parsePlan(text);
  } catch (error) {
    if (error instanceof NotAPlanError) return error.diagnostic;
    throw error;
  }
  throw new Error('the text was read as a plan');
}

/** Joins the cells of the given 1-based lines with spaces, as a converter that loses a table's cells does. */
const loseCells = (text: string, from: number, to = from) =>
  text
    .split('\n')
    .map((line, i) => (i + 1 >= from && i + 1 <= to ? line.replace(/\t+/g, ' ') : line))
    .join('\n');

describe('a document that is not a plan', () => {
  it('says in Thai and English that no summary table was found, and that reading reached the end', () => {
    const d = diagnose(seed('003_7c4b20649499da96.txt'));
    expect(d.problem).toBe('no-table');
    expect(d.found).toEqual({ headerLine: null, dimensions: 0, missions: 0, rows: 0, projects: 0 });
    expect(d.stoppedAt).toBeNull();
    expect(d.english).toMatch(
      /^This document is not an anti-corruption action plan: it has no summary table/,
    );
    expect(d.english).toMatch(
      /Reading stopped at the end of the document\.\nExpected there: a summary table/,
    );
    expect(d.thai).toMatch(/^อ่านเอกสารนี้เป็นแผนปฏิบัติการป้องกันการทุจริตไม่ได้: ไม่พบตารางสรุป/);
    expect(d.thai).toMatch(/หยุดอ่านที่ท้ายเอกสาร\nที่ตรงนั้นควรเป็น: ตารางสรุปที่มีหัวตาราง/);
  });

  it('points at a header that lost its cells', () => {
    const d = diagnose(loseCells(seed('000_b2f7f43f58537435.txt'), 137, 175));
    expect(d.problem).toBe('no-table');
    expect(d.stoppedAt).toEqual({
      line: 137,
      text: 'มิติ ภารกิจตามมิติ โครงการ/กิจกรรม/มาตรการ ปี 2566 ปี 2567 ปี 2568 ปี 2569 ปี 2570 หมายเหตุ',
    });
    expect(d.expected.english).toMatch(/this line is plain text, not a table row/);
    expect(d.thai).toMatch(/หยุดอ่านที่บรรทัด 137: "มิติ ภารกิจตามมิติ/);
  });
});

describe('a plan with a damaged table', () => {
  it('stops at a row that lost its cells in the middle of the table and says what came before it', () => {
    const d = diagnose(loseCells(seed('000_b2f7f43f58537435.txt'), 159));
    expect(d.problem).toBe('damaged-table');
    expect(d.found).toEqual({ headerLine: 137, dimensions: 2, missions: 6, rows: 11, projects: 29 });
    expect(d.stoppedAt?.line).toBe(159);
    expect(d.stoppedAt?.text).toMatch(/^3\. การส่งเสริม บทบาทและการมี ส่วนร่วมของภาค ประชาชน 3\.1/);
    expect(d.english).toMatch(/its summary table is damaged: a row lost its cells/);
    expect(d.english).toMatch(
      /Found: the summary table header at line 137; 2 dimension\(s\), 6 mission\(s\)/,
    );
    expect(d.english).toMatch(
      /Expected there: a table row with its cells in columns like the rows before it/,
    );
    expect(d.thai).toMatch(/ตารางสรุปเสียหาย/);
    expect(d.thai).toMatch(/สิ่งที่พบ: หัวตารางสรุปที่บรรทัด 137, 2 มิติ 6 ภารกิจ 11 แถว 29 โครงการ/);
    expect(d.thai).toMatch(/หยุดอ่านที่บรรทัด 159: "3\. การส่งเสริม/);
  });

  it('stops at the last rows when they lost their cells and no grand total closes the table', () => {
    const text = seed('002_2459aad492833dd5.txt');
    const lines = text.split('\n');
    const last = lines.findLastIndex((l) => l.startsWith('\tรวม\t')) + 1;
    const d = diagnose(loseCells(text, last - 1, last));
    expect(d.problem).toBe('damaged-table');
    expect(d.stoppedAt?.line).toBe(last - 1);
    expect(d.found.projects).toBe(30);
  });

  it('says where a table gives no project and what a project looks like', () => {
    // Items lettered "ก)", "ข)" …: no numbering scheme of the templates reads them.
    let letter = 0;
    const text = MINI_PLAN.replace(/(?<=^|[\t >])(?:\d|[๐-๙])\) /gm, () => `${'กขคงจ'[letter++]}) `);
    const d = diagnose(text);
    expect(d.problem).toBe('no-projects');
    expect(d.found).toMatchObject({ headerLine: 12, projects: 0, dimensions: 2 });
    expect(d.stoppedAt?.line).toBe(14);
    expect(d.expected.english).toMatch(
      /a numbered project .* "1\) โครงการ…", "\(1\) โครงการ…" or "1\.1\.1\) โครงการ…"/,
    );
    expect(d.expected.thai).toMatch(/โครงการที่มีเลขลำดับ/);
  });
});
