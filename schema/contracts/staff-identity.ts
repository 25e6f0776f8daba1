import { z } from 'zod';

/**
 * The integrity officers' deliberate, audited view of a confidential corruption reporter's contact
 * (worker/http/routes/staff-identity.ts, liff/src/staff/reporter-contact.ts). No drizzle, no worker code.
 */

export const reporterContactLimits = { reasonMin: 5, reasonMax: 200 } as const;

const missing = 'กรุณาระบุเหตุผลที่ต้องการดูข้อมูลผู้ร้องเรียน';

/** Why the officer needs the contact: kept in the audit log that admins read. */
export const reporterContactBody = z.object(
  {
    reason: z
      .string({ error: missing })
      .trim()
      .min(reporterContactLimits.reasonMin, {
        error: `กรุณาระบุเหตุผลอย่างน้อย ${reporterContactLimits.reasonMin} ตัวอักษร`,
      })
      .max(reporterContactLimits.reasonMax, {
        error: `เหตุผลยาวได้ไม่เกิน ${reporterContactLimits.reasonMax} ตัวอักษร`,
      }),
  },
  { error: missing },
);
export type ReporterContactBody = z.infer<typeof reporterContactBody>;

/** What the reporter gave for contact: never their LINE identity. */
export interface ReporterContact {
  name: string;
  phone: string;
}

/** A general grievance's call-back phone, for the staff who handle it (audited, never cached). */
export interface CallbackPhone {
  phone: string;
}
