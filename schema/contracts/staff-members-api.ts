import { z } from 'zod';
import type { CaseViewVia } from './audit';
import {
  type NotifyPolicy,
  notifyPolicies,
  type ReminderPolicy,
  reminderPolicies,
  type StaffRole,
  staffRoles,
} from './staff';

/**
 * The staff API's contract for who is signed in, the members, invites, settings and the audit log
 * (worker/http/routes/staff-members.ts, staff-settings.ts; liff/src/staff). The cases' contract is
 * ./staff-api.ts.
 */

export interface StaffMe {
  org: { slug: string; name: string };
  staff: { id: number; displayName: string; roles: StaffRole[]; unitIds: number[] };
}

export interface StaffMemberView {
  id: number;
  displayName: string;
  roles: StaffRole[];
  unitIds: number[];
}

export const inviteBody = z.object({
  role: z.enum(staffRoles),
  unitId: z.number().int().positive().optional(),
});

export interface InviteIssued {
  code: string;
  expiresAt: number;
  /** What the invitee sends to the organisation's LINE account. */
  command: string;
}

export const settingsBody = z
  .object({ policy: z.enum(notifyPolicies).optional(), reminderPolicy: z.enum(reminderPolicies).optional() })
  .refine((v) => v.policy !== undefined || v.reminderPolicy !== undefined, {
    error: 'กรุณาเลือกรูปแบบการแจ้งเตือน',
  });

export interface StaffSettingsView {
  policy: NotifyPolicy;
  reminderPolicy: ReminderPolicy;
  deskBound: boolean;
  digestTimes: string;
  /** Days after a case is finished until its personal data is erased, per track. */
  retention: { grievance: number; corruption: number };
  /** Days after a tip is finished until its reporter is asked whether they suffered for it (0: never). */
  checkinDays: number;
}

export interface AuditEntry {
  at: number;
  /** The case's code; null for a read of several cases (a list, the export). */
  code: string | null;
  staffName: string;
  /** reveal: the officer read a confidential reporter's name and phone. */
  via: CaseViewVia;
  /** How many corruption cases a list showed, or rows an export held. */
  items?: number;
  /** The officer's reason, on reveals only. */
  reason?: string;
}
