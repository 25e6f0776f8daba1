import type { CaseAction } from '../../schema/contracts/staff';
import { finalStatuses } from '../../schema/contracts/staff';
import type { CaseDetail, CaseListItem } from '../../schema/contracts/staff-api';
import { bangkokDate } from '../../lib/thai-date';
import type { Keyring } from '../crypto/secret-box';
import type { complaintAttachments, complaintEvents } from '../../schema/tables/complaints';
import type { staffMembers } from '../../schema/tables/staff';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';
import { type CaseCommand, decide } from './case-machine';
import type { CaseRecord } from './cases-data';
import { signedFilePath } from './evidence-links';
import { planProjectOf } from './plan-project';
import type { StaffMember } from '../staff/staff-data';

// A representative command per action, to tell the page which buttons to offer.
const probes: [CaseAction, (me: StaffMember) => CaseCommand][] = [
  ['accept', () => ({ type: 'accept' })],
  ['assign', (me) => ({ type: 'assign_staff', target: me })],
  ['ask_info', () => ({ type: 'ask_info' })],
  ['update', () => ({ type: 'update' })],
  ['forward', () => ({ type: 'forward' })],
  ['close', () => ({ type: 'close', outcome: 'resolved' })],
  ['reopen', () => ({ type: 'reopen' })],
  ['escalate', () => ({ type: 'escalate' })],
  ['instruct', () => ({ type: 'instruct' })],
];

/** What a staff member may do to a case now. */
export const allowedActions = (c: CaseRecord, me: StaffMember): CaseAction[] =>
  probes.filter(([, probe]) => decide(c, probe(me), me).ok).map(([action]) => action);

/** The list view of a case. */
export function listItem(c: CaseRecord, now: number): CaseListItem {
  return {
    id: c.id,
    code: c.code,
    track: c.track,
    status: c.status,
    version: c.version,
    categoryName: c.categoryName,
    unitName: c.unitName,
    assigneeName: c.assigneeName,
    createdAt: c.createdAt,
    resultDueOn: c.resultDueOn,
    overdue: !finalStatuses.includes(c.status) && c.resultDueOn < bangkokDate(now),
  };
}

const actorName = (type: string, name: string | null) =>
  type === 'resident' ? 'ผู้ร้องเรียน' : type === 'staff' ? (name ?? 'เจ้าหน้าที่') : 'ระบบ';

/** A case with its timeline (who: never a LINE identity), evidence links and the allowed actions. */
export async function caseDetail(
  db: Db,
  keyring: Keyring,
  args: { orgSlug: string; me: StaffMember; c: CaseRecord; now: number },
): Promise<CaseDetail> {
  const { c, now } = args;
  const [events, files, comments, planProject] = await Promise.all([
    db.$client
      .prepare(
        `select e.at, e.actor_type, e.action, e.from_status, e.to_status, e.note, s.display_name
         from complaint_events e
         left join staff_members s on e.actor_type = 'staff' and s.id = cast(e.actor_ref as integer) and s.org_id = e.org_id
         where e.complaint_id = ? and e.org_id = ? order by e.at, e.id`,
      )
      .bind(c.id, c.orgId)
      // The staff name through an outer join: null for residents and the system.
      .all<
        Pick<
          SqlRow<typeof complaintEvents>,
          'at' | 'actor_type' | 'action' | 'from_status' | 'to_status' | 'note'
        > & { display_name: SqlRow<typeof staffMembers>['display_name'] | null }
      >(),
    db.$client
      .prepare(
        // An after photo whose closing was never written (a cancelled prompt) is not the case's.
        `select id, kind, content_type, size_bytes, purpose from complaint_attachments
         where complaint_id = ? and org_id = ? and (purpose = 'evidence' or closing_event_id is not null)
         order by created_at, id`,
      )
      .bind(c.id, c.orgId)
      .all<
        Pick<SqlRow<typeof complaintAttachments>, 'id' | 'kind' | 'content_type' | 'size_bytes' | 'purpose'>
      >(),
    db.$client
      .prepare(
        `select score, comment, commented_at as at from case_ratings
         where complaint_id = ? and org_id = ? and comment is not null order by commented_at`,
      )
      .bind(c.id, c.orgId)
      .all<{ score: number | null; comment: string; at: number }>(),
    planProjectOf(db, c),
  ]);
  const attachments = await Promise.all(
    files.results.map(async (f) => ({
      id: f.id,
      kind: f.kind,
      contentType: f.content_type,
      sizeBytes: f.size_bytes,
      purpose: f.purpose,
      ...(await signedFilePath(keyring, {
        orgId: c.orgId,
        orgSlug: args.orgSlug,
        fileId: f.id,
        staffId: args.me.id,
        now,
      })),
    })),
  );
  const h = c.handling;
  return {
    case: {
      ...listItem(c, now),
      description: c.description,
      placeText: c.placeText,
      placeAddress: c.placeAddress,
      latitude: c.latitude,
      longitude: c.longitude,
      occurredOn: c.occurredOn,
      occurredText: c.occurredText,
      involved: c.involved,
      involvedRole: c.involvedRole,
      involvedUnitId: c.involvedUnitId,
      involvedUnitName: c.involvedUnitName,
      identityMode: c.identityMode,
      reachInLine: c.reachInLine,
      callbackPhone: c.callbackPhone,
      relatedCode: c.relatedCode,
      acknowledgeDueOn: c.acknowledgeDueOn,
      planProject,
      unitId: c.unitId,
      assigneeId: c.assigneeId,
      outcome: h.outcome,
      resultSummary: h.resultSummary,
      duplicateOfCode: h.duplicateOfCode,
      referralBody: h.referralBody,
      referralAgency: h.referralAgency,
      referralRef: h.referralRef,
    },
    timeline: events.results.map((e) => ({
      at: e.at,
      actor: actorName(e.actor_type, e.display_name),
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
    })),
    attachments,
    ratingComments: comments.results,
    allowed: allowedActions(c, args.me),
  };
}
