import { describe, expect, it } from 'vitest';
import { planDocument } from '../../../schema/contracts/plan-document';
import { NotAPlanError, parsePlan } from '../../../lib/plan-import/parse-plan';
import { MINI_PLAN } from './mini-plan';

const plan = parsePlan(MINI_PLAN);
const projects = plan.dimensions.flatMap((d) => d.missions.flatMap((m) => m.projects));
const kinds = plan.discrepancies.map((d) => d.kind);

describe('a synthetic plan with every quirk', () => {
  it('validates against the schema and reads the cover', () => {
    expect(planDocument.safeParse(plan).success).toBe(true);
    expect(plan.title).toBe(
      'แผนปฏิบัติการป้องกันการทุจริต เพื่อยกระดับคุณธรรมและความโปร่งใส ขององค์การบริหารส่วนตำบลทดสอบ (พ.ศ. 2566 – 2567)',
    );
    expect(plan.organization).toEqual({ name: 'องค์การบริหารส่วนตำบลทดสอบ', province: 'ทดลอง' });
    expect(plan.fiscalYearSpan).toEqual({ from: 2566, to: 2567 });
    expect(plan.fiscalYears).toEqual([2566, 2567]);
  });

  it('builds dimensions, missions and projects in order', () => {
    expect(plan.dimensions.map((d) => [d.number, d.name])).toEqual([
      [1, 'การสร้างวัฒนธรรมสุจริต'],
      [2, 'การบริหารราชการด้วยความโปร่งใส'],
    ]);
    expect(projects.map((p) => [p.sequence, p.number, p.kind, p.name])).toEqual([
      [1, '1', 'project', 'โครงการอบรมคุณธรรมขององค์การบริหารส่วนตำบลทดสอบ'],
      [2, '2', 'activity', 'กิจกรรมเผยแพร่ความรู้'],
      [3, '3', 'measure', 'มาตรการส่งเสริมความซื่อสัตย์'],
      [4, '4', 'measure', 'มาตรการเปิดเผยข้อมูลข่าวสาร'],
      [5, '5', 'project', 'โครงการพัฒนาระบบสารสนเทศเพื่อประชาชน'],
    ]);
    expect(projects[0]?.summaryName).toBe('โครงการอบรมคุณธรรม');
    expect(projects[2]?.alternateNames).toEqual(['กิจกรรมชื่อท้องถิ่น']);
    expect(projects[4]?.summaryName).toBe('โครงการพัฒนาระบบ สารสนเทศเพื่อประชาชน');
  });

  it('converts figures and units', () => {
    expect(projects.map((p) => p.budget)).toEqual([
      { '2566': 10000, '2567': 10000 },
      { '2566': 0, '2567': 0 },
      { '2566': 0, '2567': 0 },
      { '2566': 0, '2567': 0 },
      { '2566': 20000, '2567': 20000 },
    ]);
    expect(projects.map((p) => p.unit)).toEqual(['สป.', 'กศ.', null, null, null]);
    expect(projects[0]?.details).toMatchObject({
      objectives: ['เพื่อให้บุคลากรมีความรู้', 'เพื่อให้บุคลากรนำไปใช้ ในการปฏิบัติงาน'],
      targetGroup: 'พนักงาน จำนวน 20 คน',
      methods: ['ขออนุมัติโครงการ', 'จัดอบรม'],
      period: 'ปีงบประมาณ พ.ศ. 2566 - 2567',
      budgetAmount: 12000,
      responsible: 'สำนักปลัด',
      outputs: ['มีการอบรม 1 ครั้ง'],
      outcomes: ['ผู้เข้าอบรมมีความรู้ไม่น้อยกว่าร้อยละ 80'],
    });
    expect(projects[1]?.details.responsible).toBeNull();
  });

  it('states and parses the same counts', () => {
    expect(plan.stated.projects).toBe(5);
    expect(plan.stated.projectsByDimension).toEqual({ '1': 3, '2': 2 });
    expect(plan.parsedTotals.projectsByDimension).toEqual({ '1': 3, '2': 2 });
    expect(kinds).not.toContain('project-count');
  });

  it('reports each contradiction of the document precisely', () => {
    expect(kinds.sort()).toEqual([
      'budget-total',
      'detail-budget',
      'numbering',
      'numbering',
      'stated-inconsistent',
    ]);
    expect(plan.discrepancies.find((d) => d.kind === 'budget-total')).toMatchObject({
      dimension: 2,
      stated: { '2566': 20000 },
      parsed: { '2566': 20000, '2567': 20000 },
    });
    expect(plan.discrepancies.find((d) => d.kind === 'stated-inconsistent')).toMatchObject({
      stated: { '2566': 30000, '2567': 30000 },
      parsed: { '2566': 30000, '2567': 10000 },
    });
    expect(plan.discrepancies.find((d) => d.kind === 'detail-budget')).toMatchObject({
      projects: ['1'],
      stated: 12000,
      parsed: { '2566': 10000, '2567': 10000 },
    });
    expect(plan.discrepancies.filter((d) => d.kind === 'numbering').map((d) => [d.stated, d.parsed])).toEqual(
      [
        [
          [1, 2, 3, 4, 6],
          [1, 2, 3, 4, 5],
        ],
        [6, 5],
      ],
    );
  });
});

describe('documents that are not plans', () => {
  it.each([
    'การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส\nแบบ\tลำดับ\tรายละเอียดตัวชี้วัด\tคะแนน\nIIT\t1\tการปฏิบัติหน้าที่\t88.69',
    '',
  ])('throws NotAPlanError', (text) => {
    expect(() => parsePlan(text)).toThrow(NotAPlanError);
  });
});
