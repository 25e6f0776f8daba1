import type { Db } from '../db/client';

/**
 * An audit row for a draft's lifecycle (the person is "reporter", never their LINE id). Batched right
 * after the statement that changes the draft, and written only if that statement changed a row.
 */
export function draftEvent(
  db: Db,
  orgId: number,
  draftId: string,
  action: string,
  from: string | null,
  to: string,
  now: number,
  byReporter: boolean,
): D1PreparedStatement {
  return db.$client
    .prepare(
      `insert into events (org_id, entity, entity_id, action, actor, from_state, to_state, created_at)
       select ?, 'complaint_draft', ?, ?, ?, ?, ?, ? where changes() = 1`,
    )
    .bind(orgId, draftId, action, byReporter ? 'reporter' : 'system', from, to, now);
}
