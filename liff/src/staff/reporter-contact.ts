import type { CaseDetail } from '../../../schema/contracts/staff-api';
import type { ReporterContact } from '../../../schema/contracts/staff-identity';
import { h } from '../dom';
import { messageLine, type StaffPage } from './staff-page';

// The limits of schema/contracts/staff-identity.ts, repeated: that file carries zod, which the staff pages do not
// ship. The server checks again and answers in Thai.
const REASON_MIN = 5;
const REASON_MAX = 200;

/**
 * For integrity officers on a confidential corruption case: asks why, warns that the access is recorded,
 * then shows the reporter's name and phone. They live only in this card: never in storage, the URL or
 * the history, and they are gone when the card is hidden or the page is left or redrawn.
 */
export function reporterContactCard(p: StaffPage, d: CaseDetail): HTMLElement | null {
  const c = d.case;
  if (
    !p.me.staff.roles.includes('integrity') ||
    c.track !== 'corruption' ||
    c.identityMode !== 'confidential'
  )
    return null;
  const message = messageLine();
  const body = h('div', {});
  const reset = () => {
    reason.value = '';
    submit.disabled = false;
    message.textContent = '';
    body.replaceChildren(open);
  };
  const open = h(
    'button',
    { type: 'button', class: 'button secondary', onclick: () => body.replaceChildren(form) },
    'ดูชื่อและเบอร์ติดต่อผู้ร้องเรียน',
  );
  const reason = h('textarea', { name: 'reason', rows: 2, maxlength: REASON_MAX, required: true });
  const submit = h('button', { type: 'submit', class: 'button' }, 'บันทึกเหตุผลและดูข้อมูล');
  const form = h(
    'form',
    { class: 'action-form', 'data-action': 'reporter-contact' },
    h(
      'p',
      { class: 'form-message' },
      'การเปิดดูจะถูกบันทึกพร้อมชื่อของท่าน เวลา และเหตุผล ผู้ดูแลระบบตรวจดูบันทึกนี้ได้ ' +
        'ผู้ร้องเรียนให้ข้อมูลนี้ไว้เพื่อให้หน่วยงานติดต่อกลับเท่านั้น ห้ามเปิดเผยต่อผู้อื่น',
    ),
    h(
      'label',
      { class: 'field' },
      h('span', {}, `เหตุผลที่ต้องการดู (${REASON_MIN}–${REASON_MAX} ตัวอักษร)`),
      reason,
    ),
    submit,
    h('button', { type: 'button', class: 'button secondary', onclick: reset }, 'ยกเลิก'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = reason.value.trim();
    if (text.length < REASON_MIN) {
      message.textContent = `กรุณาระบุเหตุผลอย่างน้อย ${REASON_MIN} ตัวอักษร`;
      return;
    }
    submit.disabled = true;
    message.textContent = 'กำลังเปิดข้อมูล…';
    try {
      const contact = await p.api.reporterContact(c.id, text);
      message.textContent = '';
      body.replaceChildren(shown(contact, reset));
    } catch (error) {
      submit.disabled = false;
      message.textContent = (error as Error).message;
    }
  });
  body.replaceChildren(open);
  return h(
    'section',
    { class: 'card reporter-contact' },
    h('h2', {}, 'ผู้ร้องเรียน (แจ้งชื่อแบบลับ)'),
    body,
    message,
  );
}

function shown(contact: ReporterContact, hide: () => void): HTMLElement {
  return h(
    'div',
    { class: 'reporter-contact-shown' },
    h(
      'dl',
      { class: 'facts' },
      h('div', {}, h('dt', {}, 'ชื่อ'), h('dd', {}, contact.name)),
      h(
        'div',
        {},
        h('dt', {}, 'โทรศัพท์'),
        h('dd', {}, h('a', { href: `tel:${contact.phone}` }, contact.phone)),
      ),
    ),
    h('p', { class: 'muted' }, 'การเปิดดูครั้งนี้ถูกบันทึกแล้ว ข้อมูลไม่ถูกเก็บไว้ในเครื่อง ปิดหรือซ่อนแล้วต้องขอดูใหม่'),
    h('button', { type: 'button', class: 'button secondary', onclick: hide }, 'ซ่อนข้อมูล'),
  );
}
