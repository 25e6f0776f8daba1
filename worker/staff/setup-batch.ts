/**
 * Writing the admin setup: every change is one D1 batch with its event rows, and one event row carries
 * the guard: its entity id is a subquery that is null unless the change may still happen.
 * `events.entity_id` is NOT NULL, so a failed guard rolls back the whole batch (as in
 * worker/staff/membership.ts). The data functions check the same rules first, to say precisely what is
 * wrong; the guard only catches what another admin changed in between.
 */

/** A subquery yielding the entity id as text, or null when the change may not happen. */
export interface Guard {
  sql: string;
  params: unknown[];
}

export interface SetupEvent {
  orgId: number;
  entity: 'unit' | 'complaint_category' | 'staff_member' | 'staff_settings' | 'holiday';
  action: string;
  /** The admin's staff id. */
  by: number;
  from: string | null;
  to: string | null;
  /** More about the change, as JSON. */
  data?: unknown;
  now: number;
}

/** An events row whose entity id is `guard`. */
export function guardedEvent(c: D1Database, e: SetupEvent, guard: Guard): D1PreparedStatement {
  return c
    .prepare(
      `insert into events (org_id, entity, entity_id, action, actor, from_state, to_state, data, created_at)
       values (?, ?, (${guard.sql}), ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      e.orgId,
      e.entity,
      ...guard.params,
      e.action,
      `staff:${e.by}`,
      e.from,
      e.to,
      e.data === undefined ? null : JSON.stringify(e.data),
      e.now,
    );
}

/** Runs a guarded batch: 'guard' when a guard failed, 'duplicate_code' on a taken unit or category code. */
export async function runSetupBatch(
  c: D1Database,
  statements: D1PreparedStatement[],
): Promise<'done' | 'guard' | 'duplicate_code'> {
  try {
    await c.batch(statements);
    return 'done';
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    if (/NOT NULL constraint failed: events\.entity_id/.test(text)) return 'guard';
    if (/UNIQUE constraint failed: (units|complaint_categories)\.org_id, \w+\.code/.test(text))
      return 'duplicate_code';
    throw error;
  }
}

// No 0/1/i/l/o: a made-up code may be read aloud or typed in an operator command.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A made-up code for a unit or category created without one ("unit-k7qm4r"). */
export function newCode(prefix: 'unit' | 'cat'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `${prefix}-${Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}
