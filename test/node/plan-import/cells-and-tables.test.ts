import { describe, expect, it } from 'vitest';
import { parseItemCell } from '../../../lib/plan-import/cell-items';
import { normalizeDocument } from '../../../lib/plan-import/normalize';
import { findSummaryTable } from '../../../lib/plan-import/summary-table';
import { buildTableModel } from '../../../lib/plan-import/table-structure';
import { expandAbbreviation, splitUnits } from '../../../lib/plan-import/units';

const items = (cell: string, previous: number | null = null) =>
  parseItemCell(normalizeDocument(cell), previous).parse.segments.map((s) =>
    s.type === 'sub' ? `sub ${s.code}: ${s.text}` : `${s.number}: ${s.text}`,
  );

describe('several projects in one cell', () => {
  it.each([
    ['4) โครงการ ก 5) โครงการ ข 6) กิจกรรม ค', ['4: โครงการ ก', '5: โครงการ ข', '6: กิจกรรม ค']],
    ['(๑) กิจกรรม ก (๒) กิจกรรม ข (๓) มาตรการ ค', ['1: กิจกรรม ก', '2: กิจกรรม ข', '3: มาตรการ ค']],
    ['๑๖)) มาตรการ NO Gift Policy ๑๗) มาตรการ ข', ['16: มาตรการ NO Gift Policy', '17: มาตรการ ข']],
    ['(๓๕) โครงการ ก', ['35: โครงการ ก']],
    ['1. โครงการ ก 2. กิจกรรม ข', ['1: โครงการ ก', '2: กิจกรรม ข']],
    [
      '<p>๑.๑.๒ เสริมสร้างจิตสำนึก</p> <p>๕) โครงการป้องกัน</p> <p>๑.๑.๓ ค่านิยม</p> <p>๖) โครงการองค์ความรู้</p>',
      ['sub 1.1.2: เสริมสร้างจิตสำนึก', '5: โครงการป้องกัน', 'sub 1.1.3: ค่านิยม', '6: โครงการองค์ความรู้'],
    ],
    ['2.1.3 การเปิดเผยข้อมูล - ไม่มีโครงการ/กิจกรรม/มาตรการ', ['sub 2.1.3: การเปิดเผยข้อมูล']],
    [
      '(๑) กิจกรรมการจัดช่องทาง - ผู้รับข้อร้องเรียน - ศูนย์ข้อมูลข่าวสาร',
      ['1: กิจกรรมการจัดช่องทาง - ผู้รับข้อร้องเรียน - ศูนย์ข้อมูลข่าวสาร'],
    ],
  ])('%s', (cell, expected) => {
    expect(items(cell)).toEqual(expected);
  });

  it('does not take digits inside a name for an item number', () => {
    expect(items('12) โครงการอบรมครั้งที่ 80) ต่อเนื่อง 13) โครงการ ข', 11)).toEqual([
      '12: โครงการอบรมครั้งที่ 80) ต่อเนื่อง',
      '13: โครงการ ข',
    ]);
  });

  it('returns text before the first marker as the continuation of the previous name', () => {
    const { parse } = parseItemCell('การทุจริตของหน่วยงาน', 41);
    expect(parse).toEqual({ lead: 'การทุจริตของหน่วยงาน', segments: [] });
  });
});

describe('remarks naming one unit per project', () => {
  it.each([
    ['สป. กวช. กวช.', ['สป.', 'กวช.', 'กวช.']],
    ['กองยุทธศาสตร์ และงบประมาณ กองคลัง', ['กองยุทธศาสตร์ และงบประมาณ', 'กองคลัง']],
    ['สำนักปลัดเทศบาล/ กองการเจ้าหน้าที่ สำนักการศึกษา', ['สำนักปลัดเทศบาล/ กองการเจ้าหน้าที่', 'สำนักการศึกษา']],
    ['กองยุทธศาสตร์ งบประมาณ สำนักปลัดเทศบาล', ['กองยุทธศาสตร์ งบประมาณ', 'สำนักปลัดเทศบาล']],
    ['', []],
  ])('%s', (remark, units) => {
    expect(splitUnits(remark)).toEqual(units);
  });
});

