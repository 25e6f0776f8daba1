import { beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '../../lib/fiscal-year';
import { byPlanPeriod, planPeriodStatus } from '../../lib/plan-period';
import { orgDetail, planList, planSummary, projectDetail } from '../../schema/contracts/plan-api';
import { smallPlan } from '../fixtures/plan-fixture';
import { loadPlan, seedPlans } from './support/plans';
import { getJson } from './support/plan-api';

describe('planPeriodStatus', () => {
  const trang = [2562, 2563, 2564];
  it.each([
    // FY2564 ends on 30 September 2021 (BE 2564), Bangkok time.
    ['2021-09-30T23:59:59+07:00', trang, 'current'],
    ['2021-10-01T00:00:00+07:00', trang, 'ended'],
    // 1 Oct 00:30 in Bangkok is still 30 Sep in UTC: Thailand's calendar decides.
    ['2021-09-30T17:30:00Z', trang, 'ended'],
    ['2021-09-30T16:59:59Z', trang, 'current'],
    ['2018-09-30T23:59:59+07:00', trang, 'upcoming'],
    ['2018-10-01T00:00:00+07:00', trang, 'current'],
    ['2026-12-04T12:00:00+07:00', trang, 'ended'],
    ['2026-12-04T12:00:00+07:00', [2566, 2567, 2568, 2569, 2570], 'current'],
    ['2027-10-01T00:00:00+07:00', [2566, 2567, 2568, 2569, 2570], 'ended'],
    ['2026-12-04T12:00:00+07:00', [2571, 2575], 'upcoming'],
    ['2026-12-04T12:00:00+07:00', [], 'current'],
  ])('%s, FY %j → %s', (iso, years, status) => {
    expect(planPeriodStatus(years, Date.parse(iso))).toBe(status);
    expect(planPeriodStatus(years, new Date(iso))).toBe(status);
  });
});

describe('byPlanPeriod', () => {
  it('puts the current plan first, then upcoming, then ended, each newest first', () => {
    const plan = (
      id: string,
      status: 'current' | 'ended' | 'upcoming',
      firstYear: number,
      lastYear: number,
    ) => ({
      id,
      status,
      firstYear,
      lastYear,
    });
    const sorted = byPlanPeriod([
      plan('a', 'ended', 2557, 2560),
      plan('b', 'upcoming', 2571, 2575),
      plan('c', 'ended', 2561, 2565),
      plan('d', 'current', 2566, 2570),
      plan('e', 'upcoming', 2576, 2580),
    ]);
    expect(sorted.map((p) => p.id)).toEqual(['d', 'e', 'b', 'c', 'a']);
  });
});

describe('plan status in the API', () => {
  // Years around today's fiscal year, so the test means the same whenever it runs.
  const now = fiscalYearOf(Date.now());
  const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  beforeAll(async () => {
    await seedPlans();
    // mueang-chan has no demo plan: it gets an ended, a current and an upcoming one, loaded out of order.
    for (const [years, label] of [
      [span(now - 6, now - 2), 'ended'],
      [span(now + 1, now + 3), 'upcoming'],
      [span(now - 1, now + 1), 'current'],
    ] as const) {
      await loadPlan({ ...smallPlan(` (${label})`), fiscalYears: [...years] }, { orgSlug: 'mueang-chan' });
    }
  });

  it('says Trang’s 2562–2564 plan has ended, on every plan answer', async () => {
    const detail = orgDetail.parse((await getJson('/api/orgs/trang')).body);
    expect(detail.plans.map((p) => [p.id, p.status, p.lastYear])).toEqual([['2562-2564', 'ended', 2564]]);
    const summary = planSummary.parse((await getJson('/api/orgs/trang/plans/2562-2564/summary')).body);
    expect(summary.plan.status).toBe('ended');
    const project = projectDetail.parse((await getJson('/api/orgs/trang/plans/2562-2564/projects/1')).body);
    expect(project.plan.status).toBe('ended');
  });

  it('lists an organisation’s current plan first, then the upcoming, then the ended one', async () => {
    const detail = orgDetail.parse((await getJson('/api/orgs/mueang-chan')).body);
    expect(detail.plans.map((p) => [p.id, p.status])).toEqual([
      [`${now - 1}-${now + 1}`, 'current'],
      [`${now + 1}-${now + 3}`, 'upcoming'],
      [`${now - 6}-${now - 2}`, 'ended'],
    ]);
    const list = planList.parse((await getJson('/api/orgs/mueang-chan/plans')).body);
    expect(list.items).toEqual(detail.plans);
  });
});
