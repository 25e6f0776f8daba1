import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallPlan } from '../fixtures/plan-fixture';
import { planLoadStatements, STALE_LOAD_MS } from '../../worker/plans/load-statements';
import { renderSql } from '../../dev/seed/render-sql';
import { loadPlan, runStatements } from './support/plans';
import { allRows, countRows, execute } from './support/db';

// mueang-chan has no plan in the demo data: these tests own its plans.
const org = 'mueang-chan';

async function plansOf(slug: string) {
  const results = await allRows<{ key: string; status: string; loadId: string }>(
    `select p.plan_key as key, p.status, p.load_id as loadId from plans p
     join organizations o on o.id = p.org_id where o.slug = ? order by p.id`,
    slug,
  );
  return results;
}

async function activeProjectNames(slug: string, key: string): Promise<string[]> {
  const results = await allRows<{ name: string }>(
    `select pp.name from plan_projects pp join plans p on p.id = pp.plan_id
     join organizations o on o.id = p.org_id
     where o.slug = ? and p.plan_key = ? and p.status = 'active' order by pp.sequence`,
    slug,
    key,
  );
  return results.map((r) => r.name);
}

const count = (table: string) => countRows(table);

describe('plan storage', () => {
  beforeAll(async () => {
    await loadPlan(smallPlan(' (ก)'), { orgSlug: org });
  });
  // In case storage is shared between files: mueang-chan has no plan anywhere else.
  afterAll(async () => {
    await execute(`delete from plans where org_id = (select id from organizations where slug = ?)`, org);
  });

  it('stores the plan with its dimensions, missions, projects and one budget row per year', async () => {
    expect(await plansOf(org)).toMatchObject([{ key: '2566-2568', status: 'active' }]);
    const names = await activeProjectNames(org, '2566-2568');
    expect(names).toHaveLength(6);
    expect(names[0]).toBe('โครงการอบรมคุณธรรมจริยธรรม (ก)');
    const sums = await allRows(
      `select b.fiscal_year as year, sum(b.amount) as amount, count(*) as n from plan_budgets b
       join plan_projects pp on pp.id = b.project_id join plans p on p.id = pp.plan_id
       join organizations o on o.id = p.org_id where o.slug = ? and p.status = 'active'
       group by b.fiscal_year order by b.fiscal_year`,
      org,
    );
    expect(sums).toEqual([
      { year: 2566, amount: 80_000, n: 6 },
      { year: 2567, amount: 65_000, n: 6 },
      { year: 2568, amount: 95_000, n: 6 },
    ]);
  });

  it('replaces the plan with the same key, keeps the previous version and deletes older ones', async () => {
    const projectsBefore = await count('plan_projects');
    await loadPlan(smallPlan(' (ข)'), { orgSlug: org });
    expect((await plansOf(org)).map((p) => p.status)).toEqual(['replaced', 'active']);
    expect((await activeProjectNames(org, '2566-2568'))[0]).toBe('โครงการอบรมคุณธรรมจริยธรรม (ข)');
    expect(await count('plan_projects')).toBe(projectsBefore + 6);
    // A third load deletes the version before the previous one: two versions at most.
    await loadPlan(smallPlan(' (ข2)'), { orgSlug: org });
    expect((await plansOf(org)).map((p) => p.status)).toEqual(['replaced', 'active']);
    expect(await count('plan_projects')).toBe(projectsBefore + 6);
    await loadPlan(smallPlan(' (ข)'), { orgSlug: org });
  });

  it('records each publication with its figures; the operator command has no staff member', async () => {
    const rows = await allRows<{ action: string; staffId: number | null; projects: number; budget: number }>(
      `select action, staff_id as staffId, projects, budget_total as budget from plan_publications
       where org_id = (select id from organizations where slug = ?) order by id`,
      org,
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.at(-1)).toEqual({ action: 'publish', staffId: null, projects: 6, budget: 240_000 });
  });

  it("loads a plan of any size in a handful of statements, each under D1's statement limit", () => {
    const big = smallPlan();
    const project = big.dimensions[0]!.missions[0]!.projects[0]!;
    const many = Array.from({ length: 400 }, (_, i) => ({
      ...project,
      sequence: i + 1,
      details: { ...project.details, rationale: 'ก'.repeat(800) },
    }));
    big.dimensions = [
      { ...big.dimensions[0]!, missions: [{ ...big.dimensions[0]!.missions[0]!, projects: many }] },
    ];
    const statements = planLoadStatements(big, { orgSlug: org, loadId: 'x', now: 0 });
    expect(statements.length).toBeLessThan(45);
    for (const s of statements) expect(renderSql([s]).length).toBeLessThan(100_000);
  });

  it('keeps a plan with another key beside it', async () => {
    await loadPlan(smallPlan(' (เก่า)'), { orgSlug: org, key: 'old-template' });
    expect((await plansOf(org)).map((p) => [p.key, p.status])).toEqual([
      ['2566-2568', 'replaced'],
      ['2566-2568', 'active'],
      ['old-template', 'active'],
    ]);
    await execute(`delete from plans where plan_key = 'old-template'`);
  });

  it('a load that stops before the final UPDATE changes nothing readers see', async () => {
    const loadId = crypto.randomUUID();
    const statements = planLoadStatements(smallPlan(' (ค)'), { orgSlug: org, loadId, now: Date.now() });
    // Everything but the clean-up, the flip and the record: as if the connection dropped mid-file.
    await runStatements(statements.slice(0, -3));
    expect((await plansOf(org)).map((p) => p.status)).toEqual(['replaced', 'active', 'loading']);
    expect((await activeProjectNames(org, '2566-2568'))[0]).toBe('โครงการอบรมคุณธรรมจริยธรรม (ข)');

    // The next load flips atomically and removes the leftover once it is stale.
    const later = Date.now() + STALE_LOAD_MS + 1;
    await loadPlan(smallPlan(' (ง)'), { orgSlug: org, now: later });
    expect((await plansOf(org)).map((p) => p.status)).toEqual(['replaced', 'active']);
    expect((await activeProjectNames(org, '2566-2568'))[0]).toBe('โครงการอบรมคุณธรรมจริยธรรม (ง)');
  });

  it('the flip is one statement: both plans change together', () => {
    const statements = planLoadStatements(smallPlan(), { orgSlug: org, loadId: 'x', now: 0 });
    const flip = statements.at(-2)!;
    expect(flip.sql).toMatch(/^update plans set status = CASE .* END\s/s);
    expect(flip.sql).not.toContain(';');
  });

  it('refuses an unknown organisation without writing anything', async () => {
    const before = await count('plans');
    await expect(loadPlan(smallPlan(), { orgSlug: 'no-such-org' })).rejects.toThrow(/NOT NULL/);
    expect(await count('plans')).toBe(before);
  });

  it('refuses a key that is not URL-safe', () => {
    expect(() =>
      planLoadStatements(smallPlan(), { orgSlug: org, key: 'แผน 1', loadId: 'x', now: 0 }),
    ).toThrow(/plan key/);
  });
});
