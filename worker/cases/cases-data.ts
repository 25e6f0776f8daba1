import type { ComplaintStatus, ComplaintTrack } from '../../schema/contracts/complaint';
import type { CaseFacts } from '../../schema/contracts/staff-api';
import type { CaseOutcome, OutsideBody } from '../../schema/contracts/staff';
import type { Db } from '../db/client';
import type { Involvement } from './involvement-policy';

/**
 * A case as staff see it: the complaint, its routing and its handling. Deliberately without the vault
 * id: nothing staff-facing can lead to the reporter (only notifier.ts and, for integrity officers,
 * reporter-contact.ts read the vault).
 */
export interface CaseRecord extends CaseFacts {
  id: number;
  orgId: number;
  code: string;
  track: ComplaintTrack;
  status: ComplaintStatus;
  version: number;
  unitId: number | null;
  unitName: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  categoryName: string;
  channel: 'line_chat' | 'liff';
  /** False when an anonymous reporter chose not to be reached in LINE: nothing is sent to them. */
  reachInLine: boolean;
  /** A grievance's reporter gave a phone for a call-back (handlers read it, audited: reporter-contact.ts). */
  callbackPhone: boolean;
  /** A retaliation report: the code of the earlier case whose reporter it concerns (checkin.ts). */
  relatedCode: string | null;
  /** The plan project a tip concerns (plan key and project sequence), set by integrity officers. */
  planKey: string | null;
  planProjectSeq: number | null;
  /** Null for complaints filed before the forward deadline was stored (migration 0008). */
  forwardDueOn: string | null;
  acknowledgeDueOn: string;
  resultDueOn: string;
  createdAt: number;
  updatedAt: number;
  handling: Handling;
  attachmentCount: number;
  /** Who the tip is about and who recused: who must not see it (involvement-policy.ts). */
  involvement: Involvement;
}

/** What staff decided about a case besides its status. */
export interface Handling {
  outcome: CaseOutcome | null;
  resultSummary: string | null;
  duplicateOf: number | null;
  duplicateOfCode: string | null;
  referralBody: OutsideBody | null;
  referralAgency: string | null;
  referralRef: string | null;
}

/** The select every case read shares (`c` is the complaint). */
export const CASE_SELECT = `select c.id, c.org_id, c.code, c.track, c.status, c.version, c.unit_id, u.name as unit_name,
    h.assignee_id, s.display_name as assignee_name, k.name as category_name, c.description, c.place_text,
    c.place_address, c.latitude, c.longitude, c.occurred_on, c.occurred_text, c.involved, c.involved_role,
    c.involved_unit_id, iu.name as involved_unit_name, c.identity_mode,
    c.reach_in_line, c.callback_phone, c.plan_key, c.plan_project_seq, c.channel, c.forward_due_on, c.acknowledge_due_on, c.result_due_on, c.created_at, c.updated_at, h.outcome, h.result_summary,
    h.duplicate_of, d.code as duplicate_of_code, h.referral_body, h.referral_agency, h.referral_ref,
    (select count(*) from complaint_attachments a where a.complaint_id = c.id) as attachment_count,
    (select group_concat(staff_id) from case_recusals x where x.complaint_id = c.id) as recused_ids,
    (select r.code from complaints r where r.id = c.related_complaint_id) as related_code
  from complaints c
  join complaint_categories k on k.id = c.category_id
  left join units u on u.id = c.unit_id
  left join units iu on iu.id = c.involved_unit_id
  left join case_handling h on h.complaint_id = c.id
  left join staff_members s on s.id = h.assignee_id
  left join complaints d on d.id = h.duplicate_of`;

// biome-ignore lint/suspicious/noExplicitAny: a joined row of many columns, mapped field by field.
export function toCase(r: any): CaseRecord {
  return {
    id: r.id,
    orgId: r.org_id,
    code: r.code,
    track: r.track,
    status: r.status,
    version: r.version,
    unitId: r.unit_id,
    unitName: r.unit_name,
    assigneeId: r.assignee_id ?? null,
    assigneeName: r.assignee_name ?? null,
    categoryName: r.category_name,
    description: r.description,
    placeText: r.place_text,
    placeAddress: r.place_address,
    latitude: r.latitude,
    longitude: r.longitude,
    occurredOn: r.occurred_on,
    occurredText: r.occurred_text,
    involved: r.involved,
    involvedRole: r.involved_role ?? null,
    involvedUnitId: r.involved_unit_id ?? null,
    involvedUnitName: r.involved_unit_name ?? null,
    involvement: {
      role: r.involved_role ?? null,
      unitId: r.involved_unit_id ?? null,
      recusedIds: r.recused_ids ? String(r.recused_ids).split(',').map(Number) : [],
    },
    identityMode: r.identity_mode,
    channel: r.channel,
    reachInLine: r.reach_in_line !== 0,
    callbackPhone: r.callback_phone !== 0,
    relatedCode: r.related_code ?? null,
    planKey: r.plan_key ?? null,
    planProjectSeq: r.plan_project_seq ?? null,
    forwardDueOn: r.forward_due_on ?? null,
    acknowledgeDueOn: r.acknowledge_due_on,
    resultDueOn: r.result_due_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    handling: {
      outcome: r.outcome ?? null,
      resultSummary: r.result_summary ?? null,
      duplicateOf: r.duplicate_of ?? null,
      duplicateOfCode: r.duplicate_of_code ?? null,
      referralBody: r.referral_body ?? null,
      referralAgency: r.referral_agency ?? null,
      referralRef: r.referral_ref ?? null,
    },
    attachmentCount: r.attachment_count,
  };
}

/** The statement that reads one case of an organisation by id (also run inside a transition's batch). */
export const caseStatement = (db: Db, orgId: number, caseId: number) =>
  db.$client.prepare(`${CASE_SELECT} where c.org_id = ? and c.id = ?`).bind(orgId, caseId);

/** A case of an organisation by id; null when unknown there (another organisation's id included). */
export async function getCase(db: Db, orgId: number, caseId: number): Promise<CaseRecord | null> {
  const row = await caseStatement(db, orgId, caseId).first();
  return row ? toCase(row) : null;
}

/** A case of an organisation by tracking code ("K7QM-4R9P"). */
export async function getCaseByCode(db: Db, orgId: number, code: string): Promise<CaseRecord | null> {
  const row = await db.$client
    .prepare(`${CASE_SELECT} where c.org_id = ? and c.code = ?`)
    .bind(orgId, code)
    .first();
  return row ? toCase(row) : null;
}
