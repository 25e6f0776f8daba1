import { describe, expect, it } from 'vitest';
import {
  parseAmount,
  parseBudgetCell,
  parseCountPhrase,
  parseDetailBudget,
} from '../../../lib/plan-import/numbers';

describe('budget cells', () => {
  it.each([
    ['200,000', [200000]],
    ['350,000 บาท', [350000]],
    ['-', [0]],
    ['–', [0]],
    ['ไม่ใช้งบประมาณ', [0]],
    ['ไม่ใช่ งบประมาณ', [0]],
    ['ไม่ใช้งบประมาณดำเนินการ', [0]],
    ['', []],
    ['- 100,000 500,000 -', [0, 100000, 500000, 0]],
    ['3, 000,000', [3000000]],
    ['1,500.00', [1500]],
    ['200,000.-', [200000]],
    ['- - - - -', [0, 0, 0, 0, 0]],
    ['อุดหนุน', []],
  ])('%j → %j', (cell, figures) => {
    expect(parseBudgetCell(cell)).toEqual(figures);
  });

  it.each([
    ['1,000', 1000],
    ['20000', 20000],
    ['12 บาท', 12],
    ['abc', null],
    ['-', null],
  ])('parseAmount(%s)', (token, amount) => {
    expect(parseAmount(token)).toBe(amount);
  });
});

describe('stated counts', () => {
  it.each([
    ['จำนวน 10 โครงการ', { total: 10, byKind: null }],
    ['จำนวน 41 โครงการ', { total: 41, byKind: null }],
    ['4 โครงการ 3 กิจกรรม', { total: 7, byKind: { project: 4, activity: 3, measure: 0 } }],
    ['1 โครงการ 4 กิจกรรม 1 มาตรการ', { total: 6, byKind: { project: 1, activity: 4, measure: 1 } }],
    ['12 โครงการ/กิจกรรม/มาตรการ', { total: 12, byKind: null }],
    ['รวม', null],
  ])('%s', (text, expected) => {
    expect(parseCountPhrase(text)).toEqual(expected);
  });
});

describe('detail section budgets', () => {
  it.each([
    ['งบประมาณ 200,000 บาท', 200000],
    ['ปีงบประมาณละ 100,000 บาท', 100000],
    ['ไม่ใช้งบประมาณ', 0],
    ['ไม่ใช้งบประมาณดำเนินการ', 0],
    ['-', 0],
    ['สถานศึกษาทั้งสิ้นจำนวน 10 แห่งๆ ละ 500,000 บาท เป็นเงิน 5,000,000 บาท', 5000000],
    ['โรงเรียนเทศบาล 1, 3, 4, 5 และ 7 เบิกจ่ายจากเงินรายได้สถานศึกษา ตามรายหัวที่ร่วมกิจกรรม', null],
    ['', null],
  ])('%s', (text, amount) => {
    expect(parseDetailBudget(text).amount).toBe(amount);
  });

  it('reads amounts given per fiscal year', () => {
    expect(parseDetailBudget('ปี 2566 จำนวน 50,000 บาท ปี 2567 จำนวน 60,000 บาท').perYear).toEqual({
      '2566': 50000,
      '2567': 60000,
    });
  });
});
