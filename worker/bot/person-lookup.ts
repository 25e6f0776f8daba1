import { type Draft, type DraftRow, toDraft } from '../complaints/drafts-data';
import { keyedHashes } from '../crypto/keyed-hash';
import { keyringFromEnv } from '../crypto/keyring';
import type { Keyring } from '../crypto/secret-box';
import type { caseReplyWaits } from '../../schema/tables/staff';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';
import { replyPersonKeys } from '../cases/complainant-notifier';
import { ownerKeys } from '../complaints/owner-key';
import { infoPersonKeys } from '../cases/tracking/info-waits';
import { type CommentWindow, commentPersonKeys } from '../cases/rating-comments';
import type { LineMessage } from '../line/gateway';
import { DIRECT_CHAT, type PromptRow, type StaffPrompt, toPrompt } from '../cases/prompts-data';
import { type StaffMember, type StaffRow, staffPersonKeys, toMember } from '../staff/staff-data';
import type { BotContext } from './context';

/**
 * A person's keyed hashes, one set per purpose (each current key first, then every previous key of the
 * ring, so rows written before a key rotation are still found). Purposes stay separate on purpose: a
 * hash made for one table says nothing about another.
 */
export interface PersonKeys {
  /** complaint-draft-person: finds their complaint draft. */
  draft: string[];
  /** staff-person: finds them among the organisation's staff. */
  staff: string[];
  /** complaint-reply-person: finds a question staff asked them that awaits their answer. */
  reply: string[];
  /** complaint-owner: finds the cases they filed under their own name. */
  owner: string[];
  /** case-info-person: finds their open "ส่งข้อมูลเพิ่มเติม" window. */
  info: string[];
  /** rating-comment-person: finds their open window for a comment on a rating. */
  comment: string[];
}

/** A question to a complainant awaiting their answer (case_reply_waits). */
export interface ReplyWait {
  complaintId: number;
  askedBy: number | null;
}

/** What a 1:1 message's handlers need to know about its sender, read in one D1 statement. */
export interface PersonState {
  /** Their active complaint draft (the flow then owns everything they send). */
  draft: Draft | null;
  /** Them as an ACTIVE staff member of the organisation. */
  staff: StaffMember | null;
  /** The open prompt a staff button left them in their 1:1 chat (only for active staff). */
  prompt: StaffPrompt | null;
  /** The latest open question staff asked them as a complainant. */
  wait: ReplyWait | null;
  /** The case whose "ส่งข้อมูลเพิ่มเติม" window is open for them (their next messages go to it). */
  info: { complaintId: number } | null;
  /** The rating whose comment their next text is (30 minutes after rating). */
  comment: CommentWindow | null;
  /**
   * Notices to them about their own cases not yet pushed (a progress notice kept for noon, news waiting
   * for the merge window; never a question, whose push opens the answer's wait): free in this reply.
   */
  progress: WaitingNotice[];
}

/** A complainant notice waiting in the outbox: its row id and its message. */
export interface WaitingNotice {
  id: number;
  message: LineMessage;
}

/** The sender of one 1:1 event: their LINE user id (never stored), the keyring, their keys and state. */
export interface Person extends PersonState {
  userId: string;
  keyring: Keyring;
  keys: PersonKeys;
}

/** Every keyed hash the 1:1 handlers need for one person, computed together. */
export async function personKeys(keyring: Keyring, orgId: number, userId: string): Promise<PersonKeys> {
  const [draft, staff, reply, owner, info, comment] = await Promise.all([
    keyedHashes(keyring, 'complaint-draft-person', `${orgId}:${userId}`),
    staffPersonKeys(keyring, orgId, userId),
    replyPersonKeys(keyring, orgId, userId),
    ownerKeys(keyring, orgId, userId),
    infoPersonKeys(keyring, orgId, userId),
    commentPersonKeys(keyring, orgId, userId),
  ]);
  return { draft, staff, reply, owner, info, comment };
}

const marks = (keys: string[]) => keys.map(() => '?').join(', ');

/**
 * The person lookup as one statement: seven scalar sub-selects, each answered from an index whatever
 * the tables hold (test/workers/person-lookup.test.ts checks the plan): complaint_drafts_active_person,
 * staff_members_org_person (then staff_roles and staff_units by key), staff_prompts' primary key,
 * case_reply_waits' primary key, complaint_owners_org_owner then complainant_notices_case,
 * case_info_waits' primary key and rating_comment_waits' primary key.
 */
