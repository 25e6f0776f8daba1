import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../schema/contracts/plan-document';
import { parseItemCell } from '../../../lib/plan-import/cell-items';
import { detectItemScheme } from '../../../lib/plan-import/item-scheme';
import { normalizeDocument } from '../../../lib/plan-import/normalize';
import { parseBudgetCell } from '../../../lib/plan-import/numbers';
import { parsePlan } from '../../../lib/plan-import/parse-plan';

const row = (...cells: string[]) => cells.join('\t');
const HEADER = row('มิติ', 'ภารกิจตามมิติ', 'โครงการ/กิจกรรม/มาตรการ', 'ปี ๒๕๖๖', 'ปี ๒๕๖๗', 'หมายเหตุ');

/** A plan that is only its summary table (no detail sections), as a subdistrict organisation might publish. */
const planOf = (...rows: string[]) =>
  parsePlan(['แผนปฏิบัติการป้องกันการทุจริต', 'ขององค์การบริหารส่วนตำบลทดสอบ', '', HEADER, ...rows].join('\n'));
const projects = (plan: PlanDocument) =>
  plan.dimensions.flatMap((d) =>
    d.missions.flatMap((m) =>
      m.projects.map((p) => [m.code, p.ref, p.subMissionCode, p.name, p.budget['2566']]),
    ),
  );

