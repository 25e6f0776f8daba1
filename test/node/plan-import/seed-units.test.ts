import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsDir } from '../../../dev/shared-files';
import { parsePlan } from '../../../lib/plan-import/parse-plan';

/** Each distinct unit group of a seed plan with its project count, and the document's wordings under it. */
function groups(seed: string): Map<string, { projects: number; written: string[] }> {
  const plan = parsePlan(readFileSync(path.join(seedsDir(), seed), 'utf8'));
  const out = new Map<string, { projects: number; written: string[] }>();
  for (const p of plan.dimensions.flatMap((d) => d.missions.flatMap((m) => m.projects))) {
    if (p.unitGroup === null) continue;
    const g = out.get(p.unitGroup) ?? { projects: 0, written: [] };
    out.set(p.unitGroup, g);
    g.projects++;
    if (p.unit && !g.written.includes(p.unit)) g.written.push(p.unit);
  }
  for (const g of out.values()) g.written.sort();
  return out;
}

const names = (g: ReturnType<typeof groups>) => [...g.keys()].sort();

// The unit filter of each demo plan: every spelling of one unit under one name, joint cells apart.
describe('unit groups of the seed plans', () => {
  it('Chanthaburi: 12 written units → 9', () => {
    const g = groups('000_b2f7f43f58537435.txt');
    expect(names(g)).toEqual(
      [
        'กองการเจ้าหน้าที่',
        'กองยุทธศาสตร์และงบประมาณ',
        'กองสวัสดิการสังคม',
        'ทุกส่วนราชการ',
        'สำนักการศึกษา',
        'สำนักคลัง',
        'สำนักคลัง / สำนักการศึกษา',
        'สำนักปลัดเทศบาล',
        'หน่วยงานตรวจสอบภายใน',
      ].sort(),
    );
    expect(g.get('สำนักการศึกษา')).toEqual({ projects: 2, written: ['สำนักการศึกษา', 'สำนักงานการศึกษา'].sort() });
    expect(g.get('หน่วยงานตรวจสอบภายใน')?.written).toEqual(
      ['หน่วยงานตรวจสอบภายใน เทศบาลเมืองจันทบุรี', 'หน่วยตรวจสอบภายใน'].sort(),
    );
    expect(g.get('ทุกส่วนราชการ')?.projects).toBe(2);
  });

  it('Trang: 6 abbreviated units → 5 spelt out', () => {
    const g = groups('002_2459aad492833dd5.txt');
    expect(Object.fromEntries([...g].map(([k, v]) => [k, v.written]))).toEqual({
      กองวิชาการและแผนงาน: ['กวช.'],
      สำนักปลัดเทศบาล: ['สป.'],
      กองสวัสดิการสังคม: ['สวัสดิฯ', 'สว้สฯ'],
      สำนักงานการศึกษา: ['ศึกษา'],
      กองคลัง: ['คลัง'],
    });
  });

  it('Lampang: 16 written units → 11', () => {
    const g = groups('004_d79bb15a77856305.txt');
    expect(names(g)).toEqual(
      [
        'กองการเจ้าหน้าที่',
        'กองการเจ้าหน้าที่ / สำนักปลัดเทศบาล',
        'กองคลัง',
        'กองยุทธศาสตร์และงบประมาณ',
        'กองยุทธศาสตร์และงบประมาณ / กองการเจ้าหน้าที่',
        'กองสวัสดิการสังคม',
        'สำนักการศึกษา',
        'สำนักการศึกษา / โรงเรียนสังกัดเทศบาล',
        'สำนักช่าง',
        'สำนักปลัดเทศบาล',
        'หน่วยงานตรวจสอบภายใน',
      ].sort(),
    );
    expect(g.get('กองคลัง')?.written).toEqual(['กองคลัง', 'ฝ่ายพัฒนารายได้ กองคลัง เทศบาลนครลำปาง'].sort());
    expect(g.get('กองการเจ้าหน้าที่')?.projects).toBe(12);
  });
});
