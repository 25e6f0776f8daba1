import type { ComplaintTrack } from '../../schema/contracts/complaint';
import { ownerKeys } from '../complaints/owner-key';
import { deleteDraftAttachments } from '../complaints/attachments-data';
import { closeDraft } from '../complaints/draft-lifecycle';
import { findActiveDraft } from '../complaints/drafts-data';
import { keyedHashes } from '../crypto/keyed-hash';
import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import { eraseCase } from './retention';
import { FINISHED_SQL } from './retention-policy';

/**
 * What the organisation holds about a person who writes from their LINE account, and their request to
 * delete it (PDPA; docs/privacy.md "The resident's own data"). Only cases filed under their own name are
 * found (complaint_owners): anonymous cases are never linked to an account, by this or anything else.
 */
export interface MyDataDeps {
  db: Db;
  bucket: R2Bucket;
  keyring: Keyring;
  orgId: number;
  now: number;
}

export interface MyCase {
  id: number;
  code: string;
  track: ComplaintTrack;
  status: string;
  finished: boolean;
  /** The start of what they wrote. */
  excerpt: string;
  place: string | null;
  /** A phone is held (sealed) for this case: a call-back or a confidential tip. */
  phoneHeld: boolean;
  resultDueOn: string;
  eraseRequested: boolean;
}

const EXCERPT = 80;

/** The person's owner keys (their cases) and draft keys, under every data key. */
export async function keysOf(deps: MyDataDeps, lineUserId: string) {
  const [owner, draft] = await Promise.all([
    ownerKeys(deps.keyring, deps.orgId, lineUserId),
    keyedHashes(deps.keyring, 'complaint-draft-person', `${deps.orgId}:${lineUserId}`),
  ]);
  return { owner, draft };
}

/** The person's cases not yet erased (newest first, at most 20) and whether a draft is waiting. */
export async function myData(
  deps: MyDataDeps,
  lineUserId: string,
): Promise<{ cases: MyCase[]; draft: boolean }> {
  const keys = await keysOf(deps, lineUserId);
  const marks = keys.owner.map(() => '?').join(', ');
  const [{ results }, draft] = await Promise.all([
    deps.db.$client
      .prepare(
        `select c.id, c.code, c.track, c.status, c.description, c.place_text, c.callback_phone, c.identity_mode,
           c.result_due_on, c.erase_requested_at, c.status in (${FINISHED_SQL}) as finished
         from complaint_owners o join complaints c on c.id = o.complaint_id
         where o.org_id = ? and o.owner_key in (${marks}) and c.erased_at is null
         order by c.id desc limit 20`,
      )
      .bind(deps.orgId, ...keys.owner)
      .all<{
        id: number;
        code: string;
        track: ComplaintTrack;
        status: string;
        description: string;
        place_text: string | null;
        callback_phone: number;
        identity_mode: string;
        result_due_on: string;
        erase_requested_at: number | null;
        finished: number;
      }>(),
    findActiveDraft(deps.db, deps.orgId, keys.draft),
  ]);
  return {
    draft: draft !== null,
    cases: results.map((r) => ({
      id: r.id,
      code: r.code,
      track: r.track,
      status: r.status,
      finished: r.finished === 1,
      excerpt: r.description.length > EXCERPT ? `${r.description.slice(0, EXCERPT)}…` : r.description,
      place: r.place_text,
      phoneHeld: r.callback_phone === 1 || r.identity_mode === 'confidential',
      resultDueOn: r.result_due_on,
      eraseRequested: r.erase_requested_at !== null,
    })),
  };
}

/**
 * Deletes what can go now and schedules the rest: finished cases are erased at once, open ones are
 * marked so that they are erased the moment they finish (their handling still needs the data), and a
 * waiting draft is discarded with its files. Returns what was done, for the answer to the person.
 */
export async function requestErasure(
  deps: MyDataDeps,
  lineUserId: string,
): Promise<{ erased: string[]; pending: { code: string; resultDueOn: string }[]; draft: boolean }> {
  const { cases } = await myData(deps, lineUserId);
  const c = deps.db.$client;
  const erased: string[] = [];
  for (const k of cases.filter((x) => x.finished)) {
    const row = await c
      .prepare('select id, org_id, vault_id, status from complaints where id = ?')
      .bind(k.id)
      .first<{ id: number; org_id: number; vault_id: string; status: string }>();
    if (row) await eraseCase(deps.db, deps.bucket, row, deps.now, 'request');
    erased.push(k.code);
  }
  const open = cases.filter((x) => !x.finished);
  if (open.length > 0) {
    const ids = JSON.stringify(open.map((x) => x.id));
    await c.batch([
      c
        .prepare(
          `update complaints set erase_requested_at = coalesce(erase_requested_at, ?)
           where org_id = ? and id in (select value from json_each(?))`,
        )
        .bind(deps.now, deps.orgId, ids),
      c
        .prepare(
          `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, from_status, to_status, note)
           select c.id, c.org_id, ?, 'resident', 'reporter', 'erasure_requested', c.status, c.status, null
           from complaints c where c.org_id = ? and c.id in (select value from json_each(?))`,
        )
        .bind(deps.now, deps.orgId, ids),
    ]);
  }
  const keys = await keysOf(deps, lineUserId);
  const draft = await findActiveDraft(deps.db, deps.orgId, keys.draft);
  if (draft) {
    await closeDraft(deps.db, draft, 'cancelled', deps.now);
    await deleteDraftAttachments(deps.db, deps.bucket, draft.id);
  }
  return {
    erased,
    pending: open.map((x) => ({ code: x.code, resultDueOn: x.resultDueOn })),
    draft: draft !== null,
  };
}
