import type { ComplaintStatus } from './complaint-rules';

/**
 * Staff of an organisation: roles, notification policies, case outcomes and outside bodies, with the
 * Thai words staff read. Shared by the worker and the staff LIFF; no drizzle, no worker code.
 */

/**
 * admin: staff, units, categories, the staff group; officer: general grievances of their units;
 * integrity: the corruption track; executive: reads everything except identities, receives escalations,
 * overdue summaries and reports, and can instruct the handler of a case.
 */
export const staffRoles = ['admin', 'officer', 'integrity', 'executive'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const roleNames: Record<StaffRole, string> = {
  admin: 'ผู้ดูแลระบบ',
  officer: 'เจ้าหน้าที่รับเรื่อง',
  integrity: 'เจ้าหน้าที่ป้องกันการทุจริต',
  executive: 'ผู้บริหาร',
};

/** Words an admin may type for a role ("เชิญเจ้าหน้าที่ ผู้บริหาร"); the first is what buttons send. */
export const roleWords: Record<StaffRole, string[]> = {
  admin: ['ผู้ดูแลระบบ', 'ผู้ดูแล', 'แอดมิน', 'admin'],
  officer: ['เจ้าหน้าที่รับเรื่อง', 'เจ้าหน้าที่', 'officer'],
  integrity: ['เจ้าหน้าที่ป้องกันการทุจริต', 'ป้องกันการทุจริต', 'ทุจริต', 'integrity'],
  executive: ['ผู้บริหาร', 'executive'],
};

/** How a new general grievance reaches staff. Corruption reports always go 1:1 to integrity officers. */
export const notifyPolicies = ['group', 'unit_officers', 'digest'] as const;
export type NotifyPolicy = (typeof notifyPolicies)[number];

export const policyNames: Record<NotifyPolicy, string> = {
  group: 'แจ้งในกลุ่มเจ้าหน้าที่ทันที',
  unit_officers: 'แจ้งเจ้าหน้าที่ของหน่วยงานทันที',
  digest: 'สรุปรวมตามเวลาที่ตั้งไว้',
};

/** How often staff are reminded of late cases (executives: weekly at most). */
export const reminderPolicies = ['daily', 'weekly', 'off'] as const;
export type ReminderPolicy = (typeof reminderPolicies)[number];

export const reminderPolicyNames: Record<ReminderPolicy, string> = {
  daily: 'เตือนผู้รับผิดชอบทุกวันทำการ และสรุปให้ผู้บริหารทุกสัปดาห์',
  weekly: 'เตือนและสรุปสัปดาห์ละครั้ง',
  off: 'ไม่แจ้งเตือน',
};

/** How a case ends; each maps to a final status (see worker/cases/case-machine.ts). */
export const caseOutcomes = [
  'resolved',
  'not_substantiated',
  'referred',
  'duplicate',
  'outside_authority',
] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

export const outcomeNames: Record<CaseOutcome, string> = {
  resolved: 'แก้ไขแล้ว',
  not_substantiated: 'ไม่มีมูล',
  referred: 'ส่งต่อหน่วยงานอื่นแล้ว',
  duplicate: 'ซ้ำกับเรื่องเดิม',
  outside_authority: 'นอกอำนาจหน้าที่',
};

/**
 * Bodies a case can be forwarded to, outside the organisation. The district chief (นายอำเภอ) and the
 * provincial governor (ผู้ว่าราชการจังหวัด) supervise local executives under the local-administration acts:
 * where a tip is about the executive or the clerk, they, the NACC, PACC and Damrongdhama are the way out.
 */
export const outsideBodies = ['nacc', 'pacc', 'damrongdhama', 'district', 'province', 'other'] as const;
export type OutsideBody = (typeof outsideBodies)[number];

export const outsideBodyNames: Record<OutsideBody, string> = {
  nacc: 'สำนักงาน ป.ป.ช.',
  pacc: 'สำนักงาน ป.ป.ท.',
  damrongdhama: 'ศูนย์ดำรงธรรม',
  district: 'นายอำเภอ',
  province: 'ผู้ว่าราชการจังหวัด',
  other: 'หน่วยงานอื่น',
};

/** What staff (and, for info_received, the complainant) can do to a case. */
export const caseActions = [
  'accept',
  'assign',
  'ask_info',
  'info_received',
  'update',
  'forward',
  'close',
  'reopen',
  'escalate',
  'instruct',
] as const;
export type CaseAction = (typeof caseActions)[number];

/** Status names as staff read them. */
export const statusNames: Record<ComplaintStatus, string> = {
  received: 'เรื่องใหม่ รอรับเรื่อง',
  accepted: 'รับเรื่องแล้ว',
  forwarded: 'ส่งต่อหน่วยงานภายนอก',
  in_progress: 'กำลังดำเนินการ',
  awaiting_info: 'รอข้อมูลจากผู้ร้องเรียน',
  resolved: 'แก้ไขแล้ว',
  rejected: 'ยุติเรื่อง',
  closed: 'ยุติเรื่อง',
};

/** Statuses in which a case is finished (reopen brings it back). */
export const finalStatuses: readonly ComplaintStatus[] = ['resolved', 'rejected', 'closed'];

/** Limits of what staff type. */
export const staffLimits = { messageMax: 1000, summaryMax: 2000, referenceMax: 100, agencyMax: 200 } as const;
