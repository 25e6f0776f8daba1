import { h } from '../dom';
import { type AdminSetup, checkField, sectionMessage, setupForm, textField } from './admin-setup';
import type { Unit } from './staff-api';

const INTEGRITY = 'รับเรื่องร้องเรียนการทุจริต';

function unitItem(s: AdminSetup, unit: Unit, run: ReturnType<typeof sectionMessage>['run']): HTMLElement {
  const name = textField('ชื่อหน่วยงาน', 'unit-name', unit.name);
  const handles = checkField(INTEGRITY, 'handles-integrity', unit.handlesIntegrity);
  const form = setupForm(
    () =>
      run(
        () => s.api.updateUnit(unit.id, { name: name.input.value, handlesIntegrity: handles.input.checked }),
        `บันทึกหน่วยงาน "${name.input.value.trim()}" แล้ว`,
      ),
    name.element,
    handles.element,
    h('button', { type: 'submit', class: 'button secondary' }, 'บันทึกหน่วยงาน'),
  );
  return h(
    'li',
    { 'data-unit': unit.code },
    h(
      'details',
      {},
      h(
        'summary',
        {},
        h('strong', {}, unit.name),
        unit.handlesIntegrity ? h('span', { class: 'badge' }, 'ป้องกันการทุจริต') : null,
        h('span', { class: 'muted' }, ` รหัส ${unit.code}`),
      ),
      form,
    ),
  );
}

/**
 * The units card: every unit (tap to rename it or change whether it handles corruption reports) and a
 * form to add one. Units are never deleted: cases, categories and officers point to them.
 */
export function unitsSection(s: AdminSetup): HTMLElement {
  const message = sectionMessage(s, 'units');
  const name = textField('ชื่อหน่วยงานใหม่', 'new-unit-name', '', 'เช่น กองยุทธศาสตร์และงบประมาณ');
  const code = textField('รหัส (ไม่บังคับ อักษรอังกฤษ)', 'new-unit-code', '', 'เช่น strategy');
  const handles = checkField(INTEGRITY, 'new-unit-handles', false);
  const add = setupForm(
    () =>
      message.run(
        () =>
          s.api.createUnit({
            name: name.input.value,
            code: code.input.value.trim() || undefined,
            handlesIntegrity: handles.input.checked,
          }),
        `เพิ่มหน่วยงาน "${name.input.value.trim()}" แล้ว`,
      ),
    h('h3', {}, 'เพิ่มหน่วยงาน'),
    name.element,
    code.element,
    handles.element,
    h('button', { type: 'submit', class: 'button' }, 'เพิ่มหน่วยงาน'),
  );
  return h(
    'section',
    { class: 'card', id: 'units' },
    h('h2', {}, `หน่วยงาน ${s.units.length} หน่วย`),
    h(
      'p',
      { class: 'muted' },
      'เรื่องร้องทุกข์ส่งถึงหน่วยงานตามหมวด หน่วยงานป้องกันการทุจริตรับเฉพาะหมวดเรื่องร้องเรียนการทุจริต',
    ),
    message.line,
    h(
      'ul',
      { class: 'setup-list' },
      s.units.map((u) => unitItem(s, u, message.run)),
    ),
    add,
  );
}
