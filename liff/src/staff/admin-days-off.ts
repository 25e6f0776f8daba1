import type { DayOffView } from '../../../schema/contracts/days-off-api';
import { formatThaiDate } from '../../../lib/thai-date';
import { h } from '../dom';
import { type AdminSetup, sectionMessage, setupForm, textField } from './admin-setup';

const WEEKDAYS = ['อา.', 'จ.', 'อ.', 'พ.', 'พฤ.', 'ศ.', 'ส.'];
const weekday = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];

/** The days off of the coming two years. */
export interface DaysOff {
  items: DayOffView[];
  from: string;
  to: string;
}

function dayItem(s: AdminSetup, d: DayOffView, run: ReturnType<typeof sectionMessage>['run']): HTMLElement {
  return h(
    'li',
    { 'data-day': d.date },
    h('strong', {}, `${weekday(d.date)} ${formatThaiDate(d.date)}`),
    ` ${d.name} `,
    h('span', { class: 'badge' }, d.own ? 'วันหยุดของหน่วยงาน' : 'วันหยุดราชการ'),
    d.own
      ? h(
          'button',
          {
            type: 'button',
            class: 'button secondary small',
            onclick: () => {
              if (!confirm(`ลบวันหยุด ${d.name} (${formatThaiDate(d.date)})?`)) return;
              void run(() => s.api.removeDayOff(d.id), `ลบวันหยุด "${d.name}" แล้ว`);
            },
          },
          'ลบ',
        )
      : null,
  );
}

/**
 * The days-off card: the national calendar and the organisation's own days of the coming two years, a
 * form to add a day the office closes, and a remove button on its own days not yet come.
 */
export function daysOffSection(s: AdminSetup, days: DaysOff): HTMLElement {
  const message = sectionMessage(s, 'days-off');
  const date = h('input', {
    type: 'date',
    name: 'day-off-date',
    min: days.from,
    max: days.to,
    required: true,
  });
  const name = textField('ชื่อวันหยุด', 'day-off-name', '', 'เช่น วันงานประจำปีของตำบล');
  const add = setupForm(
    () =>
      message.run(
        () => s.api.addDayOff({ date: date.value, name: name.input.value }),
        `เพิ่มวันหยุด "${name.input.value.trim()}" แล้ว`,
      ),
    h('h3', {}, 'เพิ่มวันหยุดของหน่วยงาน'),
    h('label', { class: 'field' }, h('span', {}, 'วันที่'), date),
    name.element,
    h('button', { type: 'submit', class: 'button' }, 'เพิ่มวันหยุด'),
  );
  return h(
    'section',
    { class: 'card', id: 'days-off' },
    h('h2', {}, 'วันหยุด'),
    h(
      'p',
      { class: 'muted' },
      'กำหนดส่งต่อ ตอบรับ และแจ้งผลนับเฉพาะวันทำการ วันหยุดที่เพิ่มมีผลกับเรื่องที่รับหลังจากนี้ ' +
        'เรื่องที่รับไว้แล้วคงวันที่ที่แจ้งผู้ร้องเรียนไว้ วันหยุดราชการทั่วประเทศผู้ดูแลระบบกลางเป็นผู้เพิ่ม',
    ),
    message.line,
    h(
      'ul',
      { class: 'setup-list' },
      days.items.map((d) => dayItem(s, d, message.run)),
    ),
    add,
  );
}
