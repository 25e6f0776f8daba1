import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsDir } from '../../../dev/shared-files';
import type { PlanDocument, PlanProject } from '../../../schema/contracts/plan-document';
import { NotAPlanError, parsePlan } from '../../../lib/plan-import/parse-plan';

/** The real plans in the seeds folder (read-only fixtures; dev/shared-files.ts). */
const seedPath = (name: string) => path.join(seedsDir(), name);
const load = (name: string) => parsePlan(readFileSync(seedPath(name), 'utf8'));
const allProjects = (plan: PlanDocument): PlanProject[] =>
  plan.dimensions.flatMap((d) => d.missions.flatMap((m) => m.projects));
const byRef = (plan: PlanDocument, ref: string) => allProjects(plan).find((p) => p.ref === ref);
const perYear = (years: number[], amount: number) =>
  Object.fromEntries(years.map((y) => [String(y), amount]));
const summary = (plan: PlanDocument) =>
  plan.discrepancies.map((d) => `${d.kind} ${d.projects.join(',')}`).sort();

describe('Chanthaburi plan FY2566–2570 (000)', () => {
  const plan = load('000_b2f7f43f58537435.txt');
  const years = [2566, 2567, 2568, 2569, 2570];

  it('reads the cover', () => {
    expect(plan.organization.name).toBe('เทศบาลเมืองจันทบุรี');
    expect(plan.fiscalYears).toEqual(years);
    expect(plan.fiscalYearSpan).toEqual({ from: 2566, to: 2570 });
    expect(plan.numbering).toBe('plan');
    expect(plan.dimensions.map((d) => d.name)).toEqual([
      'การสร้างวัฒนธรรมสุจริต',
      'การบริหารราชการด้วยความโปร่งใส',
      'การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน',
      'การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น',
    ]);
  });

  it('finds 41 projects split 10/19/6/6, each once, numbered 1–41', () => {
    const projects = allProjects(plan);
    expect(projects.map((p) => p.number)).toEqual(Array.from({ length: 41 }, (_, i) => String(i + 1)));
    expect(plan.parsedTotals.projectsByDimension).toEqual({ '1': 10, '2': 19, '3': 6, '4': 6 });
    expect(plan.stated.projectsByDimension).toEqual({ '1': 10, '2': 19, '3': 6, '4': 6 });
    expect(plan.stated.projects).toBe(41);
    expect(projects.every((p) => p.detailNumber === Number(p.number))).toBe(true);
  });

  it('adds up to the stated 389,000 baht in every year and to each dimension total', () => {
    expect(plan.stated.budgetTotal).toEqual(perYear(years, 389000));
    expect(plan.parsedTotals.budgetTotal).toEqual(perYear(years, 389000));
    expect(plan.parsedTotals.budgetByDimension).toEqual(plan.stated.budgetByDimension);
    expect(plan.stated.budgetByDimension['1']).toEqual(perYear(years, 350000));
    expect(plan.stated.budgetByDimension['3']).toEqual(perYear(years, 39000));
  });

  it('attributes merged cells with the detail sections', () => {
    expect(byRef(plan, '1')?.budget).toEqual(perYear(years, 200000));
    expect(byRef(plan, '4')?.budget).toEqual(perYear(years, 50000));
    expect(['5', '6', '7', '8'].map((r) => byRef(plan, r)?.budget)).toEqual(Array(4).fill(perYear(years, 0)));
    expect(byRef(plan, '9')?.budget).toEqual(perYear(years, 50000));
    expect(byRef(plan, '10')?.budget).toEqual(perYear(years, 50000));
    expect(byRef(plan, '32')?.budget).toEqual(perYear(years, 1000));
  });

  it('reports exactly the two contradictions of the document', () => {
    expect(summary(plan)).toEqual(['grouped-budget 9,10', 'kind-mismatch 28']);
    expect(plan.discrepancies.find((d) => d.kind === 'grouped-budget')).toMatchObject({
      mission: '1.3',
      stated: perYear(years, 50000),
      parsed: perYear(years, 100000),
    });
  });

  it('cleans names: placeholders gone, page-split name joined, detail name preferred', () => {
    const text = JSON.stringify(plan.dimensions);
    expect(text).not.toMatch(/ระบุ(?:ชื่อ|นี้|งค์|นิติ)|<\/?p>/);
    expect(byRef(plan, '41')?.summaryName).toBe('มาตรการจัดให้มีระบบและช่องทางการรับเรื่องร้องเรียนเกี่ยวกับ การทุจริต');
    expect(byRef(plan, '41')?.name).toBe(
      'มาตรการจัดให้มีระบบและช่องทางการรับเรื่องร้องเรียนเกี่ยวกับการทุจริตของเทศบาลเมืองจันทบุรี',
    );
    expect(byRef(plan, '2')?.unit).toBe('สำนักปลัดเทศบาล');
    expect(byRef(plan, '32')?.unit).toBeNull();
    expect(byRef(plan, '1')?.details.methods).toHaveLength(7);
  });
});

