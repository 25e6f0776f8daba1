import { bangkokDate } from '../../../lib/thai-date';
import type { ComplaintStatus } from '../../../schema/contracts/complaint-rules';
import { finalStatuses } from '../../../schema/contracts/staff';
import type { CaseDeadline, TimelineEntry } from '../../../schema/contracts/tracking';
import { complainantMessageActions } from '../complainant-messages';

/**
 * The complainant's view of a case's events (complaint_events), pure. Built from a whitelist: an action
 * not listed here (escalations, executives' instructions, audit rows, anything added later) is not shown.
 * No entry names a staff member: assignment notes ("มอบหมายให้ <name>") are never copied, and the notes
 * that are copied are the very texts the organisation sent the complainant (question, update, referral,
 * result). The complainant's own answers are shown as a step, without their text.
 */
export interface CaseEventRow {
  at: number;
  action: string;
  from_status: ComplaintStatus | null;
  to_status: ComplaintStatus | null;
  note: string | null;
  /** For a `closed` event: the id of the after photo sent with it, if any. */
  photo?: string | null;
}

/** Signed links to after photos, by file id (a photo without one is not shown). */
export type PhotoLinks = ReadonlyMap<string, string>;

type Describe = (e: CaseEventRow) => { title: string; detail: string | null } | null;

const described: Record<string, Describe> = {
  submitted: () => ({ title: 'ได้รับเรื่องของท่านแล้ว', detail: null }),
  // Routed to a unit (to_status 'received'); a staff assignment is internal and not shown.
  assigned: (e) =>
    e.to_status === 'received' ? { title: 'ส่งเรื่องถึงหน่วยงานที่รับผิดชอบแล้ว', detail: null } : null,
  accepted: () => ({ title: 'เจ้าหน้าที่รับเรื่องไว้ดำเนินการ', detail: null }),
  info_requested: (e) => ({ title: 'ขอข้อมูลเพิ่มเติมจากท่าน', detail: e.note }),
  info_received: () => ({ title: 'ท่านส่งข้อมูลเพิ่มเติมแล้ว', detail: null }),
  evidence_added: () => ({ title: 'ท่านส่งไฟล์หลักฐานเพิ่มเติมแล้ว', detail: null }),
  // Like an answer, without its text: someone else holding code and PIN may read this page.
  info_added: () => ({ title: 'ท่านส่งข้อมูลเพิ่มเติม', detail: null }),
  progress_update: (e) => ({ title: 'ความคืบหน้า', detail: e.note }),
  forwarded: (e) => ({ title: 'ส่งเรื่องต่อไปยังหน่วยงานภายนอก', detail: e.note }),
  closed: (e) => ({ title: 'แจ้งผลการดำเนินการ', detail: e.note }),
  reopened: () => ({ title: 'เปิดเรื่องเพื่อดำเนินการอีกครั้ง', detail: null }),
};

/** The timeline, oldest first; a result with an after photo carries its link from `photos`. */
export function caseTimeline(events: CaseEventRow[], photos: PhotoLinks = new Map()): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const e of events) {
    const shown = described[e.action]?.(e);
    const photoUrl = e.action === 'closed' && e.photo ? photos.get(e.photo) : undefined;
    if (shown) out.push({ at: e.at, ...shown, ...(photoUrl ? { photoUrl } : {}) });
  }
  return out;
}

/** The organisation's latest message to the complainant, as a timeline entry. */
export function lastMessage(events: CaseEventRow[], photos: PhotoLinks = new Map()): TimelineEntry | null {
  const latest = [...events].reverse().find((e) => complainantMessageActions.has(e.action));
  return latest ? (caseTimeline([latest], photos)[0] ?? null) : null;
}

/**
 * The two dates the receipt committed to and whether each was kept: acknowledging (the first step out
 * of 'received') and the result (the closing that stands, if the case is closed now).
 */
export function caseDeadlines(
  c: { status: ComplaintStatus; acknowledgeDueOn: string; resultDueOn: string },
  events: CaseEventRow[],
  now: number,
): CaseDeadline[] {
  const acknowledged = events.find((e) => e.from_status === 'received' && e.to_status !== 'received');
  const closedNow = finalStatuses.includes(c.status);
  const closing = closedNow
    ? [...events].reverse().find((e) => e.to_status && finalStatuses.includes(e.to_status))
    : undefined;
  const today = bangkokDate(now);
  const state = (dueOn: string, doneAt: number | undefined) => {
    const doneOn = doneAt === undefined ? null : bangkokDate(doneAt);
    const kept = doneOn === null ? today <= dueOn : doneOn <= dueOn;
    const s: CaseDeadline['state'] =
      doneOn === null ? (kept ? 'pending' : 'overdue') : kept ? 'met' : 'missed';
    return { dueOn, doneOn, state: s };
  };
  return [
    { kind: 'acknowledge', label: 'ตอบรับเรื่อง', ...state(c.acknowledgeDueOn, acknowledged?.at) },
    { kind: 'result', label: 'แจ้งผลการดำเนินการ', ...state(c.resultDueOn, closing?.at) },
  ];
}

/** The next date still owed, while the case is open. */
export function nextDue(deadlines: CaseDeadline[]): CaseDeadline | null {
  return deadlines.find((d) => d.state === 'pending' || d.state === 'overdue') ?? null;
}
