import { planDocument } from '../../schema/contracts/plan-document';
import { planLoadStatements } from '../../worker/plans/load-statements';
import { demoPlanFiles } from './demo-plan-files';
import { renderSql } from './render-sql';

/**
 * The demo plans as SQL, each replacing the demo organisation's plan with the same key atomically (the
 * same statements the operator command runs), so running it on every `npm start` is safe.
 */
export function demoPlansSql(now: number): string {
  const statements = Object.entries(demoPlanFiles).flatMap(([orgSlug, json]) =>
    planLoadStatements(planDocument.parse(json), {
      orgSlug,
      loadId: crypto.randomUUID(),
      now,
      source: `dev/seed/plans/${orgSlug}.json`,
    }),
  );
  return renderSql(statements);
}
