import { z } from 'zod';
import { checkinDefaults, type ComplaintTrack, complaintTracks, retentionLimits } from './complaint-rules';
import {
  adminLimits,
  codePattern,
  digestTimeList,
  graphemeLength,
  normalizeDigestTime,
  reservedCategoryNames,
} from './staff-admin-rules';

/**
 * The admin setup's contract (worker/http/routes/staff-units.ts, staff-categories.ts, the member-units and
 * digest-time routes; liff/src/staff/admin-*.ts imports the types only). No drizzle, no worker code.
 */

export interface UnitView {
  id: number;
  code: string;
  name: string;
  handlesIntegrity: boolean;
}

export interface AdminCategory {
  id: number;
  track: ComplaintTrack;
  code: string;
  name: string;
  description: string;
  unitId: number | null;
  sort: number;
  active: boolean;
}

const oneLine = (s: string) => !/[\r\n\t]/.test(s);

const unitName = z
  .string({ error: 'กรุณาตั้งชื่อหน่วยงาน' })
  .trim()
  .min(1, { error: 'กรุณาตั้งชื่อหน่วยงาน' })
  .max(adminLimits.unitNameMax, { error: `ชื่อหน่วยงานยาวได้ไม่เกิน ${adminLimits.unitNameMax} ตัวอักษร` })
  .refine(oneLine, { error: 'ชื่อหน่วยงานต้องอยู่ในบรรทัดเดียว' });

const code = (what: string) =>
  z
    .string({ error: `รหัส${what}ไม่ถูกต้อง` })
    .trim()
    .toLowerCase()
    .regex(codePattern, {
      error: `รหัส${what}ใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข - และ _ ยาว 2–32 ตัว และขึ้นต้นด้วยตัวอักษร`,
    });

const categoryName = z
  .string({ error: 'กรุณาตั้งชื่อหมวด' })
  .trim()
  .min(1, { error: 'กรุณาตั้งชื่อหมวด' })
  .refine((s) => graphemeLength(s) <= adminLimits.categoryNameMax, {
    error: `ชื่อหมวดยาวได้ไม่เกิน ${adminLimits.categoryNameMax} ตัวอักษร เพราะใช้เป็นปุ่มในแชต LINE`,
  })
  .refine(oneLine, { error: 'ชื่อหมวดต้องอยู่ในบรรทัดเดียว' })
  .refine((s) => !(reservedCategoryNames as readonly string[]).includes(s), {
    error: 'ชื่อนี้เป็นปุ่มที่ใช้ในแชตอยู่แล้ว กรุณาตั้งชื่ออื่น',
  });

const categoryDescription = z
  .string({ error: 'กรุณาอธิบายหมวดสั้น ๆ' })
  .trim()
  .min(1, { error: 'กรุณาอธิบายหมวดสั้น ๆ' })
  .max(adminLimits.categoryDescriptionMax, {
    error: `คำอธิบายหมวดยาวได้ไม่เกิน ${adminLimits.categoryDescriptionMax} ตัวอักษร`,
  })
  .refine(oneLine, { error: 'คำอธิบายหมวดต้องอยู่ในบรรทัดเดียว' });

const id = z.number({ error: 'ไม่พบหน่วยงาน' }).int().positive();
const nothingToChange = { error: 'ไม่มีข้อมูลที่จะแก้ไข' };
const notEmpty = (v: object) => Object.values(v).some((x) => x !== undefined);

/** A new unit; without a code one is made up ("unit-…"). */
export const unitCreateBody = z.object(
  {
    name: unitName,
    code: code('หน่วยงาน').optional(),
    handlesIntegrity: z.boolean().default(false),
  },
  { error: 'ข้อมูลหน่วยงานไม่ถูกต้อง' },
);
export type UnitCreateBody = z.input<typeof unitCreateBody>;

/** Rename a unit or change whether it handles corruption reports. The code never changes. */
export const unitUpdateBody = z
  .object({ name: unitName.optional(), handlesIntegrity: z.boolean().optional() }, nothingToChange)
  .refine(notEmpty, nothingToChange);
export type UnitUpdateBody = z.input<typeof unitUpdateBody>;

