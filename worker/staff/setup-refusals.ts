import { adminLimits } from '../../schema/contracts/staff-admin-rules';
import { AppError, type ErrorCode } from '../errors';

/**
 * Why an admin's change to the setup (units, categories, officers' units) was refused, with the Thai
 * message the admin reads. The data functions return these; the routes turn them into AppErrors.
 */
const refusals = {
  unit_not_found: ['not_found', 'ไม่พบหน่วยงาน'],
  category_not_found: ['not_found', 'ไม่พบหมวดเรื่อง'],
  member_not_found: ['not_found', 'ไม่พบเจ้าหน้าที่'],
  duplicate_unit_name: ['conflict', 'มีหน่วยงานชื่อนี้แล้ว'],
  duplicate_unit_code: ['conflict', 'มีหน่วยงานที่ใช้รหัสนี้แล้ว'],
  duplicate_category_name: ['conflict', 'ประเภทเรื่องนี้มีหมวดชื่อนี้แล้ว'],
  duplicate_category_code: ['conflict', 'มีหมวดที่ใช้รหัสนี้แล้ว'],
  corruption_needs_integrity_unit: [
    'validation_failed',
    'หมวดเรื่องร้องเรียนการทุจริตส่งได้เฉพาะหน่วยงานป้องกันการทุจริต หรือไม่ระบุหน่วยงาน',
  ],
  grievance_to_integrity_unit: [
    'validation_failed',
    'หน่วยงานป้องกันการทุจริตรับเฉพาะเรื่องร้องเรียนการทุจริต กรุณาเลือกหน่วยงานอื่น',
  ],
  unit_has_corruption_categories: [
    'conflict',
    'ยังมีหมวดเรื่องร้องเรียนการทุจริตที่ส่งถึงหน่วยงานนี้ กรุณาเปลี่ยนหน่วยงานของหมวดเหล่านั้นก่อน',
  ],
  unit_has_grievance_setup: [
    'conflict',
    'หน่วยงานนี้ยังมีหมวดเรื่องร้องทุกข์หรือเจ้าหน้าที่รับเรื่องอยู่ จึงตั้งเป็นหน่วยงานป้องกันการทุจริตไม่ได้',
  ],
  last_active_category: ['conflict', 'ต้องเปิดใช้อย่างน้อยหนึ่งหมวดในแต่ละประเภทเรื่อง จึงปิดหมวดสุดท้ายไม่ได้'],
  too_many_active_categories: [
    'conflict',
    `เปิดใช้ได้ไม่เกิน ${adminLimits.activeCategoriesMax} หมวดต่อประเภทเรื่อง เพราะปุ่มในแชต LINE มีจำกัด กรุณาปิดหมวดอื่นก่อน`,
  ],
  not_officer: ['validation_failed', 'กำหนดหน่วยงานได้เฉพาะผู้ที่มีบทบาทเจ้าหน้าที่รับเรื่อง'],
  integrity_unit_for_officer: [
    'validation_failed',
    'หน่วยงานป้องกันการทุจริตไม่ใช่หน่วยงานของเจ้าหน้าที่รับเรื่อง (เรื่องทุจริตเป็นหน้าที่ของเจ้าหน้าที่ป้องกันการทุจริต)',
  ],
  day_off_past: ['validation_failed', 'วันที่นี้ผ่านไปแล้ว เพิ่มได้เฉพาะวันหยุดตั้งแต่วันนี้เป็นต้นไป'],
  day_off_too_far: ['validation_failed', 'เพิ่มวันหยุดล่วงหน้าได้ไม่เกิน 2 ปี'],
  day_off_weekend: ['validation_failed', 'วันเสาร์และวันอาทิตย์เป็นวันหยุดอยู่แล้ว'],
  day_off_exists: ['conflict', 'วันนี้เป็นวันหยุดอยู่แล้ว'],
  day_off_not_found: [
    'not_found',
    'ไม่พบวันหยุดนี้ (ลบได้เฉพาะวันหยุดของหน่วยงานที่ยังไม่ถึง วันหยุดราชการทั่วประเทศผู้ดูแลระบบกลางเป็นผู้แก้ไข)',
  ],
  changed_meanwhile: ['conflict', 'ข้อมูลเพิ่งถูกแก้ไขโดยผู้อื่น กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง'],
} as const satisfies Record<string, readonly [ErrorCode, string]>;

export type SetupProblem = keyof typeof refusals;

/** The outcome of a setup change: the new state, or why nothing changed. */
export type SetupResult<T> = { ok: true; value: T } | { ok: false; problem: SetupProblem };

/** The AppError of a refused setup change. */
export function setupRefusal(problem: SetupProblem): AppError {
  const [code, message] = refusals[problem];
  return new AppError(code, message);
}

/** The value of a setup change, or its refusal thrown. */
export function valueOrRefuse<T>(result: SetupResult<T>): T {
  if (!result.ok) throw setupRefusal(result.problem);
  return result.value;
}
