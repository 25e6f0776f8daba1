import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { holidayUpsertStatements } from '../worker/calendar/holiday-statements';
import { missingSubstitutions, parseHolidayCsv } from './holidays-load/csv';
import { executeStatements, root } from './operator';
import { queryD1 } from './plan-load/wrangler';

const USAGE = `Usage: npx tsx tools/holidays-load.ts --file holidays-2571.csv [--org SLUG] [--remote | --persist-to DIR]
Loads days off into the holiday calendar that working-day deadlines skip. The CSV has a header line
"date,name,kind,source" and one row per day: date YYYY-MM-DD (Common Era), the Thai name, kind holiday,
substitution or special, and the announcement or rule it comes from. Without --org the days are national;
with it they count for that organisation only. Loading a file again updates its days in place.`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: { file?: string; org?: string; remote?: boolean; 'persist-to'?: string };
try {
  ({ values } = parseArgs({
    options: {
      file: { type: 'string' },
      org: { type: 'string' },
      remote: { type: 'boolean' },
      'persist-to': { type: 'string' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (!values.file) fail('--file is required');
if (values.org !== undefined && !/^[a-z0-9-]{2,40}$/.test(values.org)) {
  fail('--org: an organisation slug (lower-case letters, digits and dashes)');
}
if (values.remote && values['persist-to']) fail('--remote and --persist-to cannot be used together');

let text: string;
try {
  text = readFileSync(values.file, 'utf8');
} catch (error) {
  fail(`cannot read ${values.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}
let rows: ReturnType<typeof parseHolidayCsv>;
try {
  rows = parseHolidayCsv(text);
} catch (error) {
  fail(`${values.file} is not a valid holiday calendar; nothing was loaded:\n${(error as Error).message}`);
}

const remote = Boolean(values.remote);
const target = [
  'DB',
  remote ? '--remote' : '--local',
  ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : []),
];
let orgId: number | null = null;
if (values.org) {
  const [org] = await queryD1<{ id: number }>(
    root,
    target,
    `select id from organizations where slug = '${values.org}'`,
  );
  if (!org) fail(`no organisation with slug "${values.org}" in this database; nothing was loaded`);
  orgId = org.id;
}
if (orgId === null) {
  for (const m of missingSubstitutions(rows)) {
    console.warn(
      `warning: ${m.date} ${m.name} is on a weekend and ${m.expected} has no substitution row; check the Cabinet's announcement`,
    );
  }
}
await executeStatements(target, remote, holidayUpsertStatements(rows, orgId));
const years = [...new Set(rows.map((r) => Number(r.date.slice(0, 4)) + 543))].join(', ');
console.log(
  `Loaded ${rows.length} day(s) off of ${years} BE ${orgId === null ? 'nationally' : `for ${values.org}`}.`,
);
