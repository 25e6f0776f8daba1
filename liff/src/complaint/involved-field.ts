import { complaintLimits, involvedRoleNames, involvedRoles } from '../../../schema/contracts/complaint-rules';
import { h } from '../dom';
import { errorLine, textField } from './fields';

/**
 * Who the tip is about (corruption track): a role (it decides who must not see the tip), for staff of a
 * unit which unit, and the optional free text. Read with FormData as `involvedRole`, `involvedUnitId`,
 * `involved`.
 */
export function involvedField(units: { id: number; name: string }[]): HTMLElement {
  const role = h(
    'select',
    { id: 'f-involved-role', name: 'involvedRole' },
    h('option', { value: '' }, 'ไม่ทราบ / ไม่ระบุ'),
    ...involvedRoles.map((r) => h('option', { value: r }, involvedRoleNames[r])),
  );
  const unit = h(
    'select',
    { id: 'f-involved-unit', name: 'involvedUnitId' },
    h('option', { value: '' }, 'ไม่ทราบกอง/ฝ่าย'),
    ...units.map((u) => h('option', { value: String(u.id) }, u.name)),
  );
  const unitBox = h(
    'div',
    { class: 'form-field', hidden: true },
    h('label', { for: 'f-involved-unit' }, 'กอง/ฝ่ายของผู้ถูกร้องเรียน'),
    unit,
    errorLine('involvedUnitId'),
  );
  // Only staff of a unit name a unit; anything else clears it, so it is never sent by mistake.
  role.addEventListener('change', () => {
    unitBox.hidden = role.value !== 'unit_staff';
    if (unitBox.hidden) unit.value = '';
  });
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'form-field' },
      h('label', { for: 'f-involved-role' }, 'ผู้ที่เกี่ยวข้อง (ไม่บังคับ)'),
      h('p', { class: 'hint' }, 'ผู้ที่ถูกร้องเรียนและผู้ที่เกี่ยวข้องจะไม่เห็นเรื่องของท่าน'),
      role,
      errorLine('involvedRole'),
    ),
    unitBox,
    textField({
      name: 'involved',
      field: 'involved',
      label: 'ชื่อ ตำแหน่ง หรือหน่วยงานของผู้เกี่ยวข้อง (ถ้าทราบ)',
      max: complaintLimits.involvedMax,
    }),
  );
}
