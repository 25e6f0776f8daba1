import { z } from 'zod';
import { LIFF_ID, liffHosts } from '../schema/contracts/liff-app';
import { complaintDefaultStatements } from '../worker/orgs/defaults';
import { createKeyring } from '../worker/crypto/secret-box';
import { provisionStatements } from '../worker/orgs/provision';
import { executeStatements, operatorArgs, root } from './operator';
import { queryD1 } from './plan-load/wrangler';

const USAGE = `Usage: npx tsx tools/org-add.ts [--remote | --persist-to DIR] --slug SLUG --name NAME --kind KIND
  --province PROVINCE --channel-id ID --channel-secret SECRET --access-token TOKEN [--liff-id ID]
  [--liff-host liff.line.me|miniapp.line.me] [--bot-user-id U…]
Adds or updates an organisation and its LINE channel (with default units and complaint categories). The secret and token are sealed with DATA_KEY (from the
environment, else .dev.vars) before anything leaves this machine. KIND: city_municipality, town_municipality,
subdistrict_municipality or sao. --liff-host: where the LIFF app's links open (default liff.line.me;
miniapp.line.me for a LINE MINI App). To change only the LIFF app later: tools/org-liff.ts.`;

const input = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,40}$/, 'slug: lower-case letters, digits and dashes'),
  name: z.string().min(3),
  kind: z.enum(['city_municipality', 'town_municipality', 'subdistrict_municipality', 'sao']),
  province: z.string().min(2),
  'channel-id': z.string().regex(/^\d+$/),
  'channel-secret': z.string().regex(/^[0-9a-f]{32}$/, 'channel secret: 32 hex digits'),
  'access-token': z.string().min(10),
  'liff-id': z.string().regex(LIFF_ID, 'liff id: <LINE Login channel id>-<suffix>').optional(),
  'liff-host': z.enum(liffHosts).default('liff.line.me'),
  'bot-user-id': z
    .string()
    .regex(/^U[0-9a-f]{32}$/)
    .optional(),
});

const { args, dataKey, target, remote } = operatorArgs(
  input,
  Object.fromEntries(Object.keys(input.shape).map((k) => [k, { type: 'string' as const }])),
  USAGE,
);

// An existing slug keeps its id (sealed values are bound to it); a new one takes the next id.
const [row] = await queryD1<{ id: number }>(
  root,
  target,
  `select coalesce((select id from organizations where slug = '${args.slug}'), (select coalesce(max(id), 0) + 1 from organizations)) as id`,
);
const id = row!.id;
const statements = await provisionStatements(
  await createKeyring(dataKey),
  {
    id,
    slug: args.slug,
    name: args.name,
    kind: args.kind,
    province: args.province,
    channelId: args['channel-id'],
    channelSecret: args['channel-secret'],
    channelAccessToken: args['access-token'],
    liffId: args['liff-id'] ?? null,
    liffHost: args['liff-host'],
    botUserId: args['bot-user-id'] ?? null,
  },
  Date.now(),
);
// Default units and complaint categories (kept if the organisation already has its own).
statements.push(...complaintDefaultStatements({ id, kind: args.kind }, Date.now()));
await executeStatements(target, remote, statements);
console.log(
  `Organisation ${args.slug} (id ${id}) provisioned. Webhook URL: https://<worker>/webhook/${args.slug}`,
);
