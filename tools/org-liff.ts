import { z } from 'zod';
import { LIFF_ID, liffHosts } from '../schema/contracts/liff-app';
import { liffAppStatements } from '../worker/orgs/provision';
import { executeStatements, operatorArgs, root } from './operator';
import { queryD1 } from './plan-load/wrangler';

const USAGE = `Usage: npx tsx tools/org-liff.ts [--remote | --persist-to DIR] --slug SLUG
  (--liff-id ID [--liff-host liff.line.me|miniapp.line.me] | --none)
Sets the organisation's LIFF app, leaving its channel credentials as they are: its LIFF id and the host its
links open on (liff.line.me, the default, or miniapp.line.me for a LINE MINI App). A LINE MINI App has three
LIFF ids (developing, review, published): give each deployment the one it serves. --none removes the app
(links then open on the Worker's own origin).`;

const input = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]{2,40}$/, 'slug: lower-case letters, digits and dashes'),
    'liff-id': z.string().regex(LIFF_ID, 'liff id: <LINE Login channel id>-<suffix>').optional(),
    'liff-host': z.enum(liffHosts).default('liff.line.me'),
    none: z.boolean().optional(),
  })
  .refine((a) => Boolean(a['liff-id']) !== Boolean(a.none), 'give either --liff-id or --none');

const { args, target, remote } = operatorArgs(
  input,
  {
    slug: { type: 'string' },
    'liff-id': { type: 'string' },
    'liff-host': { type: 'string' },
    none: { type: 'boolean' },
  },
  USAGE,
  { sealing: false },
);

const [found] = await queryD1<{ n: number }>(
  root,
  target,
  `select count(*) as n from organizations where slug = '${args.slug}'`,
);
if (!found?.n) {
  console.error(`No organisation ${args.slug}.\n\n${USAGE}`);
  process.exit(2);
}
const liff = args['liff-id'] ? { id: args['liff-id'], host: args['liff-host'] } : null;
await executeStatements(target, remote, liffAppStatements(args.slug, liff, Date.now()));
console.log(
  liff
    ? `Organisation ${args.slug}: LIFF app https://${liff.host}/${liff.id}`
    : `Organisation ${args.slug}: no LIFF app (links open on the Worker's origin)`,
);
