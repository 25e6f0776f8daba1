import type { ChainSource } from '../../schema/contracts/audit';
import type { ChainLink, CheckedLink, EventRow, ViewRow } from './chain';

/** The columns of each source table that its digest covers (all of them, in the digest's order). */
export const EVENT_COLUMNS =
  'id, org_id, complaint_id, at, actor_type, actor_ref, action, from_status, to_status, note, erased_note_sha256';
export const VIEW_COLUMNS = 'id, org_id, complaint_id, staff_id, via, items, at';

/**
 * The three reads that verify one organisation's chain, as SQL text: the Worker binds nothing and the
 * operator command sends the same text through `wrangler d1 execute`. The id is a checked integer.
 */
export function chainQueries(orgId: number): { chain: string; events: string; views: string } {
  if (!Number.isSafeInteger(orgId)) throw new Error('organisation id must be an integer');
  return {
    chain: `select seq, source, source_id, row_digest, prev_hash, hash from audit_chain where org_id = ${orgId} order by seq`,
    events: `select ${EVENT_COLUMNS} from complaint_events where org_id = ${orgId} order by id`,
    views: `select ${VIEW_COLUMNS} from case_views where org_id = ${orgId} order by id`,
  };
}

/**
 * Joins the chain to the source rows as they are now, and finds the strays: source rows older (lower
 * id) than the organisation's last sealed row of their table that are not in the chain.
 */
export function assembleChain(
  chain: readonly ChainLink[],
  events: readonly EventRow[],
  views: readonly ViewRow[],
): { rows: CheckedLink[]; strays: { source: ChainSource; id: number }[] } {
  const bySource = {
    event: new Map(events.map((e) => [e.id, e])),
    view: new Map(views.map((v) => [v.id, v])),
  };
  const sealed = { event: new Set<number>(), view: new Set<number>() };
  const rows = chain.map((l) => {
    sealed[l.source].add(l.source_id);
    return { ...l, row: bySource[l.source].get(l.source_id) ?? null };
  });
  const strays: { source: ChainSource; id: number }[] = [];
  for (const source of ['event', 'view'] as const) {
    let last = 0;
    for (const id of sealed[source]) if (id > last) last = id;
    for (const id of bySource[source].keys()) {
      if (id < last && !sealed[source].has(id)) strays.push({ source, id });
    }
  }
  return { rows, strays };
}
