import { z } from 'zod';
import { PLAN_KEY_PATTERN } from '../../lib/plan-preview';
import { AFTER_PHOTO_MAX_BYTES, afterPhotoRefusalText } from '../../lib/texts/after-photo-texts';
import {
  type ComplaintStatus,
  type ComplaintTrack,
  complaintStatuses,
  complaintTracks,
  type IdentityMode,
  type InvolvedRole,
} from './complaint-rules';
import {
  type CaseAction,
  type CaseOutcome,
  caseOutcomes,
  type OutsideBody,
  outsideBodies,
  staffLimits,
} from './staff';

/** The staff API's contract (worker/http/routes/staff-*.ts and liff/src/staff). No drizzle, no worker code. */

export const caseListQuery = z.object({
  track: z.enum(complaintTracks).optional(),
  status: z.enum(complaintStatuses).optional(),
  unit: z.coerce.number().int().positive().optional(),
  mine: z.enum(['1']).optional(),
  overdue: z.enum(['1']).optional(),
  sort: z.enum(['newest', 'urgent']).default('newest'),
  cursor: z
    .string()
    .regex(/^[0-9-]+\.\d+$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export interface CaseListItem {
  id: number;
  code: string;
  track: ComplaintTrack;
  status: ComplaintStatus;
  version: number;
  categoryName: string;
  unitName: string | null;
  assigneeName: string | null;
  createdAt: number;
  resultDueOn: string;
  overdue: boolean;
}

export interface CasePage {
  items: CaseListItem[];
  nextCursor: string | null;
}

export interface TimelineEntry {
  at: number;
  /** "ผู้ร้องเรียน", a staff member's name, or "ระบบ": never a LINE identity. */
  actor: string;
  action: string;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus | null;
  note: string | null;
}

export interface AttachmentLink {
  id: string;
  kind: 'image' | 'file';
  contentType: string;
  sizeBytes: number;
  /** 'evidence' from the complainant; 'after': the photo staff attached when closing as resolved. */
  purpose: 'evidence' | 'after';
  /** A short-lived signed link served by the worker. */
  url: string;
  expiresAt: number;
}

/** A complainant's comment on their rating of a closing (docs/staff.md, "Satisfaction"). */
export interface RatingComment {
  score: number | null;
  comment: string;
  at: number;
}

/** What the complainant told: the same fields in the staff API and in the worker's case record. */
export interface CaseFacts {
  description: string;
  placeText: string | null;
  placeAddress: string | null;
  latitude: number | null;
  longitude: number | null;
  occurredOn: string | null;
  occurredText: string | null;
  involved: string | null;
  /** Who the tip is about, by role (corruption track), and the unit when staff of a unit are named. */
  involvedRole: InvolvedRole | null;
  involvedUnitId: number | null;
  involvedUnitName: string | null;
  identityMode: IdentityMode;
  /** False when an anonymous reporter chose not to be reached in LINE. */
  reachInLine: boolean;
  /** A grievance's reporter gave a phone for a call-back (its handlers read it: /callback-phone). */
  callbackPhone: boolean;
  /** A report of retaliation after the earlier case with this code (the check-in after a tip). */
  relatedCode: string | null;
}

/**
 * The project of the organisation's anti-corruption plan a tip concerns, as integrity officers set it:
 * the plan's public key and the project's sequence in it (stable across reloads of the plan), with the
 * number and name read from the active plan (null when that plan no longer has the project).
 */
export interface PlanProjectRef {
  plan: string;
  sequence: number;
  number: string | null;
  name: string | null;
}

/** PUT /staff/cases/:id/plan-project: the project a corruption case concerns, or null to clear it. */
export const planProjectBody = z.object({
  project: z
    .object({
      plan: z.string().regex(PLAN_KEY_PATTERN),
      sequence: z.number().int().positive().max(1_000_000),
    })
    .nullable(),
});
export type PlanProjectBody = z.infer<typeof planProjectBody>;

export interface CaseDetail {
  case: CaseListItem &
    CaseFacts & {
      acknowledgeDueOn: string;
      /** Corruption cases: the plan project set by an integrity officer; null when none. */
      planProject: PlanProjectRef | null;
      unitId: number | null;
      assigneeId: number | null;
      outcome: CaseOutcome | null;
      resultSummary: string | null;
      duplicateOfCode: string | null;
      referralBody: OutsideBody | null;
      referralAgency: string | null;
      referralRef: string | null;
    };
  timeline: TimelineEntry[];
  attachments: AttachmentLink[];
  /** Comments complainants added to their ratings, oldest first. */
  ratingComments: RatingComment[];
  /** What this staff member may do now (the server checks again on every action). */
  allowed: CaseAction[];
}

const message = z
  .string()
  .trim()
  .min(1, { error: 'กรุณาพิมพ์ข้อความ' })
  .max(staffLimits.messageMax, { error: `ข้อความยาวได้ไม่เกิน ${staffLimits.messageMax} ตัวอักษร` });
const version = z.number().int().positive();

/** One action on a case, with the version the staff member saw. */
// The after photo's byte limit, as base64 (the worker checks the decoded bytes again).
const AFTER_PHOTO_BASE64_MAX = Math.ceil(AFTER_PHOTO_MAX_BYTES / 3) * 4;

export const caseActionBody = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('accept'), version }),
    z
      .object({
        action: z.literal('assign'),
        version,
        unitId: z.number().int().positive().optional(),
        staffId: z.number().int().positive().optional(),
      })
      .refine((v) => (v.unitId === undefined) !== (v.staffId === undefined), {
        error: 'เลือกหน่วยงานหรือเจ้าหน้าที่อย่างใดอย่างหนึ่ง',
      }),
    z.object({ action: z.literal('ask_info'), version, message }),
    z.object({ action: z.literal('update'), version, message }),
    z.object({
      action: z.literal('forward'),
      version,
      body: z.enum(outsideBodies),
      agencyName: z.string().trim().max(staffLimits.agencyMax).optional(),
      reference: z.string().trim().min(1, { error: 'กรุณาระบุเลขอ้างอิง' }).max(staffLimits.referenceMax),
    }),
    z.object({
      action: z.literal('close'),
      version,
      outcome: z.enum(caseOutcomes),
      summary: z.string().trim().min(1, { error: 'กรุณาสรุปผล' }).max(staffLimits.summaryMax),
      duplicateOf: z.string().max(20).optional(),
      /** The after photo (JPEG or PNG, base64, at most 1 MB): only a grievance closed as resolved. */
      afterPhoto: z
        .string()
        .min(1)
        .max(AFTER_PHOTO_BASE64_MAX, { error: afterPhotoRefusalText('too_large') })
        .optional(),
    }),
    z.object({ action: z.literal('reopen'), version }),
    z.object({ action: z.literal('escalate'), version, message }),
    z.object({ action: z.literal('instruct'), version, message }),
  ],
  { error: 'ไม่รู้จักการดำเนินการนี้' },
);
export type CaseActionBody = z.infer<typeof caseActionBody>;