/** A new category at the end of its track, active; `unitId` null means "not routed to a unit". */
export const categoryCreateBody = z.object(
  {
    track: z.enum(complaintTracks, { error: 'กรุณาเลือกประเภทเรื่อง' }),
    name: categoryName,
    description: categoryDescription,
    unitId: id.nullable().default(null),
    code: code('หมวด').optional(),
  },
  { error: 'ข้อมูลหมวดไม่ถูกต้อง' },
);
export type CategoryCreateBody = z.input<typeof categoryCreateBody>;

/** Any of name, description, unit (null: none) and active; categories are never deleted. */
export const categoryUpdateBody = z
  .object(
    {
      name: categoryName.optional(),
      description: categoryDescription.optional(),
      unitId: id.nullable().optional(),
      active: z.boolean({ error: 'สถานะเปิดใช้ไม่ถูกต้อง' }).optional(),
    },
    nothingToChange,
  )
  .refine(notEmpty, nothingToChange);
export type CategoryUpdateBody = z.input<typeof categoryUpdateBody>;

/** One step up or down within the category's track. */
export const categoryMoveBody = z.object(
  { direction: z.enum(['up', 'down'], { error: 'กรุณาเลือกเลื่อนขึ้นหรือลง' }) },
  { error: 'กรุณาเลือกเลื่อนขึ้นหรือลง' },
);
export type CategoryMoveBody = z.input<typeof categoryMoveBody>;

/** The complete set of an officer's units (replaces the old set; empty is allowed). */
export const officerUnitsBody = z.object(
  {
    unitIds: z
      .array(id, { error: 'กรุณาเลือกหน่วยงาน' })
      .max(adminLimits.unitsPerOfficerMax, {
        error: `เลือกได้ไม่เกิน ${adminLimits.unitsPerOfficerMax} หน่วยงาน`,
      })
      .transform((ids) => [...new Set(ids)].sort((a, b) => a - b)),
  },
  { error: 'กรุณาเลือกหน่วยงาน' },
);
export type OfficerUnitsBody = z.input<typeof officerUnitsBody>;

const timesMessage = `ตั้งเวลาสรุปได้ 1–${adminLimits.digestTimesMax} เวลา`;

/** Bangkok times of the digest ("HH:MM"); stored unique and in order of the day. */
export const digestTimesBody = z.object(
  {
    times: z
      .array(
        z
          .string({ error: 'กรุณาระบุเวลาแบบ ชั่วโมง:นาที เช่น 08:30' })
          .refine((t) => normalizeDigestTime(t) !== null, { error: 'กรุณาระบุเวลาแบบ ชั่วโมง:นาที เช่น 08:30' }),
        { error: timesMessage },
      )
      .min(1, { error: timesMessage })
      .max(adminLimits.digestTimesMax, { error: timesMessage })
      .transform(digestTimeList),
  },
  { error: timesMessage },
);
export type DigestTimesBody = z.input<typeof digestTimesBody>;

const retentionMessage = `กำหนดได้ ${retentionLimits.min}–${retentionLimits.max.toLocaleString('en-US')} วัน`;
const retentionField = z
  .number({ error: retentionMessage })
  .int({ error: retentionMessage })
  .min(retentionLimits.min, { error: retentionMessage })
  .max(retentionLimits.max, { error: retentionMessage })
  .optional();

/** Days after a case is finished until its personal data is erased, per track (either or both). */
export const retentionBody = z
  .object({ grievance: retentionField, corruption: retentionField })
  .refine((b) => b.grievance !== undefined || b.corruption !== undefined, { error: retentionMessage });
export type RetentionBody = z.input<typeof retentionBody>;

const checkinMessage = `กำหนดได้ 0 (ไม่สอบถาม) หรือ ${checkinDefaults.min}–${checkinDefaults.max} วัน`;
/** Days after a tip is finished until its reporter is checked on: 0 turns it off. */
export const checkinBody = z.object({
  days: z
    .number({ error: checkinMessage })
    .int({ error: checkinMessage })
    .refine((d) => d === 0 || (d >= checkinDefaults.min && d <= checkinDefaults.max), {
      error: checkinMessage,
    }),
});
