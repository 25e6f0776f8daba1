import { refusalText } from '../../../lib/texts/evidence-refusals';
import { complaintLimits } from '../../../schema/contracts/complaint-rules';
import type { TrackedCaseDetail } from '../../../schema/contracts/tracking';
import { ApiError } from '../api';
import { h } from '../dom';
import type { TrackApi } from './track-api';

// The API takes up to three JPEG or PNG photos a time (schema/contracts/tracking.ts, INFO_PHOTOS_MAX).
const PHOTOS_MAX = 3;
const PHOTO_TYPES = ['image/jpeg', 'image/png'];

// The early check on chosen photos (the server decides from the bytes): a Thai reason, or null.
function precheck(files: File[]): string | null {
  if (files.length > PHOTOS_MAX) return `แนบรูปภาพได้ครั้งละไม่เกิน ${PHOTOS_MAX} รูป`;
  for (const f of files) {
    if (!PHOTO_TYPES.includes(f.type)) return refusalText('unsupported_type', 'image');
    if (f.size > complaintLimits.imageMaxBytes) return refusalText('too_large', 'image');
  }
  return null;
}

const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * "ส่งข้อมูลเพิ่มเติม" on the page of an open case: text and up to three photos added to the case at any
 * time and relayed to
 * the staff handling it without the sender (docs/tracking.md). `pin` is the PIN this page opened an
 * anonymous case with: it is sent again in the body and kept nowhere else (never a URL, never storage).
 * The form stays for another addition.
 */
export function infoForm(api: TrackApi, c: TrackedCaseDetail, pin?: string): HTMLElement | null {
  if (!c.open) return null;
  const box = h('textarea', { id: 'track-info', name: 'text', rows: 4, maxlength: 2000 });
  const photos = h('input', {
    id: 'track-info-photos',
    type: 'file',
    multiple: true,
    accept: PHOTO_TYPES.join(','),
  });
  const error = h('p', { class: 'error', role: 'alert' });
  const status = h('p', { class: 'status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'button' }, 'ส่งข้อมูลเพิ่มเติม');
  async function send(event: Event) {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    status.textContent = '';
    try {
      const files = [...(photos.files ?? [])];
      const refused = precheck(files);
      if (refused) throw new Error(refused);
      const { message } = await api.addInfo(c.code, box.value, await Promise.all(files.map(base64Of)), pin);
      status.textContent = message;
      box.value = '';
      photos.value = '';
    } catch (e) {
      error.textContent = e instanceof ApiError || e instanceof Error ? e.message : String(e);
    } finally {
      submit.disabled = false;
    }
  }
  return h(
    'form',
    { class: 'card pin-form add-info', onsubmit: (event: Event) => send(event) },
    h('h2', {}, 'ส่งข้อมูลเพิ่มเติม'),
    h('p', { class: 'muted' }, 'ข้อมูลจะบันทึกไว้กับเรื่องและแจ้งเจ้าหน้าที่ผู้รับผิดชอบ โดยไม่แจ้งชื่อหรือบัญชี LINE ของท่าน'),
    h('label', { for: 'track-info' }, 'ข้อมูลเพิ่มเติม'),
    box,
    h('label', { for: 'track-info-photos' }, `รูปภาพ (ไม่บังคับ ครั้งละไม่เกิน ${PHOTOS_MAX} รูป)`),
    photos,
    error,
    status,
    submit,
  );
}
