import { z } from 'zod';
import {
  complaintLimits,
  complaintTracks,
  involvedRoles,
  normalizeThaiPhone,
  submissionKeyPattern,
} from './complaint-rules';
import { type FieldErrors, fieldErrorsOf } from './error';

/**
 * The complaint contract shared by the chat flow and the LIFF form: the validated submission and its
 * per-field Thai messages. No drizzle, no worker code. The plain rules (tracks, limits, deadlines) live
 * in ./complaint-rules.ts, which the LIFF bundle imports without pulling in zod.
 */

export {
  type ComplaintStatus,
  type ComplaintTrack,
  complaintDeadlines,
  complaintLimits,
  complaintStatuses,
  complaintTracks,
  type IdentityMode,
  identityModes,
  type InvolvedRole,
  involvedRoleNames,
  involvedRoles,
  normalizeThaiPhone,
  trackNames,
} from './complaint-rules';

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { error: message })
    .optional()
    .transform((v) => (v ? v : undefined));

const phone = z.string({ error: 'กรุณาระบุเบอร์โทรศัพท์' }).transform((v, ctx) => {
  const normalized = normalizeThaiPhone(v);
  if (!normalized) ctx.addIssue({ code: 'custom', message: 'เบอร์โทรศัพท์ไม่ถูกต้อง เช่น 0812345678' });
  return normalized ?? v;
});

export const complaintIdentity = z.discriminatedUnion(
  'mode',
  [
    z.object({
      mode: z.literal('anonymous'),
      // false: no LINE identity is kept at all; the case is followed by code + PIN only (docs/privacy.md).
      reachInLine: z.boolean({ error: 'กรุณาเลือกว่าจะรับข้อความทาง LINE หรือไม่' }).default(true),
    }),
    z.object({
      mode: z.literal('confidential'),
      name: z
        .string({ error: 'กรุณาระบุชื่อ-นามสกุล' })
        .trim()
        .min(complaintLimits.nameMin, { error: 'กรุณาระบุชื่อ-นามสกุล' })
        .max(complaintLimits.nameMax, { error: `ชื่อยาวได้ไม่เกิน ${complaintLimits.nameMax} ตัวอักษร` }),
      phone,
    }),
    z.object({ mode: z.literal('identified'), phone: phone.optional() }),
  ],
  { error: 'กรุณาเลือกการเปิดเผยตัวตน' },
);
export type ComplaintIdentity = z.infer<typeof complaintIdentity>;

/** What a person submits (chat or LIFF form); the reporter's LINE identity comes from the channel. */
export const complaintSubmission = z
  .object({
    /** Idempotency key: the chat draft's id, or a random id the LIFF form makes once per form. */
    submissionKey: z.string().regex(submissionKeyPattern, { error: 'รหัสการส่งเรื่องไม่ถูกต้อง' }),
    track: z.enum(complaintTracks, { error: 'กรุณาเลือกประเภทเรื่อง' }),
    categoryCode: z.string({ error: 'กรุณาเลือกหมวดของเรื่อง' }).min(1, { error: 'กรุณาเลือกหมวดของเรื่อง' }),
    description: z
      .string({ error: 'กรุณาเล่าเหตุการณ์ที่เกิดขึ้น' })
      .trim()
      .min(complaintLimits.descriptionMin, {
        error: `กรุณาเล่าเหตุการณ์อย่างน้อย ${complaintLimits.descriptionMin} ตัวอักษร`,
      })
      .max(complaintLimits.descriptionMax, {
        error: `รายละเอียดยาวได้ไม่เกิน ${complaintLimits.descriptionMax.toLocaleString('en-US')} ตัวอักษร`,
      }),
    place: z
      .object({
        text: optionalText(complaintLimits.placeMax, `สถานที่ยาวได้ไม่เกิน ${complaintLimits.placeMax} ตัวอักษร`),
        address: optionalText(complaintLimits.placeMax, 'ที่อยู่ยาวเกินไป'),
        latitude: z.number().min(-90).max(90).optional(),
        longitude: z.number().min(-180).max(180).optional(),
      })
      .optional(),
    occurred: z
      .object({
        date: z.iso.date({ error: 'วันที่ไม่ถูกต้อง' }).optional(),
        text: optionalText(
          complaintLimits.occurredMax,
          `ช่วงเวลายาวได้ไม่เกิน ${complaintLimits.occurredMax} ตัวอักษร`,
        ),
      })
      .optional(),
    involved: optionalText(
      complaintLimits.involvedMax,
      `ข้อมูลผู้เกี่ยวข้องยาวได้ไม่เกิน ${complaintLimits.involvedMax} ตัวอักษร`,
    ),
    /** Who the tip is about, by role (corruption track only); `unit_staff` may name the unit. */
    involvedRole: z.enum(involvedRoles, { error: 'กรุณาเลือกผู้ที่เกี่ยวข้องจากรายการ' }).optional(),
    involvedUnitId: z.number({ error: 'กรุณาเลือกกอง/ฝ่าย' }).int().positive().optional(),
    /** A retaliation report: the tracking code of the earlier case it follows (the check-in's button). */
    relatedCode: z
      .string()
      .regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
      .optional(),
    identity: complaintIdentity,
    consent: z.literal(true, { error: 'ต้องยินยอมตามประกาศความเป็นส่วนตัวก่อนส่งเรื่อง' }),
  })
  .superRefine((value, ctx) => {
    const corruption = value.track === 'corruption';
    if (corruption && value.identity.mode === 'identified') {
      ctx.addIssue({ code: 'custom', path: ['identity'], message: 'กรุณาเลือกการเปิดเผยตัวตน' });
    }
    if (!corruption && value.identity.mode !== 'identified') {
      ctx.addIssue({ code: 'custom', path: ['identity'], message: 'เรื่องร้องทุกข์ทั่วไปไม่มีตัวเลือกนี้' });
    }
    if (!corruption && value.involved) {
      ctx.addIssue({ code: 'custom', path: ['involved'], message: 'เรื่องร้องทุกข์ทั่วไปไม่มีช่องนี้' });
    }
    if (!corruption && value.involvedRole) {
      ctx.addIssue({ code: 'custom', path: ['involvedRole'], message: 'เรื่องร้องทุกข์ทั่วไปไม่มีช่องนี้' });
    }
    if (value.involvedUnitId !== undefined && value.involvedRole !== 'unit_staff') {
      ctx.addIssue({
        code: 'custom',
        path: ['involvedUnitId'],
        message: 'ระบุกอง/ฝ่ายได้เฉพาะเมื่อผู้เกี่ยวข้องเป็นเจ้าหน้าที่ในกอง/ฝ่าย',
      });
    }
  });
export type ComplaintSubmission = z.input<typeof complaintSubmission>;
export type ValidComplaintSubmission = z.output<typeof complaintSubmission>;

/** Field → first Thai error message, for a form (or a chat reply) to show next to each field. */
export function submissionErrors(error: z.ZodError): FieldErrors {
  return fieldErrorsOf(error.issues);
}
