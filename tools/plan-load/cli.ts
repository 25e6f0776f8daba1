import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { renderSql } from '../../dev/seed/render-sql';
import { planDocument } from '../../schema/contracts/plan-document';
import { defaultPlanKey, planLoadStatements } from '../../worker/plans/load-statements';
import { type LoadArgs, parseLoadArgs, USAGE } from './args';
import { queryD1, runWrangler } from './wrangler';

const root = path.resolve(import.meta.dirname, '..', '..');
const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * `npm run load-plan`: validates an imported plan JSON, renders the loading SQL and runs it with
 * `wrangler d1 execute --file` against the local or remote D1. The plan with the same key is replaced
 * atomically (see worker/plans/load-statements.ts); a failed run leaves the previous plan in place.
 */
async function main(args: LoadArgs): Promise<void> {
  const json = JSON.parse(readFileSync(args.file, 'utf8'));
  const parsed = planDocument.safeParse(json);
  if (!parsed.success)
    throw new Error(`${args.file} is not a plan document:\n${z.prettifyError(parsed.error)}`);
  const doc = parsed.data;
  const key = args.key ?? defaultPlanKey(doc);
  const statements = planLoadStatements(doc, {
    orgSlug: args.org,
    key,
    loadId: crypto.randomUUID(),
    now: Date.now(),
    source: path.basename(args.file),
  });
  const sql = renderSql(statements);
  if (args.sqlOut) writeFileSync(args.sqlOut, sql);
  const projects = doc.dimensions.flatMap((d) => d.missions.flatMap((m) => m.projects)).length;
  console.log(
    `Plan "${key}": ${doc.dimensions.length} dimensions, ${projects} projects, ${statements.length} statements.`,
  );
  if (args.dryRun) return;

  const target = [
    args.database,
    args.remote ? '--remote' : '--local',
    ...(args.persistTo ? ['--persist-to', args.persistTo] : []),
  ];
  const orgs = await queryD1<{ id: number; name: string }>(
    root,
    target,
    `select id, name from organizations where slug = ${sqlText(args.org)}`,
  );
  if (orgs.length === 0)
    throw new Error(`no organisation "${args.org}" in this database: provision it first`);

  const dir = mkdtempSync(path.join(tmpdir(), 'load-plan-'));
  try {
    const file = path.join(dir, 'plan.sql');
    writeFileSync(file, sql);
    await runWrangler(root, ['d1', 'execute', ...target, '--file', file, ...(args.remote ? ['--yes'] : [])]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const [loaded] = await queryD1<{ projects: number; budget: number }>(
    root,
    target,
    `select (select count(*) from plan_projects pp where pp.plan_id = p.id) as projects,
      (select coalesce(sum(b.amount), 0) from plan_budgets b join plan_projects pp on pp.id = b.project_id
       where pp.plan_id = p.id) as budget
     from plans p where p.org_id = ${orgs[0]!.id} and p.plan_key = ${sqlText(key)} and p.status = 'active'`,
  );
  if (!loaded || loaded.projects !== projects) {
    throw new Error(
      `after loading, the active plan "${key}" has ${loaded?.projects ?? 'no'} projects, expected ${projects}`,
    );
  }
  console.log(
    `Loaded into ${orgs[0]!.name} (${args.org}), ${args.remote ? 'remote' : 'local'} D1: ${loaded.projects} projects, ` +
      `budget ${loaded.budget.toLocaleString('en-US')} baht in total.`,
  );
}

let args: LoadArgs;
try {
  args = parseLoadArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(1);
}
main(args).catch((error) => {
  console.error(`load-plan: ${(error as Error).message}`);
  process.exit(1);
});
