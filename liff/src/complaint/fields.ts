import { complaintLimits, type ComplaintTrack, trackNames } from '../../../schema/contracts/complaint-rules';
import type { FormCategory } from '../../../schema/contracts/complaint-api';
import { formatThaiDate } from '../../../lib/thai-date';
import { h } from '../dom';
import { formatNumber } from '../format';

/**
 * The controls of the complaint form. Each has a named input (read with FormData) and an error line
 * `[data-error-for=<field>]` named like the server's error details ("description", "identity.phone"),
 * so the server's Thai messages land under the right field. `data-only` marks what belongs to one track
 * or identity choice (hidden otherwise, and not sent).
 */

/** The line under a field where its error is shown. */
export const errorLine = (field: string) =>
  h('p', { class: 'field-error', 'data-error-for': field, 'aria-live': 'polite' });

let ids = 0;
const nextId = (name: string) => `f-${name}-${++ids}`;

/** A labelled text input or textarea; `max` shows a live "n / max" counter (UTF-16 units, as the server counts). */
export function textField(args: {
  name: string;
  field: string;
  label: string;
  hint?: string;
  max: number;
  min?: number;
  multiline?: boolean;
  type?: string;
  inputmode?: string;
  autocomplete?: string;
}): HTMLElement {
  const id = nextId(args.name);
  const attrs = { id, name: args.name, maxlength: args.max, autocomplete: args.autocomplete ?? 'off' };
  const input = args.multiline
    ? h('textarea', { ...attrs, rows: 5 })
    : h('input', { ...attrs, type: args.type ?? 'text', inputmode: args.inputmode });
  const counter = h('span', { class: 'counter' });
  const update = () => {
    const n = input.value.length;
    counter.textContent = `${formatNumber(n)} / ${formatNumber(args.max)}`;
    counter.classList.toggle('short', args.min !== undefined && n > 0 && n < args.min);
  };
  input.addEventListener('input', update);
  update();
  return h(
    'div',
    { class: 'form-field' },
    h('label', { for: id }, args.label),
    args.hint ? h('p', { class: 'hint' }, args.hint) : null,
    input,
    args.multiline ? counter : null,
    errorLine(args.field),
  );
}

/** The two tracks as a segmented switch. */
export function trackSwitch(current: ComplaintTrack): HTMLElement {
  return h(
    'fieldset',
    { class: 'form-field track-switch' },
    h('legend', {}, 'ประเภทเรื่อง'),
    (['corruption', 'grievance'] as const).map((track) =>
      h(
        'label',
        { class: 'segment' },
        h('input', { type: 'radio', name: 'track', value: track, checked: track === current }),
        h('span', {}, trackNames[track].short),
      ),
    ),
    errorLine('track'),
  );
}

/** The categories of one track; `select` is refilled when the track changes. */
export function categoryField(): { element: HTMLElement; fill(categories: FormCategory[]): void } {
  const id = nextId('category');
  const select = h('select', { id, name: 'categoryCode' });
  const about = h('p', { class: 'hint' });
  let current: FormCategory[] = [];
  const describe = () => {
    about.textContent = current.find((c) => c.code === select.value)?.description ?? '';
  };
  select.addEventListener('change', describe);
  return {
    element: h(
      'div',
      { class: 'form-field' },
      h('label', { for: id }, 'หมวดของเรื่อง'),
      select,
      about,
      errorLine('categoryCode'),
    ),
    fill(categories) {
      current = categories;
      select.replaceChildren(
        h('option', { value: '' }, 'เลือกหมวด'),
        ...categories.map((c) => h('option', { value: c.code }, c.name)),
      );
      describe();
    },
  };
}

/** When it happened: a date (shown back in the Buddhist Era) and/or a free text. */
export function whenField(today: string): HTMLElement {
  const id = nextId('date');
  const date = h('input', { id, type: 'date', name: 'occurredDate', max: today });
  const shown = h('p', { class: 'hint', 'data-testid': 'occurred-be' });
  date.addEventListener('input', () => {
    shown.textContent = date.value ? `วันที่ ${formatThaiDate(date.value)}` : '';
  });
  return h(
    'div',
    { class: 'form-field' },
    h('label', { for: id }, 'วันที่เกิดเหตุ (ถ้าทราบ)'),
    date,
    shown,
    errorLine('occurred.date'),
    textField({
      name: 'occurredText',
      field: 'occurred.text',
      label: 'หรือช่วงเวลาโดยประมาณ',
      hint: 'เช่น ช่วงเย็นวันศุกร์ หรือ ตั้งแต่ต้นเดือน',
      max: complaintLimits.occurredMax,
    }),
  );
}

/** Corruption track: anonymous, or name and phone kept confidential. */
export function identityField(): HTMLElement {
  const option = (value: string, title: string, text: string, checked = false) =>
    h(
      'label',
      { class: 'choice' },
      h('input', { type: 'radio', name: 'identityMode', value, checked }),
      h('span', {}, h('strong', {}, title), h('span', { class: 'hint' }, text)),
    );
  return h(
    'fieldset',
    { class: 'form-field', 'data-only': 'corruption' },
    h('legend', {}, 'การเปิดเผยตัวตน'),
    option('anonymous', 'ไม่เปิดเผยตัวตน', 'ไม่เก็บชื่อและเบอร์โทร ติดตามเรื่องด้วยเลขรับเรื่องและรหัสลับ (PIN)', true),
    h(
      'label',
      { class: 'choice', 'data-only': 'anonymous' },
      h('input', { type: 'checkbox', name: 'silent', value: 'on' }),
      h(
        'span',
        {},
        h('strong', {}, 'ไม่รับแจ้งทาง LINE'),
        h(
          'span',
          { class: 'hint' },
          'ไม่เก็บบัญชี LINE ของท่านไว้กับเรื่องนี้ ไม่มีข้อความแจ้งเตือนเด้งบนโทรศัพท์ ท่านเปิดดูความคืบหน้าเองด้วยเลขรับเรื่องและ PIN (เหมาะหากผู้อื่นอาจเห็นโทรศัพท์ของท่าน)',
        ),
      ),
    ),
    option('confidential', 'แจ้งชื่อแบบปกปิด', 'เปิดดูได้เฉพาะเจ้าหน้าที่ที่ได้รับมอบหมาย เพื่อติดต่อสอบถามเพิ่มเติม'),
    errorLine('identity'),
  );
}

/** Hides what does not belong to the chosen track and identity (hidden controls are not sent). */
export function applyVisibility(form: HTMLFormElement, track: ComplaintTrack, confidential: boolean): void {
  for (const el of Array.from(form.querySelectorAll<HTMLElement>('[data-only]'))) {
    const only = el.dataset.only;
    el.hidden =
      only === 'corruption'
        ? track !== 'corruption'
        : only === 'grievance'
          ? track !== 'grievance'
          : only === 'confidential'
            ? track !== 'corruption' || !confidential
            : only === 'anonymous'
              ? track !== 'corruption' || confidential
              : only === 'contact'
                ? track === 'corruption' && !confidential
                : false;
  }
}
