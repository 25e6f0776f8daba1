import { describe, expect, it } from 'vitest';
import { fiscalYearOf, nearestYear } from '../../lib/fiscal-year';
import { choosePlan } from '../../worker/plans/choose-plan';
import { matchScore, type RankCandidate, rankProjects } from '../../worker/plans/rank';
import { normalizeSearch, projectSearchText } from '../../worker/plans/search-text';
import { buildSummary } from '../../lib/plan-summary';

describe('fiscalYearOf', () => {
  it.each([
    ['2024-10-01T00:00:00+07:00', 2568],
    ['2024-09-30T23:59:59+07:00', 2567],
    // 1 Oct 00:30 in Bangkok is still 30 Sep in UTC: Thailand's calendar decides.
    ['2024-09-30T17:30:00Z', 2568],
    ['2024-09-30T16:59:59Z', 2567],
    ['2025-01-01T00:00:00+07:00', 2568],
    ['2025-09-30T12:00:00+07:00', 2568],
    ['2026-11-21T12:00:00+07:00', 2570],
    ['2019-03-15T12:00:00+07:00', 2562],
  ])('%s → FY%i', (iso, fy) => {
    expect(fiscalYearOf(Date.parse(iso))).toBe(fy);
  });
});

describe('nearestYear', () => {
  it.each([
    [[2566, 2567, 2568], 2567, 2567],
    [[2562, 2563, 2564], 2570, 2564],
    [[2566, 2570], 2568, 2570],
    [[2570, 2571], 2560, 2570],
    [[], 2568, null],
  ])('%j near %i → %s', (years, target, expected) => {
    expect(nearestYear(years, target)).toBe(expected);
  });
});

describe('choosePlan', () => {
  const old = { id: 'old', firstYear: 2562, lastYear: 2564 };
  const current = { id: 'current', firstYear: 2566, lastYear: 2570 };
  const overlapping = { id: 'overlap', firstYear: 2568, lastYear: 2572 };
  it.each([
    ['the plan covering the year', [old, current], 2568, 'current'],
    ['the latest-starting of several covering it', [current, overlapping], 2569, 'overlap'],
    ['the one ending last when none covers it', [old], 2570, 'old'],
    ['the one ending last, in any order', [current, old], 2575, 'current'],
    ['an old year covered by the old plan', [current, old], 2563, 'old'],
  ])('%s', (_name, plans, fy, expected) => {
    expect(choosePlan(plans, fy)?.id).toBe(expected);
  });
  it('none without plans', () => expect(choosePlan([], 2568)).toBeNull());
});

describe('search text', () => {
  it.each([
    ['  โครงการ อบรม  ', 'โครงการอบรม'],
    ['ปี ๒๕๖๘', 'ปี2568'],
    ['ITA Score', 'itascore'],
    ['คุณ\u200bธรรม', 'คุณธรรม'],
    ['มาตรการ “NO Gift Policy”', 'มาตรการnogiftpolicy'],
  ])('normalizeSearch(%j) = %j', (input, expected) => {
    expect(normalizeSearch(input)).toBe(expected);
  });

  it('joins names and unit without letting a match straddle them', () => {
    const text = projectSearchText({
      name: 'อบรม คุณธรรม',
      alternateNames: ['อบรมคุณธรรม'],
      unit: 'สป.',
      unitExpanded: 'สำนักปลัด',
    });
    expect(text.split('\u0001')).toEqual(['อบรมคุณธรรม', 'สป.', 'สำนักปลัด']);
  });
});

