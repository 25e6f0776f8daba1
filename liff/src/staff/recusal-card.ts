import type { CaseDetail } from '../../../schema/contracts/staff-api';
import { h } from '../dom';
import { messageLine, type StaffPage, staffFrame, staffPaths } from './staff-page';

/**
 * For integrity officers on a corruption case: declare a conflict of interest (recusal). Asks once to
 * confirm; afterwards the case is gone for them, so the page says so and links back to the list.
 */
export function recusalCard(p: StaffPage, d: CaseDetail): HTMLElement | null {
  const c = d.case;
  if (!p.me.staff.roles.includes('integrity') || c.track !== 'corruption') return null;
  const message = messageLine();
  const reason = h('textarea', { name: 'recusalReason', rows: 2, maxlength: 500 });
  const submit = h('button', { type: 'submit', class: 'button secondary' }, 'ยืนยันการถอนตัว');
  const form = h(
    'form',
    { class: 'card action-form', 'data-action': 'ถอนตัว' },
    h('h2', {}, 'ถอนตัวจากเรื่องนี้ (มีส่วนได้เสีย)'),
    h(
      'p',
      { class: 'hint' },
      'หากท่านเกี่ยวข้องหรือมีส่วนได้เสียกับเรื่องนี้ ท่านจะไม่เห็นเรื่องนี้อีกทันที และระบบจะแจ้งเจ้าหน้าที่ป้องกันการทุจริตคนอื่น',
    ),
    h('label', {}, 'เหตุผล (ไม่บังคับ)', reason),
    submit,
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const done = await p.api.recuse(c.id, reason.value);
      staffFrame(
        p,
        'ถอนตัวแล้ว',
        h('p', { class: 'form-message ok', role: 'status' }, done.message),
        h('a', { class: 'button secondary', href: staffPaths.cases(p.slug) }, 'กลับไปรายการ'),
      );
    } catch (error) {
      submit.disabled = false;
      message.textContent = (error as Error).message;
    }
  });
  return form;
}
