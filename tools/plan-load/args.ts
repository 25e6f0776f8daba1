import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run load-plan -- --org <slug> --file <plan.json> [--key <key>] [--remote] [--persist-to DIR]
  --org         organisation slug (must already be provisioned)
  --file        a plan JSON written by \`npm run import-plan\`
  --key         plan key; a plan with the same key is replaced (default: "<first FY>-<last FY>")
  --remote      load into the deployed D1 (default: the local one of \`npm start\`)
  --persist-to  where the local D1 lives (as for wrangler; default .wrangler/state)
  --database    D1 binding or name in wrangler.toml (default DB)
  --sql-out     also write the generated SQL to this file
  --dry-run     validate and render only; touch no database`;

export interface LoadArgs {
  org: string;
  file: string;
  key?: string;
  remote: boolean;
  persistTo?: string;
  database: string;
  sqlOut?: string;
  dryRun: boolean;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** Parses the command line of `npm run load-plan`; throws an Error with a message for the operator. */
export function parseLoadArgs(argv: string[]): LoadArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      file: { type: 'string' },
      key: { type: 'string' },
      remote: { type: 'boolean', default: false },
      local: { type: 'boolean', default: false },
      'persist-to': { type: 'string' },
      database: { type: 'string', default: 'DB' },
      'sql-out': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 0) throw new Error(`unexpected argument: ${positionals[0]}`);
  if (!values.org || !values.file) throw new Error('--org and --file are required');
  if (!SLUG.test(values.org)) throw new Error(`not an organisation slug: ${values.org}`);
  if (values.remote && values.local) throw new Error('--remote and --local exclude each other');
  if (values.remote && values['persist-to']) throw new Error('--persist-to is for the local D1 only');
  return {
    org: values.org,
    file: values.file,
    ...(values.key ? { key: values.key } : {}),
    remote: values.remote,
    ...(values['persist-to'] ? { persistTo: values['persist-to'] } : {}),
    database: values.database,
    ...(values['sql-out'] ? { sqlOut: values['sql-out'] } : {}),
    dryRun: values['dry-run'],
  };
}
