import { residentStatusNames } from '../../../lib/texts/tracking-texts';
import type {
  ComplaintStatus,
  ComplaintTrack,
  IdentityMode,
} from '../../../schema/contracts/complaint-rules';
import { finalStatuses } from '../../../schema/contracts/staff';
import type { TrackedCaseDetail, TrackedCaseSummary } from '../../../schema/contracts/tracking';
import type { Db } from '../../db/client';
import {
  type CaseEventRow,
  caseDeadlines,
  caseTimeline,
  lastMessage,
  nextDue,
  type PhotoLinks,
} from './case-timeline';

/**
 * Reads for the complainant's tracker. Every read is scoped to the organisation; "own" means a
 * complaint_owners row under one of the person's owner keys (identified and confidential reports only).
 */

interface CaseRow {
  id: number;
  code: string;
  track: ComplaintTrack;
  status: ComplaintStatus;
  identity_mode: IdentityMode;
  acknowledge_due_on: string;
  result_due_on: string;
  created_at: number;
  category_name: string;
  events: string;
}

const marks = (keys: string[]) => keys.map(() => '?').join(', ');

// The case with its category and its events (as JSON, oldest first), in one statement.
const CASE_COLUMNS = `c.id, c.code, c.track, c.status, c.identity_mode, c.acknowledge_due_on,
    c.result_due_on, c.created_at, cat.name as category_name,
    (select json_group_array(json_object('at', at, 'action', action, 'from_status', from_status,
        'to_status', to_status, 'note', note, 'photo', (select a.id from complaint_attachments a
          where a.closing_event_id = ev.id and a.complaint_id = c.id and a.purpose = 'after')))
      from (select * from complaint_events e where e.complaint_id = c.id order by e.at, e.id) ev) as events`;

/** Signs links to after photos by file id (tracker answers only; none when not given). */
export type PhotoLinker = (fileIds: string[]) => Promise<PhotoLinks>;

// The rows' events, parsed, and links to the after photos among them.
async function parseEvents(rows: CaseRow[], linker?: PhotoLinker) {
  const parsed = rows.map((r) => JSON.parse(r.events) as CaseEventRow[]);
  const ids = parsed.flat().flatMap((e) => (e.photo ? [e.photo] : []));
  const photos = linker && ids.length > 0 ? await linker(ids) : new Map<string, string>();
  return { parsed, photos };
}

function toDetail(row: CaseRow, events: CaseEventRow[], photos: PhotoLinks, now: number): TrackedCaseDetail {
  const deadlines = caseDeadlines(
    { status: row.status, acknowledgeDueOn: row.acknowledge_due_on, resultDueOn: row.result_due_on },
    events,
    now,
  );
  const open = !finalStatuses.includes(row.status);
  return {
    code: row.code,
    track: row.track,
    categoryName: row.category_name,
    status: row.status,
    statusText: residentStatusNames[row.status],
    open,
    createdAt: row.created_at,
    nextDue: open ? nextDue(deadlines) : null,
    lastMessage: lastMessage(events, photos),
    anonymous: row.identity_mode === 'anonymous',
    timeline: caseTimeline(events, photos),
    deadlines,
    question: openQuestion(row.status, events),
  };
}

// The latest question while the case awaits the complainant; track-cases.ts keeps it only for the person asked.
function openQuestion(status: ComplaintStatus, events: CaseEventRow[]): TrackedCaseDetail['question'] {
  if (status !== 'awaiting_info') return null;
  const asked = [...events].reverse().find((e) => e.action === 'info_requested');
  return asked ? { text: asked.note ?? '', askedAt: asked.at } : null;
}

/** A summary is the detail without its timeline and deadlines. */
export function toSummary(detail: TrackedCaseDetail): TrackedCaseSummary {
  const { timeline: _timeline, deadlines: _deadlines, question: _question, ...summary } = detail;
  return summary;
}

/** The person's own cases: open before closed, newest first; `limit` of them and how many more. */
export async function listOwnCases(
  db: Db,
  args: { orgId: number; ownerKeys: string[]; limit: number; now: number; photos?: PhotoLinker },
): Promise<{ cases: TrackedCaseDetail[]; more: number }> {
  const { results } = await db.$client
    .prepare(
      `select ${CASE_COLUMNS}, count(*) over () as total
       from complaint_owners o join complaints c on c.id = o.complaint_id
         join complaint_categories cat on cat.id = c.category_id
       where o.org_id = ? and o.owner_key in (${marks(args.ownerKeys)}) and c.org_id = ?
       order by case when c.status in ('resolved', 'rejected', 'closed') then 1 else 0 end, c.created_at desc, c.id desc
       limit ?`,
    )
    .bind(args.orgId, ...args.ownerKeys, args.orgId, args.limit)
    .all<CaseRow & { total: number }>();
  const total = results[0]?.total ?? 0;
  const { parsed, photos } = await parseEvents(results, args.photos);
  return {
    cases: results.map((r, i) => toDetail(r, parsed[i]!, photos, args.now)),
    more: Math.max(0, total - results.length),
  };
}

/** One case by its code: whether it is the person's own, and what checking its PIN needs. */
export interface CodeLookup {
  id: number;
  own: boolean;
  anonymous: boolean;
  /** False when the (anonymous) reporter chose not to be reached in LINE. */
  reachInLine: boolean;
  vaultId: string;
  pinHash: string | null;
  detail: TrackedCaseDetail;
}

/** The case with this (canonical) code in this organisation, or null. */
export async function findByCode(
  db: Db,
  args: { orgId: number; code: string; ownerKeys: string[]; now: number; photos?: PhotoLinker },
): Promise<CodeLookup | null> {
  const row = await db.$client
    .prepare(
      `select ${CASE_COLUMNS}, c.vault_id, c.pin_hash, c.reach_in_line,
         exists (select 1 from complaint_owners o where o.complaint_id = c.id and o.org_id = c.org_id
           and o.owner_key in (${marks(args.ownerKeys)})) as own
       from complaints c join complaint_categories cat on cat.id = c.category_id
       where c.org_id = ? and c.code = ?`,
    )
    .bind(...args.ownerKeys, args.orgId, args.code)
    .first<CaseRow & { vault_id: string; pin_hash: string | null; reach_in_line: number; own: number }>();
  if (!row) return null;
  const { parsed, photos } = await parseEvents([row], args.photos);
  return {
    id: row.id,
    own: row.own === 1 && row.identity_mode !== 'anonymous',
    anonymous: row.identity_mode === 'anonymous',
    reachInLine: row.reach_in_line !== 0,
    vaultId: row.vault_id,
    pinHash: row.pin_hash,
    detail: toDetail(row, parsed[0]!, photos, args.now),
  };
}

/** The staff member who asked the case's latest question (whom its answer goes to). */
export async function latestAsker(db: Db, complaintId: number): Promise<number | null> {
  const row = await db.$client
    .prepare(
      `select actor_ref from complaint_events where complaint_id = ? and action = 'info_requested'
       and actor_type = 'staff' order by at desc, id desc limit 1`,
    )
    .bind(complaintId)
    .first<{ actor_ref: string }>();
  return row ? Number(row.actor_ref) : null;
}