export function personStateQuery(args: { orgId: number; keys: PersonKeys; now: number }) {
  const { orgId, keys: k, now } = args;
  const sql = `select
  (select json_object('id', id, 'org_id', org_id, 'state', state, 'step', step, 'version', version,
      'data', data, 'paused', paused, 'name_sealed', name_sealed, 'phone_sealed', phone_sealed,
      'receipt_sealed', receipt_sealed, 'created_at', created_at, 'last_active_at', last_active_at)
    from complaint_drafts where org_id = ? and state = 'active' and person_key in (${marks(k.draft)})
    limit 1) as draft,
  (select json_object('id', s.id, 'org_id', s.org_id, 'display_name', s.display_name, 'status', s.status,
      'roles', (select group_concat(role) from staff_roles where staff_id = s.id),
      'units', (select group_concat(unit_id) from staff_units where staff_id = s.id))
    from staff_members s where s.org_id = ? and s.status = 'active' and s.person_key in (${marks(k.staff)})
    limit 1) as staff,
  (select json_object('staff_id', p.staff_id, 'complaint_id', p.complaint_id, 'action', p.action,
      'arg', p.arg, 'version', p.version)
    from staff_members s join staff_prompts p on p.org_id = s.org_id and p.chat_id = ? and p.staff_id = s.id
    where s.org_id = ? and s.status = 'active' and s.person_key in (${marks(k.staff)}) and p.expires_at > ?
    limit 1) as prompt,
  (select json_object('complaint_id', complaint_id, 'asked_by', asked_by) from case_reply_waits
    where org_id = ? and person_key in (${marks(k.reply)}) and expires_at > ?
    order by created_at desc limit 1) as wait,
  (select json_group_array(json_object('id', n.id, 'message', n.message))
    from complaint_owners o join complainant_notices n on n.complaint_id = o.complaint_id
    where o.org_id = ? and o.owner_key in (${marks(k.owner)}) and n.status = 'pending' and n.attempts = 0
      and n.await_reply_by is null
  ) as progress,
  (select complaint_id from case_info_waits
    where org_id = ? and person_key in (${marks(k.info)}) and open = 1 and expires_at > ?
    order by expires_at desc limit 1) as info,
  (select json_object('complaint_id', complaint_id, 'closed_version', closed_version)
    from rating_comment_waits where org_id = ? and person_key in (${marks(k.comment)}) and expires_at > ?
    limit 1) as comment`;
  const params = [
    orgId,
    ...k.draft,
    orgId,
    ...k.staff,
    DIRECT_CHAT,
    orgId,
    ...k.staff,
    now,
    orgId,
    ...k.reply,
    now,
    orgId,
    ...k.owner,
    orgId,
    ...k.info,
    now,
    orgId,
    ...k.comment,
    now,
  ];
  return { sql, params };
}

/**
 * Whether this person has a complaint draft, is staff, has a staff prompt open and has a question from
 * staff to answer, in one round trip whatever the size of the tables.
 */
export async function findPersonState(
  db: Db,
  args: { orgId: number; keys: PersonKeys; now: number },
): Promise<PersonState> {
  const { sql, params } = personStateQuery(args);
  const row = await db.$client
    .prepare(sql)
    .bind(...params)
    .first<
      Record<'draft' | 'staff' | 'prompt' | 'wait' | 'progress' | 'comment', string | null> & {
        info: number | null;
      }
    >();
  const part = <T>(json: string | null | undefined) => (json ? (JSON.parse(json) as T) : null);
  const wait = part<Pick<SqlRow<typeof caseReplyWaits>, 'complaint_id' | 'asked_by'>>(row?.wait);
  const staff = part<StaffRow>(row?.staff);
  const prompt = part<PromptRow>(row?.prompt);
  const draft = part<DraftRow>(row?.draft);
  const comment = part<{ complaint_id: number; closed_version: number }>(row?.comment);
  return {
    draft: draft ? toDraft(draft) : null,
    staff: staff ? toMember(staff) : null,
    prompt: prompt ? toPrompt(prompt) : null,
    wait: wait ? { complaintId: wait.complaint_id, askedBy: wait.asked_by } : null,
    info: typeof row?.info === 'number' ? { complaintId: row.info } : null,
    comment: comment ? { complaintId: comment.complaint_id, closedVersion: comment.closed_version } : null,
    progress: (part<{ id: number; message: string }[]>(row?.progress) ?? []).map((n) => ({
      id: n.id,
      message: JSON.parse(n.message) as LineMessage,
    })),
  };
}

/** The sender of a 1:1 event, with everything the handlers ask about them: once per event. */
export async function lookUpPerson(ctx: BotContext, userId: string): Promise<Person> {
  const keyring = await keyringFromEnv(ctx.env);
  const keys = await personKeys(keyring, ctx.org.id, userId);
  const state = await findPersonState(ctx.db, { orgId: ctx.org.id, keys, now: ctx.now() });
  return { userId, keyring, keys, ...state };
}