describe('numbering decided from the whole table', () => {
  it('reads "๑.๑.๑)" projects numbered within their mission, with no sub-mission level (issue 11)', () => {
    const plan = planOf(
      row(
        '๑. การสร้างวัฒนธรรมสุจริต',
        '๑.๑ การเสริมสร้างจิตสำนึก',
        '๑.๑.๑) โครงการอบรมคุณธรรม',
        '๑๐,๐๐๐',
        '๑๐,๐๐๐',
        '',
      ),
      row('', '', '๑.๑.๒) กิจกรรมเผยแพร่ความรู้', 'ไม่ใช่ งบประมาณ', 'ไม่ใช่ งบประมาณ', ''),
      row('', '๑.๒ การสร้างจิตสำนึกแก่ประชาชน', '๑.๒.๑) มาตรการส่งเสริมความซื่อสัตย์', '-', '-', ''),
      row(
        '๒. การบริหารราชการ',
        '๒.๑ การเปิดเผยข้อมูล',
        '๒.๑.๑) มาตรการเปิดเผยข้อมูล ๒.๑.๒) โครงการพัฒนาระบบ',
        '- ๕,๐๐๐',
        '- ๕,๐๐๐',
        '',
      ),
    );
    expect(plan.numbering).toBe('mission');
    expect(projects(plan)).toEqual([
      ['1.1', '1.1(1)', null, 'โครงการอบรมคุณธรรม', 10000],
      ['1.1', '1.1(2)', null, 'กิจกรรมเผยแพร่ความรู้', 0],
      ['1.2', '1.2(1)', null, 'มาตรการส่งเสริมความซื่อสัตย์', 0],
      ['2.1', '2.1(1)', null, 'มาตรการเปิดเผยข้อมูล', 0],
      ['2.1', '2.1(2)', null, 'โครงการพัฒนาระบบ', 5000],
    ]);
    expect(plan.dimensions.flatMap((d) => d.missions.flatMap((m) => m.subMissions))).toEqual([]);
  });

  it('reads "1.1.1 ชื่อ" as a sub-mission heading when projects carry their own markers', () => {
    const plan = planOf(
      row(
        '1. การสร้างวัฒนธรรมสุจริต',
        '1.1 การเสริมสร้างจิตสำนึก',
        '1.1.1 เสริมสร้างค่านิยม 1) โครงการ ก',
        '100',
        '100',
        '',
      ),
      row('', '', '1.1.2 ส่งเสริมคุณธรรม 2) กิจกรรม ข', '-', '-', ''),
    );
    expect(projects(plan)).toEqual([
      ['1.1', '1', '1.1.1', 'โครงการ ก', 100],
      ['1.1', '2', '1.1.2', 'กิจกรรม ข', 0],
    ]);
  });

  it('reads bare "1.1.1 โครงการ…" codes as projects when the table has no other marker', () => {
    const plan = planOf(
      row('1. การสร้างวัฒนธรรมสุจริต', '1.1 การเสริมสร้างจิตสำนึก', '1.1.1 โครงการ ก', '100', '100', ''),
      row('', '', '1.1.2 กิจกรรม ข', '-', '-', ''),
      row('', '1.2 การสร้างจิตสำนึกแก่ประชาชน', '1.2.1 มาตรการ ค', '200', '200', ''),
    );
    expect(projects(plan)).toEqual([
      ['1.1', '1.1(1)', null, 'โครงการ ก', 100],
      ['1.1', '1.1(2)', null, 'กิจกรรม ข', 0],
      ['1.2', '1.2(1)', null, 'มาตรการ ค', 200],
    ]);
  });

  it('tells a sub-mission "1.1.1 ชื่อ" from a project "1.1.1)" in the same cell', () => {
    const plan = planOf(
      row(
        '1. การสร้างวัฒนธรรมสุจริต',
        '1.1 การเสริมสร้างจิตสำนึก',
        '1.1.1 เสริมสร้างค่านิยม 1.1.1) โครงการ ก',
        '100',
        '100',
        '',
      ),
      row('', '', '1.1.2) กิจกรรม ข 1.1.2 ส่งเสริมคุณธรรม 1.1.3) มาตรการ ค', '- 50', '- 50', ''),
    );
    expect(projects(plan)).toEqual([
      ['1.1', '1.1(1)', '1.1.1', 'โครงการ ก', 100],
      ['1.1', '1.1(2)', '1.1.1', 'กิจกรรม ข', 0],
      ['1.1', '1.1(3)', '1.1.2', 'มาตรการ ค', 50],
    ]);
  });

  it('detects the scope and what codes are from every row, not one cell', () => {
    const rows = (items: string[]) =>
      items.map((item, i) => ({ mission: i % 2 === 0 ? `1.${i + 1} ก` : '', item }));
    expect(detectItemScheme(rows(['(1) ก', '(2) ข', '(1) ค', '(2) ง']))).toEqual({
      scope: 'mission',
      codes: 'sub-mission',
    });
    expect(detectItemScheme(rows(['1) ก', '2) ข', '3) ค', '4) ง']))).toEqual({
      scope: 'plan',
      codes: 'sub-mission',
    });
    expect(detectItemScheme(rows(['1.1.1 โครงการ ก', '1.2.1 โครงการ ข']))).toEqual({
      scope: 'mission',
      codes: 'project',
    });
    expect(detectItemScheme(rows(['1.1.1 เสริมสร้าง', 'โครงการ ก']))).toEqual({
      scope: 'plan',
      codes: 'sub-mission',
    });
  });

  it('numbered across the plan, a "1)" inside a later name is not a new item', () => {
    const { parse } = parseItemCell('5) โครงการอบรมหลักสูตร 1) การป้องกัน 6) โครงการ ข', 4, {
      scheme: { scope: 'plan', codes: 'sub-mission' },
      mission: '1.2',
      restart: false,
    });
    expect(parse.segments.map((s) => (s.type === 'item' ? s.number : s.code))).toEqual([5, 6]);
  });
});

describe('text as converters and clerks write it', () => {
  it.each([
    '-',
    '–',
    'ไม่ใช้งบประมาณ',
    'ไม่ใช่ งบประมาณ',
    'ไม่ใช้ งบประมาณ',
    'ไม่มีงบประมาณ',
    'ไม่ได้ใช้งบประมาณ',
    'ไม่ได้ตั้งงบประมาณ',
    'ไม่ใช้งบประมาณดำเนินการ',
    'ไม่ใช้งบ',
    'ไม่ใช้งบฯ',
  ])('"%s" in a year cell is no budget', (cell) => {
    expect(parseBudgetCell(cell)).toEqual([0]);
    expect(parseBudgetCell(`${cell} 20,000`)).toEqual([0, 20000]);
  });

  it('puts a tone mark typed before its vowel back after it ("ลำดับท่ี" → "ลำดับที่")', () => {
    expect(normalizeDocument('ลำดับท่ี ๓ มิติท่ี ๒ น้ํา')).toBe('ลำดับที่ 3 มิติที่ 2 น้ำ');
  });
});
