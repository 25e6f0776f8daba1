import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type ChainLink, type EventRow, type ViewRow, verifyChain } from '../worker/audit/chain';
import { assembleChain, chainQueries } from '../worker/audit/chain-data';
import { queryD1 } from './plan-load/wrangler';

const root = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage: npx tsx tools/audit-verify.ts --org SLUG [--remote | --persist-to DIR] [--anchor SEQ:HASH]
Verifies an organisation's audit chain against the complaint events and the access log in D1: every
chain row's hash and link, and every sealed row's digest. Prints "chain intact: N rows" (exit 0) or names
the first broken row: its seq, source and id, and whether its digest (the row was edited or deleted) or
its link (the chain itself was edited) differs (exit 1). --anchor checks that row SEQ still has HASH, a
hash kept from an earlier export, so a chain rewritten from scratch is caught too. Needs no DATA_KEY.`;

const input = z.object({
  org: z.string().regex(/^[a-z0-9-]{2,40}$/),
  remote: z.boolean().optional(),
  'persist-to': z.string().optional(),
  anchor: z
    .string()
    .regex(/^\d+:[0-9a-f]{64}$/, 'SEQ:HASH, the hash in 64 hex digits')
    .optional(),
});

const { values } = parseArgs({
  options: {
    org: { type: 'string' },
    remote: { type: 'boolean' },
    'persist-to': { type: 'string' },
    anchor: { type: 'string' },
  },
});
const parsed = input.safeParse(values);
if (!parsed.success) {
  console.error(`${z.prettifyError(parsed.error)}\n\n${USAGE}`);
  process.exit(2);
}
const args = parsed.data;
const persist = args['persist-to'];
const target = ['DB', args.remote ? '--remote' : '--local', ...(persist ? ['--persist-to', persist] : [])];

// The slug is checked by the regex above, so inlining it is safe.
const [org] = await queryD1<{ id: number }>(
  root,
  target,
  `select id from organizations where slug = '${args.org}'`,
);
if (!org) {
  console.error(`No organisation "${args.org}".`);
  process.exit(2);
}
const q = chainQueries(org.id);
const chain = await queryD1<ChainLink>(root, target, q.chain);
const events = await queryD1<EventRow>(root, target, q.events);
const views = await queryD1<ViewRow>(root, target, q.views);
const { rows, strays } = assembleChain(chain, events, views);
const verdict = await verifyChain(rows, strays);
if (!verdict.ok) {
  const b = verdict.broken;
  const where = b.seq === null ? `${b.source} row ${b.sourceId}` : `seq ${b.seq} (${b.source} ${b.sourceId})`;
  console.error(
    `chain broken at ${where}: ${b.problem}: ${b.detail}; ${verdict.rows} rows before it are intact`,
  );
  process.exit(1);
}
if (args.anchor) {
  const [seq, hash] = args.anchor.split(':');
  const row = rows.find((r) => r.seq === Number(seq));
  if (row?.hash !== hash) {
    console.error(
      `chain broken at seq ${seq}: anchor: ${row ? 'its hash differs from the anchor' : 'no such row'}`,
    );
    process.exit(1);
  }
}
const last = { event: 0, view: 0 };
for (const r of rows) last[r.source] = Math.max(last[r.source], r.source_id);
const pending = events.filter((e) => e.id > last.event).length + views.filter((v) => v.id > last.view).length;
console.log(
  `chain intact: ${verdict.rows} rows${rows.length ? `, head seq ${rows.at(-1)!.seq} hash ${rows.at(-1)!.hash}` : ''}` +
    (pending ? `\n${pending} newer rows are not sealed yet (the cron seals them within a minute)` : ''),
);
