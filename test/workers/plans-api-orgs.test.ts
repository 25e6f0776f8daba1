import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../schema/contracts/plan-document';
import { orgDetail, orgList, planList, planSummary } from '../../schema/contracts/plan-api';
import { seedPlans } from './support/plans';
import { callWorker } from './support/worker';
import { getJson, projectsOf, sumYears } from './support/plan-api';

let plans: Record<string, PlanDocument>;
beforeAll(async () => {
  plans = await seedPlans();
});

describe('GET /api/orgs', () => {
  it('lists organisations in slug order, keyset-paginated', async () => {
    const first = orgList.parse((await getJson('/api/orgs?limit=3')).body);
    expect(first.items.map((o) => o.slug)).toEqual(['chanthaburi', 'lampang', 'mueang-chan']);
    expect(first.nextCursor).toBe('mueang-chan');
    const second = orgList.parse((await getJson(`/api/orgs?limit=3&cursor=${first.nextCursor}`)).body);
    expect(second).toEqual({
      items: [{ slug: 'trang', name: 'เทศบาลนครตรัง', kind: 'city_municipality', province: 'ตรัง' }],
      nextCursor: null,
    });
  });

  it('is public and cacheable, with an ETag that revalidates to 304', async () => {
    const { response } = await getJson('/api/orgs');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const tag = response.headers.get('etag');
    expect(tag).toMatch(/^"/);
    const again = await callWorker('/api/orgs', { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it.each([['limit=0'], ['limit=101'], ['limit=abc'], ['cursor=']])('refuses ?%s with 400', async (query) => {
    const { response, body } = await getJson(`/api/orgs?${query}`);
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'bad_request' } });
    expect(response.headers.get('cache-control')).toBeNull();
  });
});

describe('GET /api/orgs/:org and /plans', () => {
  it('describes the organisation and its plans with totals', async () => {
    const doc = plans.chanthaburi!;
    const detail = orgDetail.parse((await getJson('/api/orgs/chanthaburi')).body);
    expect(detail.org.name).toBe('เทศบาลเมืองจันทบุรี');
    expect(detail.plans).toHaveLength(1);
    const total = Object.values(sumYears(projectsOf(doc), doc.fiscalYears)).reduce((a, b) => a + b, 0);
    expect(detail.plans[0]).toMatchObject({
      id: '2566-2570',
      fiscalYears: [2566, 2567, 2568, 2569, 2570],
      projects: projectsOf(doc).length,
      budgetTotal: total,
    });
    const list = planList.parse((await getJson('/api/orgs/chanthaburi/plans')).body);
    expect(list.items).toEqual(detail.plans);
  });

  it('an organisation without a plan has an empty list', async () => {
    expect(orgDetail.parse((await getJson('/api/orgs/mueang-chan')).body).plans).toEqual([]);
  });

  it.each([
    ['/api/orgs/no-such-org'],
    ['/api/orgs/no-such-org/plans'],
    ['/api/orgs/no-such-org/plans/x/summary'],
  ])('%s → 404 org_not_found', async (path) => {
    const { response, body } = await getJson(path);
    expect(response.status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'org_not_found' } });
  });
});

describe('GET /api/orgs/:org/plans/:planId/summary', () => {
  it.each([['chanthaburi'], ['trang'], ['lampang']])('adds up %s per dimension and mission', async (slug) => {
    const doc = plans[slug]!;
    const key = `${doc.fiscalYears[0]}-${doc.fiscalYears.at(-1)}`;
    const summary = planSummary.parse((await getJson(`/api/orgs/${slug}/plans/${key}/summary`)).body);
    expect(summary.plan.id).toBe(key);
    expect(summary.dimensions.map((d) => d.number)).toEqual(doc.dimensions.map((d) => d.number));
    for (const [i, dimension] of doc.dimensions.entries()) {
      const got = summary.dimensions[i]!;
      const projects = dimension.missions.flatMap((m) => m.projects);
      expect(got.projects).toBe(projects.length);
      expect(got.budget).toEqual(sumYears(projects, doc.fiscalYears));
      expect(got.missions.map((m) => [m.code, m.projects])).toEqual(
        dimension.missions.map((m) => [m.code, m.projects.length]),
      );
      expect(got.stated.projects).toBe(doc.stated.projectsByDimension[String(dimension.number)] ?? null);
    }
    expect(summary.totals.projects).toBe(projectsOf(doc).length);
    expect(summary.totals.budget).toEqual(doc.parsedTotals.budgetTotal);
    expect(summary.stated).toEqual({ projects: doc.stated.projects, budget: doc.stated.budgetTotal });
    expect(summary.discrepancies).toHaveLength(doc.discrepancies.length);
    expect(summary.units.reduce((a, u) => a + u.projects, 0)).toBe(
      projectsOf(doc).filter((p) => p.unitGroup).length,
    );
    // One entry per canonical unit, the document's other wordings beside it.
    const groups = new Set(projectsOf(doc).flatMap((p) => (p.unitGroup ? [p.unitGroup] : [])));
    expect(summary.units.map((u) => u.unit).sort()).toEqual([...groups].sort());
    for (const u of summary.units) {
      const written = new Set(projectsOf(doc).filter((p) => p.unitGroup === u.unit && p.unit !== u.unit));
      expect(u.variants.sort()).toEqual([...new Set([...written].map((p) => p.unit!))].sort());
    }
  });

  it('lists Chanthaburi’s units once each, the variants under the canonical name', async () => {
    const summary = planSummary.parse((await getJson('/api/orgs/chanthaburi/plans/2566-2570/summary')).body);
    const units = summary.units.map((u) => u.unit);
    expect(units).toHaveLength(9);
    expect(units).toContain('สำนักการศึกษา');
    expect(units).not.toContain('สำนักงานการศึกษา');
    expect(units.filter((u) => u.includes('ตรวจสอบภายใน'))).toEqual(['หน่วยงานตรวจสอบภายใน']);
    expect(summary.units.find((u) => u.unit === 'สำนักการศึกษา')).toEqual({
      unit: 'สำนักการศึกษา',
      variants: ['สำนักงานการศึกษา'],
      projects: 2,
    });
    expect(summary.units.find((u) => u.unit === 'หน่วยงานตรวจสอบภายใน')?.variants.sort()).toEqual(
      ['หน่วยงานตรวจสอบภายใน เทศบาลเมืองจันทบุรี', 'หน่วยตรวจสอบภายใน'].sort(),
    );
  });

  it('spells out Trang’s abbreviated units', async () => {
    const summary = planSummary.parse((await getJson('/api/orgs/trang/plans/2562-2564/summary')).body);
    expect(summary.units.find((u) => u.unit === 'กองวิชาการและแผนงาน')).toEqual({
      unit: 'กองวิชาการและแผนงาน',
      variants: ['กวช.'],
      projects: 19,
    });
  });

  it.each([
    ['another organisation’s plan', '/api/orgs/trang/plans/2566-2570/summary'],
    ['a plan of an organisation that has none', '/api/orgs/mueang-chan/plans/2566-2570/summary'],
    ['an unknown plan', '/api/orgs/chanthaburi/plans/2500-2501/summary'],
    ['another organisation’s project', '/api/orgs/trang/plans/2566-2570/projects/1'],
  ])('%s → 404', async (_name, path) => {
    const { response, body } = await getJson(path);
    expect(response.status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'not_found' } });
  });
});
