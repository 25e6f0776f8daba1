import type { StaffMemberView } from '../../../schema/contracts/staff-members-api';
import { h } from '../dom';
import { type AdminSetup, checkField, sectionMessage, setupForm } from './admin-setup';

/**
 * For an officer in the staff list: tick the units whose grievances are theirs. Integrity units are not
 * offered (corruption reports belong to integrity officers, whatever their unit).
 */
export function officerUnitsEditor(s: AdminSetup, member: StaffMemberView): HTMLElement | null {
  if (!member.roles.includes('officer')) return null;
  const m = sectionMessage(s, `officer-${member.id}`);
  const boxes = s.units
    .filter((u) => !u.handlesIntegrity)
    .map((u) => ({ id: u.id, ...checkField(u.name, 'officer-unit', member.unitIds.includes(u.id)) }));
  const form = setupForm(
    () =>
      m.run(
        () =>
          s.api.setOfficerUnits(
            member.id,
            boxes.filter((b) => b.input.checked).map((b) => b.id),
          ),
        `บันทึกหน่วยงานของ ${member.displayName} แล้ว`,
      ),
    ...boxes.map((b) => b.element),
    h('button', { type: 'submit', class: 'button secondary' }, 'บันทึกหน่วยงาน'),
  );
  return h(
    'details',
    { class: 'officer-units', open: s.flash?.section === `officer-${member.id}` },
    h('summary', {}, 'หน่วยงานที่รับผิดชอบ'),
    form,
    m.line,
  );
}
