import type { PlanDocument } from '../../schema/contracts/plan-document';
import type { Statement } from '../orgs/provision';
import { projectSearchText } from './search-text';

export interface PlanLoadOptions {
  orgSlug: string;
  /** Plans with the same key replace each other; default "<first FY>-<last FY>". */
  key?: string;
  /** Unique per load (a random UUID); ties every statement of this load to its plan row. */
  loadId: string;
  now: number;
  source?: string | null;
}

/** Loads older than this that never became active are leftovers of a failed run, safe to delete. */
export const STALE_LOAD_MS = 60 * 60 * 1000;

const PLAN_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The default public key of a plan: its fiscal-year span, e.g. "2566-2570". */
export function defaultPlanKey(doc: Pick<PlanDocument, 'fiscalYears'>): string {
  if (doc.fiscalYears.length === 0) throw new Error('the plan has no fiscal years');
  return `${Math.min(...doc.fiscalYears)}-${Math.max(...doc.fiscalYears)}`;
}

/**
 * The statements that load a plan into an organisation and replace the active plan with the same key.
 * Every row is written under a plan with status 'loading' that readers never see; the one UPDATE near
 * the end flips this plan to 'active' and the previous one to 'replaced' at once, so the statements
 * need not run in one transaction (`wrangler d1 execute --file` may split them). If a run stops before
 * that UPDATE, the old plan stays active and the leftover is deleted by a later load. Plain statements,
 * so D1 in tests and `wrangler d1 execute` in the seed and operator commands run the very same SQL.
 */
export function planLoadStatements(doc: PlanDocument, options: PlanLoadOptions): Statement[] {
  const key = options.key ?? defaultPlanKey(doc);
  if (!PLAN_KEY.test(key)) throw new Error(`plan key must be lower-case letters, digits and dashes: ${key}`);
  const { loadId, now } = options;
  const planId = '(select id from plans where load_id = ?)';
  const years = [...doc.fiscalYears].sort((a, b) => a - b);
  const statements: Statement[] = [
    {
      sql: `insert into plans (org_id, plan_key, load_id, status, title, first_year, last_year, fiscal_years,
        numbering, stated, parsed_totals, discrepancies, notes, source, loaded_at)
        values ((select id from organizations where slug = ?), ?, ?, 'loading', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [
        options.orgSlug,
        key,
        loadId,
        doc.title,
        years[0]!,
        years[years.length - 1]!,
        JSON.stringify(years),
        doc.numbering,
        JSON.stringify(doc.stated),
        JSON.stringify(doc.parsedTotals),
        JSON.stringify(doc.discrepancies),
        JSON.stringify(doc.notes),
        options.source ?? null,
        now,
      ],
    },
  ];

  let missionPosition = 0;
  for (const [dimensionPosition, dimension] of doc.dimensions.entries()) {
    statements.push({
      sql: `insert into plan_dimensions (plan_id, position, number, name) values (${planId}, ?, ?, ?)`,
      params: [loadId, dimensionPosition, dimension.number, dimension.name],
    });
    for (const mission of dimension.missions) {
      missionPosition++;
      statements.push({
        sql: `insert into plan_missions (plan_id, dimension_id, position, code, name, sub_missions)
          values (${planId}, (select d.id from plan_dimensions d where d.plan_id = ${planId} and d.position = ?),
          ?, ?, ?, ?)`,
        params: [
          loadId,
          loadId,
          dimensionPosition,
          missionPosition,
          mission.code,
          mission.name,
          JSON.stringify(mission.subMissions),
        ],
      });
      for (const project of mission.projects) {
        statements.push(...projectStatements(project, { loadId, missionPosition, years }));
      }
    }
  }

  statements.push(
    {
      // END in capitals: wrangler's SQL splitter only recognises an upper-case END as closing a CASE.
      sql: `update plans set status = CASE WHEN load_id = ? THEN 'active' ELSE 'replaced' END
        where org_id = (select org_id from plans where load_id = ?) and plan_key = ?
        and (load_id = ? or status = 'active')`,
      params: [loadId, loadId, key, loadId],
    },
    {
      sql: `delete from plans where org_id = (select org_id from plans where load_id = ?) and plan_key = ?
        and (status = 'replaced' or (status = 'loading' and loaded_at < ?))`,
      params: [loadId, key, now - STALE_LOAD_MS],
    },
  );
  return statements;
}

type Project = PlanDocument['dimensions'][number]['missions'][number]['projects'][number];

function projectStatements(
  project: Project,
  at: { loadId: string; missionPosition: number; years: number[] },
): Statement[] {
  const planId = '(select id from plans where load_id = ?)';
  const insertProject: Statement = {
    sql: `insert into plan_projects (plan_id, mission_id, sequence, number, ref, name, summary_name, alternate_names,
      kind, sub_mission_code, unit, unit_expanded, unit_group, budget_source, listed_in, detail_number, details, search_text)
      values (${planId}, (select m.id from plan_missions m where m.plan_id = ${planId} and m.position = ?),
      ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [
      at.loadId,
      at.loadId,
      at.missionPosition,
      project.sequence,
      project.number,
      project.ref,
      project.name,
      project.summaryName,
      JSON.stringify(project.alternateNames),
      project.kind,
      project.subMissionCode,
      project.unit,
      project.unitExpanded,
      project.unitGroup,
      project.budgetSource,
      project.listedIn,
      project.detailNumber,
      JSON.stringify(project.details),
      projectSearchText(project),
    ],
  };
  // One row per fiscal year of the plan (0 where the document gives none), so per-year sums and the
  // "has a budget in year X" filter are plain SQL.
  const values = at.years.map(() => '(?, ?)').join(', ');
  const insertBudgets: Statement = {
    sql: `insert into plan_budgets (project_id, fiscal_year, amount)
      select p.id, v.column1, v.column2 from (values ${values}) v
      join plan_projects p on p.plan_id = ${planId} and p.sequence = ?`,
    params: [
      ...at.years.flatMap((year) => [year, project.budget[String(year)] ?? 0]),
      at.loadId,
      project.sequence,
    ],
  };
  return at.years.length > 0 ? [insertProject, insertBudgets] : [insertProject];
}
