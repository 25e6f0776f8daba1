import type { PlanDocument } from '../../schema/contracts/plan-document';
import type { PlanAdminView } from '../../schema/contracts/plan-upload';
import { fiscalYearOf } from '../../lib/fiscal-year';
import { documentProjects } from '../../lib/plan-preview';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { defaultPlanKey, planLoadStatements, publicationStatement } from './load-statements';

/**
 * Publishes a plan an admin uploaded: the loader's statements as one D1 batch (one transaction), so the
 * public pages switch from the previous version to this one at once or not at all. Returns its key.
 */
export async function publishPlan(
  db: Db,
  args: { orgSlug: string; doc: PlanDocument; source: string; staffId: number; now: number },
): Promise<{ key: string; projects: number }> {
  const key = defaultPlanKey(args.doc);
  const statements = planLoadStatements(args.doc, {
    orgSlug: args.orgSlug,
    key,
    loadId: crypto.randomUUID(),
    now: args.now,
    source: args.source,
    publishedBy: args.staffId,
  });
  const c = db.$client;
  await c.batch(statements.map((s) => c.prepare(s.sql).bind(...s.params)));
  return { key, projects: documentProjects(args.doc).length };
}

/**
 * Makes the kept previous version of plan `key` the public one again (and the current one the kept
 * version), recorded as a 'restore' publication. Refused when there is no previous version.
 */
export async function restorePlan(
  db: Db,
  args: { orgId: number; key: string; staffId: number; now: number },
): Promise<void> {
  const c = db.$client;
  const previous = await c
    .prepare(`select load_id as loadId from plans where org_id = ? and plan_key = ? and status = 'replaced'`)
    .bind(args.orgId, args.key)
    .first<{ loadId: string }>();
  if (!previous) throw new AppError('conflict', 'ไม่มีแผนฉบับก่อนหน้าให้กลับไปใช้');
  const restore = publicationStatement(previous.loadId, 'restore', args.staffId, args.now);
  await c.batch([
    c
      .prepare(
        `update plans set status = CASE WHEN status = 'active' THEN 'replaced' ELSE 'active' END
         where org_id = ? and plan_key = ? and status in ('active', 'replaced')`,
      )
      .bind(args.orgId, args.key),
    c.prepare(restore.sql).bind(...restore.params),
  ]);
}

const HISTORY_LIMIT = 20;

/** The admin page's view: every kept version of the organisation's plans and the latest publications. */
export async function planAdminView(db: Db, orgId: number, now: number): Promise<PlanAdminView> {
  const c = db.$client;
  const [versions, history] = await c.batch<Record<string, unknown>>([
    c
      .prepare(
        `select p.plan_key as key, p.load_id as loadId, p.status, p.title, p.first_year as firstYear, p.last_year as lastYear,
           (select count(*) from plan_projects pp where pp.plan_id = p.id) as projects,
           p.source, p.loaded_at as loadedAt
         from plans p where p.org_id = ? and p.status in ('active', 'replaced')
         order by p.last_year desc, p.plan_key, p.status`,
      )
      .bind(orgId),
    c
      .prepare(
        `select u.plan_key as key, u.load_id as loadId, u.action, s.display_name as by, u.source, u.first_year as firstYear,
           u.last_year as lastYear, u.projects, u.budget_total as budgetTotal, u.discrepancies, u.at
         from plan_publications u left join staff_members s on s.id = u.staff_id
         where u.org_id = ? order by u.at desc, u.id desc limit ${HISTORY_LIMIT}`,
      )
      .bind(orgId),
  ]);
  return {
    versions: versions!.results as unknown as PlanAdminView['versions'],
    history: history!.results as unknown as PlanAdminView['history'],
    currentFiscalYear: fiscalYearOf(now),
  };
}
