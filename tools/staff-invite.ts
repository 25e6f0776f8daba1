import { z } from 'zod';
import { staffRoles } from '../schema/contracts/staff';
import { formatThaiDay } from '../lib/thai-date';
import { createKeyring } from '../worker/crypto/secret-box';
import { inviteStatements } from '../worker/staff/invites';
import { executeStatements, operatorArgs, root } from './operator';
import { queryD1 } from './plan-load/wrangler';

const USAGE = `Usage: npx tsx tools/staff-invite.ts [--remote | --persist-to DIR] --org SLUG [--role ROLE] [--unit CODE]
  [--group-bind] [--hours N]
Issues a one-time invite code for an organisation: by default for its first admin. The person adds the
organisation's LINE account and sends "ลงทะเบียนเจ้าหน้าที่ <code>" to it. ROLE: ${staffRoles.join(', ')}
(officer needs --unit, a unit code such as engineering). --group-bind issues a code an admin sends as
"ผูกกลุ่ม <code>" in the staff group instead. The code is hashed with DATA_KEY (environment, else
.dev.vars) before it is stored; it is printed once and never kept in clear.`;

const input = z
  .object({
    org: z.string().regex(/^[a-z0-9-]{2,40}$/),
    role: z.enum(staffRoles).default('admin'),
    unit: z
      .string()
      .regex(/^[a-z0-9_]{1,40}$/)
      .optional(),
    'group-bind': z.boolean().optional(),
    hours: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(72),
  })
  .refine((v) => v['group-bind'] || v.role !== 'officer' || v.unit, {
    message: 'officer invites need --unit',
  });

const { args, dataKey, target, remote } = operatorArgs(
  input,
  {
    org: { type: 'string' },
    role: { type: 'string' },
    unit: { type: 'string' },
    'group-bind': { type: 'boolean' },
    hours: { type: 'string' },
  },
  USAGE,
);

// Slugs and unit codes are checked by the regexes above, so inlining them is safe.
const [row] = await queryD1<{ id: number; unit_id: number | null }>(
  root,
  target,
  `select o.id, (select u.id from units u where u.org_id = o.id and u.code = '${args.unit ?? ''}') as unit_id
   from organizations o where o.slug = '${args.org}'`,
);
if (!row) {
  console.error(`No organisation "${args.org}". Add it first with tools/org-add.ts.`);
  process.exit(1);
}
if (args.unit && row.unit_id === null) {
  console.error(`No unit "${args.unit}" in ${args.org}.`);
  process.exit(1);
}
const now = Date.now();
const issued = await inviteStatements(await createKeyring(dataKey), {
  orgId: row.id,
  kind: args['group-bind'] ? 'group_bind' : 'staff',
  role: args['group-bind'] ? undefined : args.role,
  unitId: args['group-bind'] ? null : row.unit_id,
  createdBy: null,
  now,
  ttlMs: args.hours * 60 * 60 * 1000,
});
await executeStatements(target, remote, issued.statements);
const command = args['group-bind'] ? `ผูกกลุ่ม ${issued.code}` : `ลงทะเบียนเจ้าหน้าที่ ${issued.code}`;
console.log(
  `Invite for ${args.org} (${args['group-bind'] ? 'group-bind' : args.role}), valid until ${new Date(issued.expiresAt).toISOString()} (${formatThaiDay(issued.expiresAt)}).\nSend this to the organisation's LINE account:\n\n  ${command}\n`,
);
