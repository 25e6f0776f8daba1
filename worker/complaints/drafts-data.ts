import type { complaintDrafts } from '../../schema/tables/complaints';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';
import type { DraftData, Step } from './flow-steps';
import { draftEvent } from './draft-events';
import { opaqueId } from './tracking-code';

/** A complaint draft as the chat flow sees it. Sealed identity fields are only flagged here. */
export interface Draft {
  id: string;
  orgId: number;
  state: 'active' | 'submitted' | 'cancelled';
  step: Step;
  version: number;
  data: DraftData;
  paused: boolean;
  nameSealed: string | null;
  phoneSealed: string | null;
  receiptSealed: string | null;
  createdAt: number;
  lastActiveAt: number;
}

/**
 * A draft row as D1 returns it, all but the person key (only ever in a where clause); also read by the
 * per-event person lookup, worker/bot/person-lookup.ts.
 */
export type DraftRow = Omit<SqlRow<typeof complaintDrafts>, 'person_key'>;

const COLUMNS = `id, org_id, state, step, version, data, paused, name_sealed, phone_sealed, receipt_sealed,
  created_at, last_active_at`;

/** A draft row as the chat flow sees it. */
export function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    orgId: row.org_id,
    state: row.state,
    step: row.step as Step,
    version: row.version,
    data: JSON.parse(row.data) as DraftData,
    paused: row.paused === 1,
    nameSealed: row.name_sealed,
    phoneSealed: row.phone_sealed,
    receiptSealed: row.receipt_sealed,
    createdAt: row.created_at,
    lastActiveAt: row.last_active_at,
  };
}

/** Seal contexts of a draft's identity fields and pending receipt. */
export const draftContext = {
  name: (orgId: number, draftId: string) => `draft:${orgId}:${draftId}:name`,
  phone: (orgId: number, draftId: string) => `draft:${orgId}:${draftId}:phone`,
  receipt: (orgId: number, draftId: string) => `draft:${orgId}:${draftId}:receipt`,
};

// One draft of a person in an organisation: `filter` narrows it (its `?` bound from `params`), `tail`
// orders. The person's keys come last because their number varies.
async function personDraft(
  db: Db,
  orgId: number,
  personKeys: string[],
  filter: string,
  params: string[],
  tail = '',
): Promise<Draft | null> {
  const marks = personKeys.map(() => '?').join(', ');
  const row = await db.$client
    .prepare(
      `select ${COLUMNS} from complaint_drafts where org_id = ? ${filter} and person_key in (${marks}) ${tail}`,
    )
    .bind(orgId, ...params, ...personKeys)
    .first<DraftRow>();
  return row ? toDraft(row) : null;
}

// Hand-written: this runs for every 1:1 message (is this person in the middle of a complaint?).
/** The person's active draft in this organisation; `personKeys` are their keyed hashes (any key). */
export const findActiveDraft = (db: Db, orgId: number, personKeys: string[]) =>
  personDraft(db, orgId, personKeys, "and state = 'active'", [], 'limit 1');

/** A draft by id, in any state, only if it belongs to this person (a button's draft id is never trusted). */
export const findOwnDraft = (db: Db, orgId: number, draftId: string, personKeys: string[]) =>
  personDraft(db, orgId, personKeys, 'and id = ?', [draftId]);

/** The person's latest draft in any state (the LIFF form's draft is found this way after it is filed). */
export const findLatestDraft = (db: Db, orgId: number, personKeys: string[]) =>
  personDraft(db, orgId, personKeys, '', [], 'order by created_at desc limit 1');

/** The person's filed draft whose receipt never reached them (a typed "ยืนยัน" retried after a failure). */
export const findPendingReceipt = (db: Db, orgId: number, personKeys: string[]) =>
  personDraft(
    db,
    orgId,
    personKeys,
    "and state = 'submitted' and receipt_sealed is not null",
    [],
    'order by last_active_at desc limit 1',
  );

/**
 * Starts a draft, or returns the one that already exists (two first messages at once make one draft:
 * the partial unique index on active drafts decides).
 */
export async function createDraft(
  db: Db,
  args: { orgId: number; personKey: string; personKeys: string[]; step: Step; data: DraftData; now: number },
): Promise<Draft> {
  const id = opaqueId();
  await db.$client.batch([
    db.$client
      .prepare(
        `insert into complaint_drafts (id, org_id, person_key, state, step, version, data, paused, created_at, last_active_at)
         values (?, ?, ?, 'active', ?, 1, ?, 0, ?, ?) on conflict do nothing`,
      )
      .bind(id, args.orgId, args.personKey, args.step, JSON.stringify(args.data), args.now, args.now),
    // Only when the insert above happened (not when another event created the draft first).
    draftEvent(db, args.orgId, id, 'started', null, 'active', args.now, true),
  ]);
  const draft = await findActiveDraft(db, args.orgId, args.personKeys);
  if (!draft) throw new Error('draft vanished right after it was created');
  return draft;
}

/** Changes to store with a step; sealed fields: a string sets, null clears, undefined keeps. */
export interface DraftChange {
  step: Step;
  data: DraftData;
  paused?: boolean;
  nameSealed?: string | null;
  phoneSealed?: string | null;
}

/**
 * Stores a change if nobody changed the draft since it was read (version check). Returns the new
 * version, or null when the draft moved on meanwhile (the caller reloads and tries again).
 */
export async function saveDraft(
  db: Db,
  draft: Draft,
  change: DraftChange,
  now: number,
): Promise<number | null> {
  const result = await db.$client
    .prepare(
      `update complaint_drafts set step = ?, data = ?, paused = ?, version = version + 1, last_active_at = ?,
         name_sealed = case when ? then ? else name_sealed end,
         phone_sealed = case when ? then ? else phone_sealed end
       where id = ? and state = 'active' and version = ?`,
    )
    .bind(
      change.step,
      JSON.stringify(change.data),
      change.paused ? 1 : 0,
      now,
      change.nameSealed !== undefined ? 1 : 0,
      change.nameSealed ?? null,
      change.phoneSealed !== undefined ? 1 : 0,
      change.phoneSealed ?? null,
      draft.id,
      draft.version,
    )
    .run();
  return result.meta.changes === 1 ? draft.version + 1 : null;
}