describe('unit abbreviations', () => {
  it('expands an abbreviation only where the document defines it', () => {
    const text = 'ฝ่ายแผนงาน กองวิชาการและแผนงาน (กวช.) เป็นผู้จัดทำแผน';
    expect(expandAbbreviation(text, 'กวช.')).toBe('กองวิชาการและแผนงาน');
    expect(expandAbbreviation(text, 'สป.')).toBeNull();
    expect(expandAbbreviation(text, 'กองคลัง')).toBeNull();
  });
});

const table = (text: string) => {
  const found = findSummaryTable(normalizeDocument(text).split('\n'));
  if (!found) throw new Error('no table');
  return buildTableModel(found);
};
const row = (...cells: string[]) => cells.join('\t');

describe('summary table layout', () => {
  it('reads a table split over pages with repeated (and misspelt) headers and a page-split name', () => {
    const model = table(
      [
        row('มิติ', 'ภารกิจตามมิติ', 'โครงการ/กิจกรรม/มาตรการ', 'ปี 2566', 'ปี 2567', 'หมายเหตุ'),
        row('', '', '', 'งบประมาณ (บาท)', 'งบประมาณ (บาท)', ''),
        row(
          '1. การสร้างวัฒนธรรม',
          '1.1 ภารกิจ ก',
          '1) โครงการ ก 2) มาตรการจัดให้มีระบบรับเรื่อง',
          '5,000',
          '5,000',
          '',
        ),
        '',
        '- 6 -',
        row('มติ', 'ภารกิจตามมติ', 'โครงการ/กิจกรรม/มาตรการ', 'ปี 2566', 'ปี 2567', 'หมายเหตุ'),
        row('', '', '', 'งบประมาณ (บาท)', 'งบประมาณ (บาท)', ''),
        row('', '', 'ร้องเรียนการทุจริต', '', '', ''),
        row('', 'รวม', 'จำนวน 2 โครงการ', '5,000 บาท', '-', ''),
        row('', 'รวมทั้งสิ้น', 'จำนวน 2 โครงการ', '5,000', '', ''),
      ].join('\n'),
    );
    expect(model.years).toEqual([2566, 2567]);
    expect(model.projects.map((p) => [p.number, p.text])).toEqual([
      [1, 'โครงการ ก'],
      [2, 'มาตรการจัดให้มีระบบรับเรื่อง ร้องเรียนการทุจริต'],
    ]);
    expect(model.dimensions[0]?.total?.budget).toEqual({ '2566': 5000, '2567': 0 });
    expect(model.dimensions[0]?.total?.count?.total).toBe(2);
    // The grand total leaves 2567 blank: that year is absent, not 0.
    expect(model.grandTotal?.budget).toEqual({ '2566': 5000 });
  });

  it('reads a table without a dimension column, dimensions given as full-width rows', () => {
    const model = table(
      [
        row('ภารกิจตามมิติ', 'โครงการ/กิจกรรม/มาตรการ', 'ปีงบประมาณ 2566', 'หมายเหตุ'),
        'มิติที่ 1 การสร้างวัฒนธรรมสุจริต',
        row('1.1 ภารกิจ ก', '1) โครงการ ก', '1,000', 'สป.'),
        row('รวมมิติที่ 1', '1 โครงการ', '1,000', ''),
        row('มิติที่ 2 การบริหารราชการ', '', '', ''),
        row('2.1 ภารกิจ ข', 'กิจกรรม ข ที่ไม่มีเลขลำดับ', '-', ''),
      ].join('\n'),
    );
    expect(model.dimensions.map((d) => [d.number, d.missions.map((m) => m.code)])).toEqual([
      [1, ['1.1']],
      [2, ['2.1']],
    ]);
    expect(model.projects.map((p) => `${p.missionCode} ${p.number} ${p.text}`)).toEqual([
      '1.1 1 โครงการ ก',
      '2.1 2 กิจกรรม ข ที่ไม่มีเลขลำดับ',
    ]);
    expect(model.unnumbered).toBe(1);
    expect(model.dimensions[0]?.total).toMatchObject({ budget: { '2566': 1000 }, count: { total: 1 } });
  });

  it('finds no table in a document without the plan header', () => {
    expect(findSummaryTable(['ลำดับ\tรายละเอียดตัวชี้วัด\tคะแนน', '1\tการปฏิบัติหน้าที่\t88.69'])).toBeNull();
  });
});
