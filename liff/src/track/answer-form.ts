import { formatThaiDay } from '../../../lib/thai-date';
import type { TrackedCaseDetail } from '../../../schema/contracts/tracking';
import { h, replace } from '../dom';
import { ApiError } from '../api';
import type { TrackApi } from './track-api';

/**
 * The organisation's open question on the case page, with a box to answer it. Shown only when the
 * server says the question was asked of this person; the answer reaches the staff member who asked,
 * as an answer typed in the chat does.
 */
export function answerForm(api: TrackApi, c: TrackedCaseDetail): HTMLElement | null {
  const question = c.question;
  if (!question) return null;
  const box = h('textarea', { id: 'track-answer', name: 'answer', rows: 4, maxlength: 2000 });
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button' }, 'ส่งคำตอบ');
  const form = h(
    'form',
    { class: 'card pin-form answer', onsubmit: (event: Event) => send(event) },
    h('h2', {}, 'หน่วยงานขอข้อมูลเพิ่มเติมจากท่าน'),
    h('p', { class: 'muted' }, `ถามเมื่อ ${formatThaiDay(question.askedAt)}`),
    h('p', { class: 'question' }, question.text),
    h('label', { for: 'track-answer' }, 'คำตอบของท่าน'),
    box,
    error,
    submit,
  );
  async function send(event: Event) {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    try {
      await api.answer(c.code, box.value);
      replace(
        form,
        h('p', { class: 'status', role: 'status' }, 'ส่งคำตอบถึงเจ้าหน้าที่ผู้รับผิดชอบแล้ว ขอบคุณที่ให้ข้อมูลเพิ่มเติม'),
      );
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : String(e);
      submit.disabled = false;
    }
  }
  return form;
}
