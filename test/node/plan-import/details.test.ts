import { describe, expect, it } from 'vitest';
import { listItems, readFieldHeading } from '../../../lib/plan-import/detail-fields';
import { parseDetailSections } from '../../../lib/plan-import/details';
import { normalizeDocument } from '../../../lib/plan-import/normalize';
import { viewDetail } from '../../../lib/plan-import/records';

describe('detail field headings', () => {
  it.each([
    ['1. ชื่อโครงการ : โครงการ ก', 'name', 'โครงการ ก'],
    ['๑. ชื่อกิจกรรม : กิจกรรม ก', 'name', 'กิจกรรม ก'],
    ['1. ชื่อมาตรการ : มาตรการ ก', 'name', 'มาตรการ ก'],
    ['๑. ชื่อโครงการ/กิจกรรม/มาตรการ.....กิจกรรม ก', 'name', 'กิจกรรม ก'],
    ['๑. ชื่อโครงการ/กิจกรรม/มาตรการโครงการเสริมสร้างพลเมืองดี', 'name', 'โครงการเสริมสร้างพลเมืองดี'],
    ['ชื่อโครงการ : โครงการไม่มีเลข', 'name', 'โครงการไม่มีเลข'],
    ['2. หลักการและเหตุผล/ที่มาของโครงการ', 'rationale', ''],
    ['2. หลักการและเหตุผล / ที่มาของโครงการ', 'rationale', ''],
    ['4. เป้าหมาย/ผลผลิต', 'targetGroup', ''],
    ['5. วิธีการดำเนินการ', 'methods', ''],
    ['6. ระยะเวลาการดำเนินการ', 'period', ''],
    ['7. งบประมาณในการดำเนินโครงการ', 'budget', ''],
    ['7. งบประมาณดำเนินการ : 50,000 บาท', 'budget', '50,000 บาท'],
    ['7. งบประมาณ 50,000 บาท', 'budget', '50,000 บาท'],
    ['8. ผู้รับผิดชอบโครงการ', 'responsible', ''],
    ['9. ผลผลิต, ผลลัพธ์', 'results', ''],
    ['10. ตัวชี้วัด/ผลลัพธ์', 'indicators', ''],
  ])('%s', (line, key, inline) => {
    expect(readFieldHeading(normalizeDocument(line))).toEqual({ key, inline });
  });

  it.each([
    '3) ขั้นตอนดำเนินการ (Do) ตามโครงการ/กิจกรรม',
    '2. กลุ่มเป้าหมายได้รับความรู้ไม่น้อยกว่าร้อยละ 80',
    'งบประมาณ 200,000 บาท',
    '6.1 ระยะเวลา 15 วัน',
  ])('is not a heading: %s', (line) => {
    expect(readFieldHeading(line)).toBeNull();
  });
});

describe('list items', () => {
  it('splits numbered and bulleted items and joins wrapped lines', () => {
    expect(
      listItems([
        '- 1) จัดทำโครงการ',
        '- 2) ประสานงาน จัดเตรียม',
        'เอกสารประกอบ',
        '6.1 เสนอโครงการ',
        '2.2) จัดทำมาตรการ',
      ]),
    ).toEqual(['จัดทำโครงการ', 'ประสานงาน จัดเตรียม เอกสารประกอบ', 'เสนอโครงการ', 'จัดทำมาตรการ']);
  });

  it('keeps unmarked paragraphs as separate items', () => {
    expect(listItems(['ประชาชนมีความรู้', 'ชุมชนเข้มแข็ง'])).toEqual(['ประชาชนมีความรู้', 'ชุมชนเข้มแข็ง']);
  });
});

const parse = (text: string) =>
  parseDetailSections(normalizeDocument(text).split('\n'), 0, {
    dimensions: [{ number: 1, name: 'การสร้างวัฒนธรรมสุจริต' }],
    headings: [
      { code: '1.1', name: 'การเสริมสร้างจิตสำนึกแก่บุคลากร' },
      { code: '1.2', name: 'การสร้างจิตสำนึกแก่ประชาชน' },
    ],
  });

describe('detail sections', () => {
  it('reads fields, results sub-headings and the mission heading between sections', () => {
    const { sections, dimensionNames, headingNames } = parse(
      [
        'มติที่ 1 การสร้างวัฒนธรรมสุจริต',
        '1.1 การเสริมสร้างจิตสำนึกแก่บุคลากร',
        'ลำดับที่ ๑',
        '1. ชื่อโครงการ : โครงการ ก',
        '*(กิจกรรม ก ท้องถิ่น)',
        '',
        '3. วัตถุประสงค์',
        '3.1 เพื่อให้คนพิการมีความรู้',
        '3.2 เพื่อป้องกัน',
        '7. งบประมาณดำเนินการ',
        'ไม่ใช้งบประมาณ',
        '9. ผลผลิต/ผลลัพธ์',
        'ผลผลิต : มีการอบรม',
        'ผลลัพธ์',
        'ผู้เข้าอบรมมีความรู้',
        '1.2 การสร้างจิตสำนึกแก่ประชาชน',
        'ลำดับที่ 2',
        '1. ชื่อกิจกรรม : กิจกรรม ข',
      ].join('\n'),
    );
    expect(dimensionNames.get(1)).toBe('การสร้างวัฒนธรรมสุจริต');
    expect([...headingNames.keys()]).toEqual(['1.1', '1.2']);
    expect(sections.map((s) => [s.number, s.dimension, s.missionCode])).toEqual([
      [1, 1, '1.1'],
      [2, 1, '1.2'],
    ]);
    const first = viewDetail(sections[0]!);
    expect(first.name).toBe('โครงการ ก');
    expect(first.alternates).toEqual(['กิจกรรม ก ท้องถิ่น']);
    expect(first.details.objectives).toEqual(['เพื่อให้คนพิการมีความรู้', 'เพื่อป้องกัน']);
    expect(first.details.budgetAmount).toBe(0);
    expect(first.details.outputs).toEqual(['มีการอบรม']);
    expect(first.details.outcomes).toEqual(['ผู้เข้าอบรมมีความรู้']);
    expect(viewDetail(sections[1]!).name).toBe('กิจกรรม ข');
  });

  it('keeps a repeated field apart instead of overwriting the first copy', () => {
    const { sections } = parse(
      [
        'ลำดับที่ 30',
        '1. ชื่อมาตรการ : มาตรการ ก',
        '3. งบประมาณดำเนินการ',
        'ไม่ใช้งบประมาณ',
        '4. ผู้รับผิดชอบ',
        'กองการเจ้าหน้าที่',
        '7. งบประมาณดำเนินการ',
        '20,000 บาท',
        '8. ผู้รับผิดชอบโครงการ',
        'กองสวัสดิการสังคม',
      ].join('\n'),
    );
    expect(sections).toHaveLength(1);
    expect(sections[0]?.fields.responsible).toEqual(['กองการเจ้าหน้าที่']);
    expect(sections[0]?.duplicates).toEqual({ budget: ['20,000 บาท'], responsible: ['กองสวัสดิการสังคม'] });
    expect(viewDetail(sections[0]!).details.budgetAmount).toBe(0);
  });

  it('starts a section at a name heading when "ลำดับที่" is missing', () => {
    const { sections } = parse(['1. ชื่อโครงการ : โครงการ ก', '1. ชื่อโครงการ : โครงการ ข'].join('\n'));
    expect(sections.map((s) => [s.number, viewDetail(s).name])).toEqual([
      [null, 'โครงการ ก'],
      [null, 'โครงการ ข'],
    ]);
  });
});
