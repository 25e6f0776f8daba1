import { z } from 'zod';
import { executeStatements, operatorArgs } from './operator';

const USAGE = `Usage: npx tsx tools/rich-menu.ts [--remote | --persist-to DIR] (--org SLUG | --all)
Asks for an organisation's rich menus (residents' default and staff) to be made again: the Worker's cron
makes them through the Messaging API within a minute (one organisation a minute), with the images in
liff/public/rich-menu/, and links the staff menu to every active staff member. A new organisation
(tools/org-add.ts) gets them the same way without this command; use it after rotating a channel's token
or when LINE shows an old menu. Changing the layout in code (worker/line/rich-menu-layouts.ts) with a new
RICH_MENU_VERSION redoes every organisation by itself.`;

const input = z
  .object({
    org: z
      .string()
      .regex(/^[a-z0-9-]{2,40}$/)
      .optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => Boolean(v.org) !== Boolean(v.all), { message: 'give either --org SLUG or --all' });

const { args, target, remote } = operatorArgs(
  input,
  { org: { type: 'string' }, all: { type: 'boolean' } },
  USAGE,
);

await executeStatements(target, remote, [
  {
    sql: `update line_channels set rich_menu_version = 0, rich_menu_tried_at = null
      where ${args.all ? '1 = 1' : 'org_id = (select id from organizations where slug = ?)'}`,
    params: args.all ? [] : [args.org!],
  },
]);
console.log(
  `Rich menus of ${args.all ? 'every organisation' : args.org} will be made again within a few minutes.`,
);