describe('Trang plan FY2562–2564, older template (002)', () => {
  const plan = load('002_2459aad492833dd5.txt');
  const years = [2562, 2563, 2564];

  it('reads the cover and per-mission numbering', () => {
    expect(plan.organization).toEqual({ name: 'เทศบาลนครตรัง', province: 'ตรัง' });
    expect(plan.fiscalYears).toEqual(years);
    expect(plan.numbering).toBe('mission');
    expect(plan.dimensions[0]?.name).toBe('การสร้างสังคมที่ไม่ทนต่อการทุจริต');
  });

  it('matches the stated counts per dimension (7/6/13/5) and states no budget totals', () => {
    expect(plan.stated.projectsByDimension).toEqual({ '1': 7, '2': 6, '3': 13, '4': 5 });
    expect(plan.parsedTotals.projectsByDimension).toEqual({ '1': 7, '2': 6, '3': 13, '4': 5 });
    expect(plan.parsedTotals.projects).toBe(31);
    expect(plan.stated.projects).toBeNull();
    expect(plan.stated.budgetByDimension).toEqual({});
    expect(plan.stated.budgetTotal).toBeNull();
    expect(plan.parsedTotals.budgetTotal).toEqual({ '2562': 7720000, '2563': 7670000, '2564': 7720000 });
  });

  it('keeps abbreviated units as written, one per project of a merged cell', () => {
    expect(byRef(plan, '1.1(1)')?.unit).toBe('กวช.');
    expect(['2.5(1)', '2.5(2)', '2.5(3)'].map((r) => byRef(plan, r)?.unit)).toEqual(['สป.', 'สป.', 'สป.']);
    expect(['4.2(1)', '4.2(2)', '4.2(3)'].map((r) => byRef(plan, r)?.unit)).toEqual(['สป.', 'กวช.', 'กวช.']);
    expect(byRef(plan, '4.1(1)')?.budget).toEqual({ '2562': 50000, '2563': 0, '2564': 50000 });
  });

  it('matches detail sections by name even out of order', () => {
    expect(byRef(plan, '2.5(3)')?.detailNumber).toBe(31);
    expect(byRef(plan, '3.1(1)')?.detailNumber).toBe(13);
  });

  it('reports the kind counts, the repeated number and every detail budget that contradicts the table', () => {
    expect(summary(plan)).toEqual([
      'detail-budget 1.2(1)',
      'detail-budget 1.3(2)',
      'detail-budget 3.3(2)#2',
      'detail-budget 4.2(1)',
      'detail-budget 4.4(1)',
      'kind-count ',
      'numbering 3.3(2)#2',
      expect.stringMatching(/^period-outside-plan /),
    ]);
    expect(plan.discrepancies.find((d) => d.kind === 'kind-count')).toMatchObject({
      dimension: 4,
      stated: { project: 3, activity: 2, measure: 0 },
      parsed: { project: 2, activity: 3, measure: 0 },
    });
    const detail = Object.fromEntries(
      plan.discrepancies.filter((d) => d.kind === 'detail-budget').map((d) => [d.projects[0], d.stated]),
    );
    expect(detail).toEqual({
      '1.2(1)': 1500000,
      '1.3(2)': 5000000,
      '3.3(2)#2': 150000,
      '4.2(1)': 30000,
      '4.4(1)': 600000,
    });
    expect(plan.discrepancies.find((d) => d.kind === 'numbering')?.stated).toEqual([1, 2, 2]);
  });
});

