import { z } from 'zod';

/**
 * An organisation's days off as its admin page shows them (worker/http/routes/staff-days-off.ts): the
 * national calendar (loaded by the operator, read-only here) and the organisation's own special days.
 */
export interface DayOffView {
  id: number;
  /** "YYYY-MM-DD" (CE; shown in Buddhist Era). */
  date: string;
  name: string;
  kind: 'holiday' | 'special' | 'substitution';
  /** The organisation's own day (its admin may remove it); false for a national one. */
  own: boolean;
}

export const dayOffLimits = { nameMax: 100, aheadDays: 730 } as const;

const isCalendarDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** An admin adds a day the office is closed (a local festival, a day the Cabinet announced late). */
export const dayOffCreateBody = z.object({
  date: z
    .string({ error: 'กรุณาเลือกวันที่' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'วันที่ไม่ถูกต้อง' })
    .refine(isCalendarDate, { error: 'วันที่ไม่ถูกต้อง' }),
  name: z
    .string({ error: 'กรุณาระบุชื่อวันหยุด' })
    .trim()
    .min(1, { error: 'กรุณาระบุชื่อวันหยุด' })
    .max(dayOffLimits.nameMax, { error: `ชื่อวันหยุดยาวได้ไม่เกิน ${dayOffLimits.nameMax} ตัวอักษร` })
    .refine((s) => !/[\r\n\t]/.test(s), { error: 'ชื่อวันหยุดต้องอยู่ในบรรทัดเดียว' }),
});
export type DayOffCreateBody = z.infer<typeof dayOffCreateBody>;
