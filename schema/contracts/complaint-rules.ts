/**
 * The plain complaint rules shared by the worker, the chat flow and the LIFF form: tracks, identity
 * choices, statuses, the limits we state to people, the deadlines. No zod here: the LIFF bundle imports
 * this file, and the validated submission (./complaint.ts) pulls in full zod.
 */

export const complaintTracks = ['corruption', 'grievance'] as const;
export type ComplaintTrack = (typeof complaintTracks)[number];

/** Thai names of the tracks: `short` fits a button (≤ 20 characters), `full` is the formal name. */
export const trackNames: Record<ComplaintTrack, { short: string; full: string }> = {
  corruption: { short: 'ร้องเรียนการทุจริต', full: 'ร้องเรียนการทุจริตและประพฤติมิชอบ' },
  grievance: { short: 'ร้องทุกข์ทั่วไป', full: 'ร้องทุกข์ทั่วไป' },
};

/**
 * anonymous: no name or contact kept (corruption track); confidential: name and phone sealed, readable
 * only by integrity officers (corruption track); identified: the general track, LINE identity kept.
 */
export const identityModes = ['anonymous', 'confidential', 'identified'] as const;
export type IdentityMode = (typeof identityModes)[number];

/** Lifecycle of a complaint; only `received` is set by intake, the rest belong to staff handling. */
export const complaintStatuses = [
  'received',
  'accepted',
  'forwarded',
  'in_progress',
  'awaiting_info',
  'resolved',
  'rejected',
  'closed',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/**
 * Who a corruption tip is about, by role (optional): the executive (นายก/รองนายก), the clerk or deputy
 * (ปลัด/รองปลัด), a council member, a staff member of a named unit, a contractor, someone else. It
 * decides who must not see the case (worker/cases/involvement-policy.ts, docs/staff.md).
 */
export const involvedRoles = ['executive', 'clerk', 'council', 'unit_staff', 'contractor', 'other'] as const;
export type InvolvedRole = (typeof involvedRoles)[number];

/** Thai names of the involved roles, each short enough for a quick-reply chip (≤ 20 characters). */
export const involvedRoleNames: Record<InvolvedRole, string> = {
  executive: 'นายก/รองนายก',
  clerk: 'ปลัด/รองปลัด',
  council: 'สมาชิกสภาท้องถิ่น',
  unit_staff: 'เจ้าหน้าที่กอง/ฝ่าย',
  contractor: 'ผู้รับเหมา/คู่สัญญา',
  other: 'บุคคลอื่น',
};

/** The limits we state to people and enforce (text lengths in UTF-16 units, as LINE counts them). */
export const complaintLimits = {
  descriptionMin: 10,
  descriptionMax: 2000,
  placeMax: 300,
  occurredMax: 200,
  involvedMax: 500,
  nameMin: 2,
  nameMax: 100,
  attachmentsMax: 5,
  imageMaxBytes: 10 * 1024 * 1024,
  fileMaxBytes: 20 * 1024 * 1024,
} as const;

/** Idempotency keys of submissions: a chat draft's id, or the random id a LIFF form makes once. */
export const submissionKeyPattern = /^[A-Za-z0-9_-]{16,64}$/;

/** Deadlines the organisation commits to, in working days from receipt. */
export const complaintDeadlines = { forwardDays: 1, acknowledgeDays: 2, resultDays: 15 } as const;

/**
 * A Thai phone number as digits ("0812345678"), from what people type ("081-234-5678", "+66 81 234
 * 5678"); null when it is not a Thai landline (9 digits) or mobile (10 digits) number.
 */
export function normalizeThaiPhone(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, '').replace(/^\+?66/, '0');
  return /^0\d{8,9}$/.test(digits) ? digits : null;
}

/** Evidence content types the form accepts (checked again on the server from the bytes). */
export const evidenceContentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;

/**
 * Days after a case is finished until its personal data is erased, by track, when the organisation has
 * not chosen otherwise (worker/cases/retention-policy.ts, docs/privacy.md "Retention"). A grievance is
 * done with once fixed and rated; a tip may lead to proceedings that take years.
 */
export const retentionDefaults: Record<ComplaintTrack, number> = { grievance: 365, corruption: 1825 };

/** What an organisation may choose as its retention period, in days, for either track. */
export const retentionLimits = { min: 90, max: 3650 } as const;

/** Days after a tip is finished until its reporter is checked on: the default and the range (0 = never). */
export const checkinDefaults = { days: 28, min: 7, max: 180 } as const;
