import { z } from 'zod';
import { type ComplaintStatus, type ComplaintTrack, complaintLimits } from './complaint-rules';

/**
 * The complainant's tracker (chat cards and the LIFF `/o/<org>/track` pages; API in
 * worker/http/routes/track.ts). Answers are types only, so the LIFF bundle does not pull in zod; the
 * one request body (code and PIN) is validated here on the server.
 */

/** Whether a committed date was kept: done in time, done late, still open in time, open and late. */
export type DeadlineState = 'met' | 'missed' | 'pending' | 'overdue';

export interface CaseDeadline {
  kind: 'acknowledge' | 'result';
  /** "ตอบรับเรื่อง" / "แจ้งผลการดำเนินการ" */
  label: string;
  /** Thai calendar date "YYYY-MM-DD" (CE; shown in BE). */
  dueOn: string;
  state: DeadlineState;
  /** The Thai calendar date it was done, when done. */
  doneOn: string | null;
}

/** One step of the case as the complainant reads it: never a staff member, never the reporter. */
export interface TimelineEntry {
  at: number;
  title: string;
  detail: string | null;
  /** The result's after photo (a grievance closed as resolved): a signed path, valid for an hour. */
  photoUrl?: string;
}

/** A case in the complainant's list or card. */
export interface TrackedCaseSummary {
  code: string;
  track: ComplaintTrack;
  categoryName: string;
  status: ComplaintStatus;
  /** The status in plain Thai for the complainant. */
  statusText: string;
  open: boolean;
  createdAt: number;
  /** The next date the organisation committed to, while the case is open. */
  nextDue: CaseDeadline | null;
  /** The organisation's last message to the complainant about this case. */
  lastMessage: TimelineEntry | null;
  /** Opened with code and PIN (never listed by account). */
  anonymous: boolean;
}

export interface TrackedCaseDetail extends TrackedCaseSummary {
  timeline: TimelineEntry[];
  deadlines: CaseDeadline[];
  /** The organisation's open question, only when it was asked of the person viewing (they may answer). */
  question: { text: string; askedAt: number } | null;
}

/** GET /api/orgs/:org/track: the person's own cases, newest first, open before closed. */
export interface TrackedCaseList {
  cases: TrackedCaseSummary[];
  /** How many more there are beyond `cases`. */
  more: number;
}

/** POST /api/orgs/:org/track/open: an anonymous case by code and PIN (in the body, never in a URL). */
export const trackOpenRequest = z.object({
  code: z.string().trim().min(1).max(40),
  pin: z.string().trim().min(1).max(20),
});
export type TrackOpenRequest = z.infer<typeof trackOpenRequest>;

/** POST /api/orgs/:org/track/:code/answer: the answer to the open question (as in the chat). */
export const trackAnswerRequest = z.object({
  answer: z
    .string({ error: 'กรุณาพิมพ์คำตอบ' })
    .trim()
    .min(1, { error: 'กรุณาพิมพ์คำตอบ' })
    .max(2000, { error: 'คำตอบยาวได้ไม่เกิน 2,000 ตัวอักษร' }),
});

/** The longest text a complainant adds to a case at once ("ส่งข้อมูลเพิ่มเติม", chat and LIFF). */
export const INFO_TEXT_MAX = 2000;

/** At most this many photos ride with one addition from the LIFF (each up to the evidence photo limit). */
export const INFO_PHOTOS_MAX = 3;

// The largest photo evidence takes, as base64.
const PHOTO_BASE64_MAX = Math.ceil(complaintLimits.imageMaxBytes / 3) * 4;

/**
 * POST /api/orgs/:org/track/:code/info: text and/or photos (JPEG or PNG, base64) added to an open case.
 * An anonymous case needs its PIN again, in the body (never in a URL); one's own case needs none.
 */
export const trackInfoRequest = z
  .object({
    text: z
      .string({ error: 'กรุณาพิมพ์ข้อมูลเพิ่มเติม' })
      .trim()
      .max(INFO_TEXT_MAX, { error: 'ข้อมูลเพิ่มเติมยาวได้ไม่เกิน 2,000 ตัวอักษร' })
      .optional(),
    photos: z
      .array(z.string().min(1).max(PHOTO_BASE64_MAX, { error: 'รูปภาพใหญ่เกิน 10 MB' }))
      .max(INFO_PHOTOS_MAX, { error: `แนบรูปภาพได้ครั้งละไม่เกิน ${INFO_PHOTOS_MAX} รูป` })
      .optional(),
    pin: z.string().trim().min(1).max(20).optional(),
  })
  .refine((b) => Boolean(b.text) || (b.photos?.length ?? 0) > 0, {
    error: 'กรุณาพิมพ์ข้อมูลเพิ่มเติมหรือแนบรูปภาพ',
    path: ['text'],
  });
export type TrackInfoRequest = z.infer<typeof trackInfoRequest>;

/** GET /api/orgs/:org/track/my-data: what the organisation holds about the person (worker/cases/my-data.ts). */
export interface MyDataView {
  cases: {
    code: string;
    track: 'corruption' | 'grievance';
    finished: boolean;
    excerpt: string;
    place: string | null;
    phoneHeld: boolean;
    resultDueOn: string;
    eraseRequested: boolean;
  }[];
  draft: boolean;
}

/** POST /api/orgs/:org/track/my-data/erasure: erased now, erased when finished, the draft discarded. */
export interface ErasureDone {
  erased: string[];
  pending: { code: string; resultDueOn: string }[];
  draft: boolean;
}

/**
 * GET /api/orgs/:org/track/my-data/export: the file a resident keeps of what the organisation holds about
 * them (the view's data in full: every case filed under their name, what they wrote and sent later,
 * how they are reached, the dates). Never an anonymous case; never a staff member.
 */
export interface MyDataExport {
  organisation: string;
  /** When the file was made (ISO 8601) and the same day in Thai, Buddhist Era. */
  exportedAt: string;
  exportedOn: string;
  about: string;
  cases: {
    code: string;
    track: string;
    category: string;
    status: string;
    finished: boolean;
    filedOn: string;
    channel: string;
    description: string;
    place: string | null;
    placeAddress: string | null;
    coordinates: { latitude: number; longitude: number } | null;
    when: string | null;
    involved: string | null;
    /** How the organisation reaches them: this LINE account, and the name and phone they gave (from the vault). */
    contact: string;
    yourName: string | null;
    yourPhone: string | null;
    evidenceFiles: number;
    /** What they sent after filing (answers, additions), with the day. */
    addedLater: { on: string; text: string }[];
    rating: { score: number | null; comment: string | null } | null;
    resultDueOn: string;
    erasure: string | null;
  }[];
  draft: boolean;
  anonymousCases: string;
}