describe('Lampang plan FY2566–2570, sub-missions (004)', () => {
  const plan = load('004_d79bb15a77856305.txt');
  const years = [2566, 2567, 2568, 2569, 2570];

  it('reads the cover', () => {
    expect(plan.organization).toEqual({ name: 'เทศบาลนครลำปาง', province: 'ลำปาง' });
    expect(plan.fiscalYears).toEqual(years);
  });

  it('matches the stated counts 12/18/4/7 = 41 and every stated budget total', () => {
    expect(plan.parsedTotals.projectsByDimension).toEqual({ '1': 12, '2': 18, '3': 4, '4': 7 });
    expect(plan.stated.projectsByDimension).toEqual({ '1': 12, '2': 18, '3': 4, '4': 7 });
    expect(plan.parsedTotals.projects).toBe(41);
    expect(plan.stated.projects).toBe(41);
    expect(plan.parsedTotals.budgetByDimension).toEqual(plan.stated.budgetByDimension);
    expect(plan.stated.budgetTotal).toEqual({ ...perYear(years, 4394000), '2566': 4894000 });
    expect(plan.parsedTotals.budgetTotal).toEqual(plan.stated.budgetTotal);
  });

  it('keeps sub-missions and alternate names', () => {
    const m11 = plan.dimensions[0]?.missions[0];
    expect(m11?.subMissions.map((s) => s.code)).toEqual(['1.1.1', '1.1.2', '1.1.3']);
    expect(m11?.projects.map((p) => p.subMissionCode)).toEqual([
      '1.1.1',
      '1.1.1',
      '1.1.1',
      '1.1.1',
      '1.1.2',
      '1.1.3',
    ]);
    expect(byRef(plan, '11')?.alternateNames).toEqual(['กิจกรรมอบรมโตไปไม่โกง']);
    expect(byRef(plan, '29')?.alternateNames).toHaveLength(1);
    expect(byRef(plan, '16')?.name).toBe('มาตรการ NO Gift Policy');
  });

  it('pairs the offset budget rows of 1.1.1 with the right projects', () => {
    expect(['1', '2', '3', '4'].map((r) => byRef(plan, r)?.budget['2566'])).toEqual([
      100000, 100000, 0, 3000000,
    ]);
    expect(byRef(plan, '24')?.budget).toEqual({ ...perYear(years, 0), '2566': 500000 });
    expect(byRef(plan, '39')?.budget).toEqual(perYear(years, 2000));
  });

  it('reports the missing detail section, the two projects missing from the table and the merged section', () => {
    expect(summary(plan)).toEqual([
      'detail-structure 30',
      'missing-detail 31',
      'missing-from-summary 40',
      'missing-from-summary 41',
    ]);
    expect(byRef(plan, '40')).toMatchObject({
      listedIn: 'detail',
      subMissionCode: '4.3.1',
      unit: 'กองการเจ้าหน้าที่',
    });
    expect(byRef(plan, '31')?.details.name).toBeNull();
  });
});

describe('ITA report (003)', () => {
  it('is not a plan', () => {
    expect(() => load('003_7c4b20649499da96.txt')).toThrow(NotAPlanError);
  });
});

describe('speed', () => {
  it('parses a 400 kB plan well under a second', () => {
    const text = readFileSync(seedPath('004_d79bb15a77856305.txt'), 'utf8');
    const start = performance.now();
    parsePlan(text);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
