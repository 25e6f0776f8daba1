import { type ComplaintTrack, trackNames } from '../../../schema/contracts/complaint-rules';
import type { AdminCategory } from '../../../schema/contracts/staff-admin-api';
import { adminLimits, graphemeLength } from '../../../schema/contracts/staff-admin-rules';
import { h } from '../dom';
import { type AdminSetup, checkField, sectionMessage, setupForm, textField } from './admin-setup';
import type { Unit } from './staff-api';

type Message = ReturnType<typeof sectionMessage>;

/** Units a category of `track` may be routed to: integrity units for corruption, the others otherwise. */
const unitsFor = (units: Unit[], track: ComplaintTrack) =>
  units.filter((u) => u.handlesIntegrity === (track === 'corruption'));

function unitPicker(units: Unit[], track: ComplaintTrack, selected: number | null) {
  const select = h(
    'select',
    { name: 'category-unit' },
    h('option', { value: '', selected: selected === null }, 'ไม่ระบุหน่วยงาน'),
    unitsFor(units, track).map((u) => h('option', { value: u.id, selected: u.id === selected }, u.name)),
  );
  return {
    select,
    value: () => (select.value ? Number(select.value) : null),
    element: h('label', { class: 'field' }, h('span', {}, 'หน่วยงานที่รับเรื่อง'), select),
  };
}

/** The name as LINE will show it on a button, or the Thai reason it cannot be. */
function nameProblem(name: string): string | null {
  return graphemeLength(name.trim()) > adminLimits.categoryNameMax
    ? `ชื่อหมวดยาวได้ไม่เกิน ${adminLimits.categoryNameMax} ตัวอักษร เพราะใช้เป็นปุ่มในแชต LINE`
    : null;
}

function categoryItem(s: AdminSetup, k: AdminCategory, place: { first: boolean; last: boolean }, m: Message) {
  const unitName = s.units.find((u) => u.id === k.unitId)?.name ?? 'ไม่ระบุหน่วยงาน';
  const move = (direction: 'up' | 'down', label: string, text: string, disabled: boolean) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button secondary small',
        'aria-label': `${label} ${k.name}`,
        disabled,
        onclick: () => m.run(() => s.api.moveCategory(k.id, direction), `${label} "${k.name}" แล้ว`),
      },
      text,
    );
  const name = textField('ชื่อหมวด (ชื่อปุ่มในแชต)', 'category-name', k.name);
  const description = textField('คำอธิบาย', 'category-description', k.description);
  const unit = unitPicker(s.units, k.track, k.unitId);
  const active = checkField('เปิดให้ประชาชนเลือก', 'category-active', k.active);
  const form = setupForm(
    () => {
      const problem = nameProblem(name.input.value);
      if (problem) return m.say(problem);
      return m.run(
        () =>
          s.api.updateCategory(k.id, {
            name: name.input.value,
            description: description.input.value,
            unitId: unit.value(),
            active: active.input.checked,
          }),
        `บันทึกหมวด "${name.input.value.trim()}" แล้ว`,
      );
    },
    name.element,
    description.element,
    unit.element,
    active.element,
    h('button', { type: 'submit', class: 'button secondary' }, 'บันทึกหมวด'),
  );
  return h(
    'li',
    { 'data-category': k.code, class: k.active ? null : 'inactive' },
    h(
      'div',
      { class: 'setup-row' },
      h(
        'span',
        {},
        h('strong', {}, k.name),
        k.active ? null : h('span', { class: 'badge late' }, 'ปิดใช้'),
        h('span', { class: 'muted category-unit' }, ` → ${unitName}`),
      ),
      h(
        'span',
        { class: 'row-buttons' },
        move('up', 'เลื่อนขึ้น', '↑', place.first),
        move('down', 'เลื่อนลง', '↓', place.last),
      ),
    ),
    h('details', {}, h('summary', {}, 'แก้ไข'), form),
  );
}

/**
 * One track's categories, in the order residents see them: move up or down, edit (name, description,
 * unit, offered or not), and add one. Categories are switched off rather than deleted.
 */
export function categoriesSection(s: AdminSetup, track: ComplaintTrack, all: AdminCategory[]): HTMLElement {
  const m = sectionMessage(s, `categories-${track}`);
  const list = all.filter((k) => k.track === track);
  const offered = list.filter((k) => k.active).length;
  const name = textField('ชื่อหมวด (ชื่อปุ่มในแชต)', 'new-category-name');
  const description = textField('คำอธิบาย', 'new-category-description');
  const unit = unitPicker(s.units, track, null);
  const add = setupForm(
    () => {
      const problem = nameProblem(name.input.value);
      if (problem) return m.say(problem);
      return m.run(
        () =>
          s.api.createCategory({
            track,
            name: name.input.value,
            description: description.input.value,
            unitId: unit.value(),
          }),
        `เพิ่มหมวด "${name.input.value.trim()}" แล้ว`,
      );
    },
    name.element,
    description.element,
    unit.element,
    h('button', { type: 'submit', class: 'button' }, 'เพิ่มหมวด'),
  );
  return h(
    'section',
    { class: 'card', id: `categories-${track}`, 'data-track': track },
    h('h2', {}, `หมวด${trackNames[track].short}`),
    h(
      'p',
      { class: 'muted' },
      `เปิดให้เลือก ${offered} จาก ${adminLimits.activeCategoriesMax} หมวด (ปุ่มในแชต LINE มีจำกัด) ลำดับนี้คือลำดับที่ประชาชนเห็น`,
    ),
    m.line,
    h(
      'ol',
      { class: 'setup-list' },
      list.map((k, i) => categoryItem(s, k, { first: i === 0, last: i === list.length - 1 }, m)),
    ),
    h('details', {}, h('summary', {}, 'เพิ่มหมวด'), add),
  );
}
