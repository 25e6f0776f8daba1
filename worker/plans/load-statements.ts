import type { PlanDocument } from '../../schema/contracts/plan-document';
import type { Statement } from '../orgs/provision';
import { defaultPlanKey, PLAN_KEY_PATTERN } from '../../lib/plan-preview';
import { projectSearchText } from './search-text';

export { defaultPlanKey };

export interface PlanLoadOptions {
  orgSlug: string;
  /** Plans with the same key replace each other; default "<first FY>-<last FY>". */
  key?: string;
  /** Unique per load (a random UUID); ties every statement of this load to its plan row. */
  loadId: string;
  now: number;
  source?: string | null;
  /** The admin who published it from the staff LIFF; null (the default) for the operator command. */
  publishedBy?: number | null;
}

/** Loads older than this that never became active are leftovers of a failed run, safe to delete. */
export const STALE_LOAD_MS = 60 * 60 * 1000;

/**
 * Rows travel as one JSON parameter per statement (`json_each`), so a plan of any size loads in a dozen
 * statements: a Worker on the free plan may make 50 D1 queries per request. Chunked so that a statement
 * with its JSON inlined (`wrangler d1 execute --file`) stays well under D1's 100 kB statement limit.
 */
const CHUNK_BYTES = 60_000;

const PLAN_ID = '(select id from plans where load_id = ?)';

const utf8 = new TextEncoder();

// Rows as JSON arrays of at most CHUNK_BYTES each (a single larger row stays alone).
function jsonChunks(rows: unknown[], limit = CHUNK_BYTES): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const row of rows) {
    const json = JSON.stringify(row);
    const bytes = utf8.encode(json).length + 1;
    if (current.length > 0 && size + bytes > limit) {
      chunks.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(json);
    size += bytes;
  }
  if (current.length > 0) chunks.push(`[${current.join(',')}]`);
  return chunks;
}

/**
 * The statements that load a plan into an organisation and make it the active plan with its key.
 * Every row is written under a plan with status 'loading' that readers never see; the one UPDATE near
 * the end flips this plan to 'active' and the previous one to 'replaced' at once, so the statements
 * need not run in one transaction (`wrangler d1 execute --file` may split them; the staff upload runs
 * them as one D1 batch). The version before the previous one is deleted first: the previous version is
 * kept, so an admin can go back to it. A failed run leaves a 'loading' leftover that a later load
 * deletes. The last statement records the publication (who, when, what). Plain statements, so D1 in
 * tests, the Worker and `wrangler d1 execute` in the seed and operator commands run the very same SQL.
 */
