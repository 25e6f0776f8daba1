import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument, PlanProject } from '../../schema/contracts/plan-document';
import { projectDetail, projectPage, type ProjectListItem } from '../../schema/contracts/plan-api';
import { normalizeSearch } from '../../worker/plans/search-text';
import { seedPlans } from './support/plans';
import { getJson, projectsOf } from './support/plan-api';

let plans: Record<string, PlanDocument>;
beforeAll(async () => {
  plans = await seedPlans();
});

describe('GET /api/orgs/:org/plans/:planId/projects', () => {
  const base = '/api/orgs/chanthaburi/plans/2566-2570/projects';

  async function all(query: string): Promise<{ items: ProjectListItem[]; total: number }> {
    const items: ProjectListItem[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const path: string = `${base}?limit=7&${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = projectPage.parse((await getJson(path)).body);
      items.push(...page.items);
      total = page.total;
      cursor = page.nextCursor;
    } while (cursor);
    return { items, total };
  }

  it('pages through every project in plan order', async () => {
    const doc = plans.chanthaburi!;
    const { items, total } = await all('');
    expect(items.map((p) => p.id)).toEqual(projectsOf(doc).map((p) => p.sequence));
    expect(total).toBe(projectsOf(doc).length);
    const first = projectsOf(doc)[0]!;
    expect(items[0]).toMatchObject({ name: first.name, ref: first.ref, budget: first.budget, dimension: 1 });
    // Each item carries the document's wording of its unit and the plan-wide name of that unit.
    const byId = new Map(projectsOf(doc).map((p) => [p.sequence, p]));
    expect(items.map((p) => [p.unit, p.unitGroup])).toEqual(
      items.map((p) => [byId.get(p.id)!.unit, byId.get(p.id)!.unitGroup]),
    );
    expect(items.some((p) => p.unit !== p.unitGroup)).toBe(true);
  });

  const matches = (p: PlanProject, term: string) =>
    [p.name, p.summaryName, ...p.alternateNames, p.unit, p.unitExpanded, p.unitGroup]
      .filter((t): t is string => !!t)
      .some((t) => normalizeSearch(t).includes(normalizeSearch(term)));

  it.each([
    ['dimension=2', (_p: PlanProject, d: number) => d === 2],
    ['mission=2.2', (_p: PlanProject, _d: number, m: string) => m === '2.2'],
    ['year=2567', (p: PlanProject) => (p.budget['2567'] ?? 0) > 0],
    ['unit=กองการเจ้าหน้าที่', (p: PlanProject) => p.unitGroup === 'กองการเจ้าหน้าที่'],
    // One unit under two spellings: the filter takes the canonical name and finds both.
    ['unit=สำนักการศึกษา', (p: PlanProject) => p.unit === 'สำนักการศึกษา' || p.unit === 'สำนักงานการศึกษา'],
    ['unit=หน่วยงานตรวจสอบภายใน', (p: PlanProject) => /^หน่วย(งาน)?ตรวจสอบภายใน/.test(p.unit ?? '')],
    // A link made with the document's own wording (before units were merged) finds the unit it belongs to.
    ['unit=สำนักงานการศึกษา', (p: PlanProject) => p.unitGroup === 'สำนักการศึกษา'],
    ['unit=สำนักงาน', () => false],
    ['q=หน่วยงานตรวจสอบภายใน', (p: PlanProject) => matches(p, 'หน่วยงานตรวจสอบภายใน')],
    ['q=คุณธรรม', (p: PlanProject) => matches(p, 'คุณธรรม')],
    ['q=ร้องเรียน เรื่อง', (p: PlanProject) => matches(p, 'เรื่อง') && matches(p, 'ร้องเรียน')],
    ['q=no gift', (p: PlanProject) => matches(p, 'no') && matches(p, 'gift')],
    // 30 Thai characters = 90 bytes: more than D1 allows in a LIKE pattern.
    ['q=มาตรการป้องกันผลประโยชน์ทับซ้อน', (p: PlanProject) => matches(p, 'มาตรการป้องกันผลประโยชน์ทับซ้อน')],
    ['dimension=1&year=2570', (p: PlanProject, d: number) => d === 1 && (p.budget['2570'] ?? 0) > 0],
    ['q=100%', () => false],
    ['q=_', () => false],
  ])('filters ?%s', async (query, predicate) => {
    const doc = plans.chanthaburi!;
    const expected = doc.dimensions.flatMap((d) =>
      d.missions.flatMap((m) =>
        m.projects.filter((p) => predicate(p, d.number, m.code)).map((p) => p.sequence),
      ),
    );
    const params = new URLSearchParams(query);
    const { items, total } = await all(params.toString());
    expect(items.map((p) => p.id)).toEqual(expected);
    expect(total).toBe(expected.length);
    if (!['q=1', 'q=_', 'unit=สำนักงาน'].some((q) => query.startsWith(q)))
      expect(expected.length).toBeGreaterThan(0);
  });

  it.each([['year=25'], ['dimension=x'], ['cursor=-1'], ['limit=500']])('refuses ?%s with 400', async (q) => {
    expect((await getJson(`${base}?${q}`)).response.status).toBe(400);
  });
});

describe('GET /api/orgs/:org/plans/:planId/projects/:projectId', () => {
  it('answers one project with its details and where it sits in the plan', async () => {
    const doc = plans.lampang!;
    const dimension = doc.dimensions[0]!;
    const mission = dimension.missions.find((m) => m.subMissions.length > 0 && m.projects.length > 0)!;
    const project = mission.projects[0]!;
    const detail = projectDetail.parse(
      (await getJson(`/api/orgs/lampang/plans/2566-2570/projects/${project.sequence}`)).body,
    );
    expect(detail.org).toEqual({ slug: 'lampang', name: 'เทศบาลนครลำปาง' });
    expect(detail.project).toMatchObject({
      id: project.sequence,
      name: project.name,
      alternateNames: project.alternateNames,
      budget: project.budget,
      dimensionName: dimension.name,
      missionName: mission.name,
      details: project.details,
    });
    expect(detail.project.subMission?.code ?? null).toBe(project.subMissionCode);
  });

  it('lists the document’s contradictions that involve the project', async () => {
    const doc = plans.trang!;
    const finding = doc.discrepancies.find((d) => d.projects.length > 0)!;
    const project = projectsOf(doc).find((p) => p.ref === finding.projects[0])!;
    const detail = projectDetail.parse(
      (await getJson(`/api/orgs/trang/plans/2562-2564/projects/${project.sequence}`)).body,
    );
    expect(detail.discrepancies.map((d) => d.what)).toContain(finding.what);
  });

  it.each([['9999'], ['abc'], ['0']])('project %s → 404', async (id) => {
    const { response } = await getJson(`/api/orgs/chanthaburi/plans/2566-2570/projects/${id}`);
    expect(response.status).toBe(404);
  });
});