describe('buildSummary', () => {
  const base = {
    fiscalYears: [2567, 2566],
    dimensions: [
      { id: 10, number: 1, name: 'มิติ 1' },
      { id: 20, number: 2, name: 'มิติ 2' },
    ],
    missions: [
      { id: 1, dimensionId: 10, code: '1.1', name: 'ก', subMissions: [] },
      { id: 2, dimensionId: 10, code: '1.2', name: 'ข', subMissions: [] },
      { id: 3, dimensionId: 20, code: '2.1', name: 'ค', subMissions: [] },
    ],
    stated: { projects: 5, projectsByDimension: { '1': 3 }, budgetByDimension: {}, budgetTotal: null },
  };

  it.each([
    {
      name: 'rolls missions up into dimensions and the plan',
      counts: [
        { missionId: 1, kind: 'project' as const, projects: 2 },
        { missionId: 2, kind: 'measure' as const, projects: 1 },
        { missionId: 3, kind: 'activity' as const, projects: 1 },
      ],
      budgets: [
        { missionId: 1, fiscalYear: 2566, amount: 100 },
        { missionId: 1, fiscalYear: 2567, amount: 50 },
        { missionId: 3, fiscalYear: 2567, amount: 7 },
      ],
      dimensionProjects: [3, 1],
      dimensionBudgets: [
        { '2566': 100, '2567': 50 },
        { '2566': 0, '2567': 7 },
      ],
      total: { '2566': 100, '2567': 57 },
      totalBudget: 157,
    },
    {
      name: 'keeps empty missions and years at zero',
      counts: [],
      budgets: [],
      dimensionProjects: [0, 0],
      dimensionBudgets: [
        { '2566': 0, '2567': 0 },
        { '2566': 0, '2567': 0 },
      ],
      total: { '2566': 0, '2567': 0 },
      totalBudget: 0,
    },
  ])('$name', (c) => {
    const summary = buildSummary({ ...base, counts: c.counts, budgets: c.budgets });
    expect(summary.dimensions.map((d) => d.projects)).toEqual(c.dimensionProjects);
    expect(summary.dimensions.map((d) => d.budget)).toEqual(c.dimensionBudgets);
    expect(summary.totals.budget).toEqual(c.total);
    expect(summary.totals.budgetTotal).toBe(c.totalBudget);
    expect(summary.totals.projects).toBe(c.dimensionProjects[0]! + c.dimensionProjects[1]!);
    expect(summary.dimensions[0]!.missions.map((m) => m.code)).toEqual(['1.1', '1.2']);
  });

  it('puts the stated figures beside the parsed ones', () => {
    const summary = buildSummary({ ...base, counts: [], budgets: [] });
    expect(summary.dimensions.map((d) => d.stated.projects)).toEqual([3, null]);
    expect(summary.stated).toEqual({ projects: 5, budget: null });
  });
});

describe('matchScore / rankProjects', () => {
  const project = (name: string, extra: Partial<RankCandidate> = {}): RankCandidate => ({
    name,
    alternateNames: [],
    unit: null,
    unitExpanded: null,
    unitGroup: null,
    ...extra,
  });
  const exact = project('โครงการโรงเรียนคุณธรรม');
  const prefix = project('โครงการโรงเรียนคุณธรรมและจริยธรรม');
  const inside = project('มาตรการส่งเสริมโรงเรียนคุณธรรม');
  const alternate = project('กิจกรรมพัฒนาสถานศึกษา', { alternateNames: ['โรงเรียนคุณธรรมต้นแบบ'] });
  const unit = project('กิจกรรมอบรม', { unit: 'กศ.', unitExpanded: 'สำนักการศึกษา โรงเรียนคุณธรรม' });
  const grouped = project('กิจกรรมอบรมวินัย', { unit: 'กวช.', unitGroup: 'กองวิชาการและแผนงาน' });
  const scattered = project('โรงเรียนปลอดภัย เสริมคุณธรรม');
  const unrelated = project('โครงการจัดเวทีประชาคม');

  it.each([
    ['โรงเรียนคุณธรรม', exact, 1000],
    ['โครงการ โรงเรียนคุณธรรม', exact, 1000],
    ['โรงเรียน', prefix, 900],
    ['โรงเรียนคุณธรรม', inside, 800 - 'ส่งเสริม'.length],
    ['โรงเรียนคุณธรรม', alternate, 650],
    ['โรงเรียนคุณธรรม', unit, 400],
    // The unit's plan-wide name finds a project whose row names it by an abbreviation.
    ['กองวิชาการและแผนงาน', grouped, 400],
    ['โรงเรียน คุณธรรม', scattered, 200],
    ['โรงเรียนคุณธรรม', scattered, 0],
    ['โรงเรียน', unrelated, 0],
    ['มาตรการ', inside, 200],
    ['  ', exact, 0],
  ])('%j vs %s → %i', (query, candidate, score) => {
    expect(matchScore(query, candidate)).toBe(score);
  });

  it('orders best first and keeps input order among equals', () => {
    const candidates = [unrelated, unit, alternate, inside, prefix, exact, project('โรงเรียนคุณธรรม')];
    expect(rankProjects('โรงเรียนคุณธรรม', candidates).map((c) => c.name)).toEqual([
      exact.name,
      'โรงเรียนคุณธรรม',
      prefix.name,
      inside.name,
      alternate.name,
      unit.name,
    ]);
  });
});
