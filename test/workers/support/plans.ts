import { type PlanDocument, planDocument } from '../../../schema/contracts/plan-document';
import type { Statement } from '../../../worker/orgs/provision';
import { type PlanLoadOptions, planLoadStatements } from '../../../worker/plans/load-statements';
import { demoPlanFiles } from '../../../dev/seed/demo-plan-files';
import { execute } from './db';

/** Runs statements one by one, as `wrangler d1 execute --file` may: no transaction around them. */
export async function runStatements(statements: Statement[]): Promise<void> {
  for (const s of statements) await execute(s.sql, ...s.params);
}

/** Loads a plan into an organisation through the same statements the operator command renders. */
export async function loadPlan(
  doc: PlanDocument,
  options: Partial<PlanLoadOptions> & { orgSlug: string },
): Promise<string> {
  const loadId = options.loadId ?? crypto.randomUUID();
  await runStatements(planLoadStatements(doc, { now: Date.now(), ...options, loadId }));
  return loadId;
}

/** The committed demo plans (dev/seed/plans/*.json), validated, by organisation slug. */
export function demoPlans(): Record<string, PlanDocument> {
  return Object.fromEntries(
    Object.entries(demoPlanFiles).map(([slug, json]) => [slug, planDocument.parse(json)]),
  );
}

/** Loads every demo plan into its demo organisation, as `npm start` does. */
export async function seedPlans(): Promise<Record<string, PlanDocument>> {
  const plans = demoPlans();
  for (const [orgSlug, doc] of Object.entries(plans))
    await loadPlan(doc, { orgSlug, source: `${orgSlug}.json` });
  return plans;
}
