import type { TrackedCaseDetail } from '../../../schema/contracts/tracking';
import { ApiError } from '../api';
import { h } from '../dom';
import type { TrackApi } from './track-api';

/**
 * "ส่งข้อมูลเพิ่มเติม" on the page of an open case: text added to the case at any time and relayed to
 * the staff handling it without the sender (docs/tracking.md). `pin` is the PIN this page opened an
 * anonymous case with: it is sent again in the body and kept nowhere else (never a URL, never storage).
 * The form stays for another addition.
 */
export function infoForm(api: TrackApi, c: TrackedCaseDetail, pin?: string): HTMLElement | null {
  if (!c.open) return null;
  const box = h('textarea', { id: 'track-info', name: 'text', rows: 4, maxlength: 2000 });
  const error = h('p', { class: 'error', role: 'alert' });
  const status = h('p', { class: 'status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'button' }, 'ส่งข้อมูลเพิ่มเติม');
  async function send(event: Event) {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    status.textContent = '';
    try {
      const { message } = await api.addInfo(c.code, box.value, pin);
      status.textContent = message;
      box.value = '';
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : String(e);
    } finally {
      submit.disabled = false;
    }
  }
  return h(
    'form',
    { class: 'card pin-form add-info', onsubmit: (event: Event) => send(event) },
    h('h2', {}, 'ส่งข้อมูลเพิ่มเติม'),
    h(
      'p',
      { class: 'muted' },
      'ข้อมูลจะบันทึกไว้กับเรื่องและแจ้งเจ้าหน้าที่ผู้รับผิดชอบ โดยไม่แจ้งชื่อหรือบัญชี LINE ของท่าน ส่งรูปภาพได้ในแชต LINE ของหน่วยงาน (กด "ส่งข้อมูลเพิ่มเติม" ที่การ์ดของเรื่อง)',
    ),
    h('label', { for: 'track-info' }, 'ข้อมูลเพิ่มเติม'),
    box,
    error,
    status,
    submit,
  );
}
