import { z } from 'zod';

/**
 * The complaint contract shared by the chat flow and the LIFF form: tracks, identity choices, statuses,
 * the limits we state to people, and the validated submission. No drizzle, no worker code.
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

/** Deadlines the organisation commits to, in working days from receipt. */
export const complaintDeadlines = { acknowledgeDays: 2, resultDays: 15 } as const;

/**
 * A Thai phone number as digits ("0812345678"), from what people type ("081-234-5678", "+66 81 234
 * 5678"); null when it is not a Thai landline (9 digits) or mobile (10 digits) number.
 */
export function normalizeThaiPhone(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, '').replace(/^\+?66/, '0');
  return /^0\d{8,9}$/.test(digits) ? digits : null;
}

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
    z.object({ mode: z.literal('anonymous') }),
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
    submissionKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'รหัสการส่งเรื่องไม่ถูกต้อง' }),
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
  });
export type ComplaintSubmission = z.input<typeof complaintSubmission>;
export type ValidComplaintSubmission = z.output<typeof complaintSubmission>;

/** Field → first Thai error message, for a form (or a chat reply) to show next to each field. */
export function submissionErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    out[field] ??= issue.message;
  }
  return out;
}
