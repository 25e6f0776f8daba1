import type { InvolvedRole } from '../../schema/contracts/complaint-rules';

/**
 * The plain line integrity officers read on the case card and its new-case notice: who is involved and
 * who therefore will not see it. Null when the involvement keeps nobody out.
 */
export function involvementWarning(role: InvolvedRole | null, unitName: string | null): string | null {
  if (role === 'executive')
    return 'เรื่องนี้เกี่ยวข้องกับผู้บริหาร (นายก/รองนายก) ผู้บริหารจะไม่เห็นเรื่องนี้และเสนอผู้บริหารไม่ได้ หากต้องส่งต่อ ให้ส่งหน่วยงานที่กำกับดูแลภายนอก เช่น นายอำเภอ ผู้ว่าราชการจังหวัด ป.ป.ช. ป.ป.ท. (1206) หรือศูนย์ดำรงธรรม (1567)';
  if (role === 'clerk')
    return 'เรื่องนี้เกี่ยวข้องกับปลัด/รองปลัด ผู้บริหารทุกคนในระบบ (รวมถึงปลัดที่ลงทะเบียนเป็นผู้บริหาร) จะไม่เห็นเรื่องนี้และเสนอผู้บริหารไม่ได้ หากต้องส่งต่อ ให้ส่งหน่วยงานที่กำกับดูแลภายนอก เช่น นายอำเภอ ผู้ว่าราชการจังหวัด ป.ป.ช. ป.ป.ท. (1206) หรือศูนย์ดำรงธรรม (1567)';
  if (role === 'unit_staff' && unitName)
    return `เรื่องนี้เกี่ยวข้องกับเจ้าหน้าที่ของ${unitName} เจ้าหน้าที่ของหน่วยงานนี้จะไม่เห็นเรื่องนี้`;
  return null;
}
