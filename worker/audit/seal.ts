import type { ChainSource } from '../../schema/contracts/audit';
import { type EventRow, GENESIS, linkHash, rowDigest, type ViewRow } from './chain';
import { EVENT_COLUMNS, VIEW_COLUMNS } from './chain-data';

/** Rows read per source per cron run: 4 queries a run whatever the number of organisations. */
export const SEAL_BATCH = 100;

type Pending = { source: ChainSource; row: EventRow | ViewRow };

/**
 * Merges the two sources' unsealed rows by time (events before views at the same instant, then id),
 * keeping each source an id-prefix so its watermark never skips a row. A full batch may have more rows
 * beyond it, so the merge stops when it runs out.
 */
export function sealOrder(events: readonly EventRow[], views: readonly ViewRow[], batch: number): Pending[] {
  const out: Pending[] = [];
  let e = 0;
  let v = 0;
  for (;;) {
    const eDone = e >= events.length;
    const vDone = v >= views.length;
    if ((eDone && events.length >= batch) || (vDone && views.length >= batch) || (eDone && vDone)) break;
    const takeEvent = !eDone && (vDone || events[e]!.at <= views[v]!.at);
    out.push(takeEvent ? { source: 'event', row: events[e++]! } : { source: 'view', row: views[v++]! });
  }
  return out;
}

/**
 * Seals the complaint events and access log rows written since the last run into each organisation's
 * chain. Every row above the source's watermark (its highest sealed id, global: ids only grow) is read,
 * linked after its organisation's head and inserted in ONE statement: if another run sealed any of them
 * meanwhile, the unique indexes fail the whole insert and this run seals nothing (exactly once).
 * Returns how many rows it sealed.
 */
export async function sealAuditChain(d1: D1Database, now: number, batch = SEAL_BATCH): Promise<number> {
  const after = (source: ChainSource) =>
    `id > coalesce((select max(source_id) from audit_chain where source = '${source}'), 0) order by id limit ?`;
  const [events, views] = await d1.batch([
    d1.prepare(`select ${EVENT_COLUMNS} from complaint_events where ${after('event')}`).bind(batch),
    d1.prepare(`select ${VIEW_COLUMNS} from case_views where ${after('view')}`).bind(batch),
  ]);
  const pending = sealOrder(
    events!.results as unknown as EventRow[],
    views!.results as unknown as ViewRow[],
    batch,
  );
  if (pending.length === 0) return 0;
  const orgIds = [...new Set(pending.map((p) => p.row.org_id))];
  const { results: heads } = await d1
    .prepare(
      `select a.org_id, a.seq, a.hash from audit_chain a where a.org_id in (select value from json_each(?))
         and a.seq = (select max(seq) from audit_chain b where b.org_id = a.org_id)`,
    )
    .bind(JSON.stringify(orgIds))
    .all<{ org_id: number; seq: number; hash: string }>();
  const head = new Map(heads.map((h) => [h.org_id, { seq: h.seq, hash: h.hash }]));
  const links: unknown[][] = [];
  for (const p of pending) {
    const last = head.get(p.row.org_id) ?? { seq: 0, hash: GENESIS };
    const link = {
      seq: last.seq + 1,
      source: p.source,
      source_id: p.row.id,
      row_digest: await rowDigest(p.source, p.row),
      prev_hash: last.hash,
    };
    const hash = await linkHash(link);
    head.set(p.row.org_id, { seq: link.seq, hash });
    links.push([p.row.org_id, link.seq, link.source, link.source_id, link.row_digest, link.prev_hash, hash]);
  }
  try {
    await d1
      .prepare(
        `insert into audit_chain (org_id, seq, source, source_id, row_digest, prev_hash, hash, sealed_at)
         select json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
           json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'),
           json_extract(value, '$[6]'), ?
         from json_each(?)`,
      )
      .bind(now, JSON.stringify(links))
      .run();
  } catch (error) {
    // Another run sealed first: its rows stand, ours are dropped whole and read again next minute.
    if (String(error).includes('UNIQUE constraint failed')) return 0;
    throw error;
  }
  return links.length;
}