export function planLoadStatements(doc: PlanDocument, options: PlanLoadOptions): Statement[] {
  const key = options.key ?? defaultPlanKey(doc);
  if (!PLAN_KEY_PATTERN.test(key))
    throw new Error(`plan key must be lower-case letters, digits and dashes: ${key}`);
  const { loadId, now } = options;
  const years = [...doc.fiscalYears].sort((a, b) => a - b);
  const missions = doc.dimensions.flatMap((d, dimension) => d.missions.map((m) => ({ m, dimension })));
  const projects = missions.flatMap(({ m }, i) => m.projects.map((p) => ({ p, mission: i + 1 })));
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
    ...jsonChunks(doc.dimensions.map((d, position) => ({ position, number: d.number, name: d.name }))).map(
      (rows) => ({
        sql: `insert into plan_dimensions (plan_id, position, number, name)
          select ${PLAN_ID}, j.value->>'position', j.value->>'number', j.value->>'name' from json_each(?) j`,
        params: [loadId, rows],
      }),
    ),
    ...jsonChunks(
      missions.map(({ m, dimension }, i) => ({
        dimension,
        position: i + 1,
        code: m.code,
        name: m.name,
        subMissions: JSON.stringify(m.subMissions),
      })),
    ).map((rows) => ({
      sql: `insert into plan_missions (plan_id, dimension_id, position, code, name, sub_missions)
        select d.plan_id, d.id, j.value->>'position', j.value->>'code', j.value->>'name', j.value->>'subMissions'
        from json_each(?) j join plan_dimensions d
          on d.plan_id = ${PLAN_ID} and d.position = j.value->>'dimension'`,
      params: [rows, loadId],
    })),
    ...jsonChunks(projects.map(({ p, mission }) => projectRow(p, mission))).map((rows) => ({
      sql: `insert into plan_projects (plan_id, mission_id, sequence, number, ref, name, summary_name,
          alternate_names, kind, sub_mission_code, unit, unit_expanded, unit_group, budget_source, listed_in, detail_number,
          details, search_text)
        select m.plan_id, m.id, v->>'sequence', v->>'number', v->>'ref', v->>'name', v->>'summaryName',
          v->>'alternateNames', v->>'kind', v->>'subMissionCode', v->>'unit', v->>'unitExpanded', v->>'unitGroup',
          v->>'budgetSource', v->>'listedIn', v->>'detailNumber', v->>'details', v->>'searchText'
        from (select value as v from json_each(?)) j join plan_missions m
          on m.plan_id = ${PLAN_ID} and m.position = v->>'mission'`,
      params: [rows, loadId],
    })),
    // One row per fiscal year of the plan (0 where the document gives none), so per-year sums and the
    // "has a budget in year X" filter are plain SQL.
    ...jsonChunks(
      projects.flatMap(({ p }) => years.map((year) => [p.sequence, year, p.budget[String(year)] ?? 0])),
    ).map((rows) => ({
      sql: `insert into plan_budgets (project_id, fiscal_year, amount)
        select p.id, j.value->>'$[1]', j.value->>'$[2]' from json_each(?) j
        join plan_projects p on p.plan_id = ${PLAN_ID} and p.sequence = j.value->>'$[0]'`,
      params: [rows, loadId],
    })),
    {
      sql: `delete from plans where org_id = (select org_id from plans where load_id = ?) and plan_key = ?
        and (status = 'replaced' or (status = 'loading' and loaded_at < ?))`,
      params: [loadId, key, now - STALE_LOAD_MS],
    },
    {
      // END in capitals: wrangler's SQL splitter only recognises an upper-case END as closing a CASE.
      sql: `update plans set status = CASE WHEN load_id = ? THEN 'active' ELSE 'replaced' END
        where org_id = (select org_id from plans where load_id = ?) and plan_key = ?
        and (load_id = ? or status = 'active')`,
      params: [loadId, loadId, key, loadId],
    },
    publicationStatement(loadId, 'publish', options.publishedBy ?? null, now),
  ];
  return statements;
}

/**
 * Records that the plan of `loadId` became the public one, with its figures at that moment; written only
 * if it really is active (a run that stopped before the flip records nothing).
 */
export function publicationStatement(
  loadId: string,
  action: 'publish' | 'restore',
  staffId: number | null,
  now: number,
): Statement {
  return {
    sql: `insert into plan_publications (org_id, plan_key, load_id, action, staff_id, source, title, first_year,
        last_year, projects, budget_total, discrepancies, at)
      select p.org_id, p.plan_key, p.load_id, ?, ?, p.source, p.title, p.first_year, p.last_year,
        (select count(*) from plan_projects pp where pp.plan_id = p.id),
        (select coalesce(sum(b.amount), 0) from plan_budgets b join plan_projects pp on pp.id = b.project_id
          where pp.plan_id = p.id),
        json_array_length(p.discrepancies), ?
      from plans p where p.load_id = ? and p.status = 'active'`,
    params: [action, staffId, now, loadId],
  };
}

type Project = PlanDocument['dimensions'][number]['missions'][number]['projects'][number];

function projectRow(project: Project, mission: number) {
  return {
    mission,
    sequence: project.sequence,
    number: project.number,
    ref: project.ref,
    name: project.name,
    summaryName: project.summaryName,
    alternateNames: JSON.stringify(project.alternateNames),
    kind: project.kind,
    subMissionCode: project.subMissionCode,
    unit: project.unit,
    unitExpanded: project.unitExpanded,
    unitGroup: project.unitGroup,
    budgetSource: project.budgetSource,
    listedIn: project.listedIn,
    detailNumber: project.detailNumber,
    details: JSON.stringify(project.details),
    searchText: projectSearchText(project),
  };
}
