import type { CaseDetail } from '../../../schema/contracts/staff-api';
import { h } from '../dom';
import { messageLine, type StaffPage } from './staff-page';

/**
 * For the staff who handle a grievance whose complainant asked to be called back: a button that shows
 * the phone (the reading is recorded; the number lives only in this card, never in storage or the URL).
 */
export function callbackPhoneCard(p: StaffPage, d: CaseDetail): HTMLElement | null {
  const c = d.case;
  // Handlers are those who may act on it; an executive who only instructs does not make the call.
  const handles = d.allowed.some((a) => a !== 'instruct');
  if (c.track !== 'grievance' || !c.callbackPhone || !handles) return null;
  const message = messageLine();
  const body = h('div', {});
  const open = h(
    'button',
    {
      type: 'button',
      class: 'button secondary',
      onclick: async () => {
        open.disabled = true;
        message.textContent = 'กำลังเปิดข้อมูล…';
        try {
          const { phone } = await p.api.callbackPhone(c.id);
          message.textContent = '';
          body.replaceChildren(
            h('p', {}, 'โทรศัพท์ ', h('a', { href: `tel:${phone}` }, phone)),
            h('p', { class: 'muted' }, 'การเปิดดูครั้งนี้ถูกบันทึกแล้ว ใช้เพื่อโทรกลับเรื่องนี้เท่านั้น'),
          );
        } catch (error) {
          open.disabled = false;
          message.textContent = (error as Error).message;
        }
      },
    },
    'ดูเบอร์โทรกลับ',
  );
  body.replaceChildren(open);
  return h('section', { class: 'card callback-phone' }, h('h2', {}, 'ผู้ร้องเรียนขอให้โทรกลับ'), body, message);
}
