import type { MyDataView } from '../../../schema/contracts/tracking';
import { formatThaiDate } from '../../../lib/thai-date';
import { ApiError } from '../api';
import { h } from '../dom';
import type { TrackApi } from './track-api';

const caseLine = (c: MyDataView['cases'][number]) =>
  h(
    'li',
    {},
    h('strong', {}, c.code),
    ` ${c.track === 'corruption' ? 'ร้องเรียนการทุจริต' : 'ร้องทุกข์ทั่วไป'}${c.finished ? ' (เสร็จสิ้นแล้ว)' : ''}`,
    h('br'),
    `ท่านเขียนว่า: "${c.excerpt}"`,
    c.place ? h('br') : null,
    c.place ? `สถานที่: ${c.place}` : null,
    h('br'),
    `ติดต่อท่าน: บัญชี LINE นี้${c.phoneHeld ? ' และเบอร์โทรที่ให้ไว้' : ''} (เข้ารหัส)`,
    c.eraseRequested ? h('br') : null,
    c.eraseRequested ? 'ท่านขอลบแล้ว: จะลบทันทีเมื่อเรื่องเสร็จสิ้น' : null,
  );

/** "ดาวน์โหลดข้อมูลของฉัน": the export as a file the person keeps (GET …/my-data/export). */
function downloadButton(api: TrackApi): HTMLElement[] {
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button' }, 'ดาวน์โหลดข้อมูลของฉัน');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'กำลังเตรียมไฟล์…';
    try {
      const file = await api.exportMyData();
      const url = URL.createObjectURL(file.blob);
      h('a', { href: url, download: file.name }).click();
      // The click has started the download; the object URL is not needed after this turn.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      status.textContent = `ดาวน์โหลด ${file.name} แล้ว`;
    } catch (e) {
      status.textContent = e instanceof ApiError ? e.message : String(e);
    } finally {
      button.disabled = false;
    }
  });
  return [button, status];
}

/**
 * "ข้อมูลของฉัน" on the tracker, as in the chat: what the organisation holds about this person (cases
 * filed under their name; anonymous ones are never linked) and their request to delete it.
 */
export function myDataSection(api: TrackApi, open = false): HTMLElement {
  const body = h('div', {}, h('p', { class: 'muted' }, 'กำลังโหลด…'));
  const section = h(
    'details',
    { class: 'card my-data', id: 'my-data' },
    h('summary', {}, 'ข้อมูลของฉันที่หน่วยงานเก็บไว้'),
    body,
  );
  let loaded = false;
  const load = async () => {
    if (!section.open || loaded) return;
    loaded = true;
    try {
      const data = await api.myData();
      const erase = h('button', { type: 'button', class: 'button secondary' }, 'ขอลบข้อมูลของฉัน');
      const result = h('p', { role: 'status' });
      erase.addEventListener('click', async () => {
        const sure = window.confirm(
          'เรื่องที่เสร็จสิ้นแล้วจะถูกลบทันที เรื่องที่ยังดำเนินการอยู่จะลบเมื่อเสร็จสิ้น และร่างเรื่องจะถูกลบ ยืนยันหรือไม่',
        );
        if (!sure) return;
        erase.disabled = true;
        const done = await api.eraseMyData();
        result.textContent =
          [
            done.erased.length > 0 ? `ลบข้อมูลแล้ว ${done.erased.length} เรื่อง: ${done.erased.join(', ')}` : '',
            ...done.pending.map(
              (p) =>
                `เรื่อง ${p.code} ยังดำเนินการอยู่ จะลบทันทีเมื่อเสร็จสิ้น (กำหนดแจ้งผลภายใน ${formatThaiDate(p.resultDueOn)})`,
            ),
            done.draft ? 'ลบร่างเรื่องที่ยังไม่ส่งแล้ว' : '',
          ]
            .filter(Boolean)
            .join(' · ') || 'ไม่มีข้อมูลของท่านที่ต้องลบ';
      });
      const anything = data.cases.length > 0 || data.draft;
      body.replaceChildren(
        data.cases.length > 0 ? h('ul', {}, data.cases.map(caseLine)) : h('p', {}, 'ไม่มีเรื่องที่แจ้งในนามของท่าน'),
        data.draft ? h('p', {}, 'มีร่างเรื่องที่ยังไม่ส่ง 1 เรื่อง') : '',
        h('p', { class: 'muted' }, 'เรื่องที่แจ้งแบบไม่เปิดเผยตัวตนไม่ผูกกับบัญชี LINE จึงไม่แสดงที่นี่'),
        ...(anything ? downloadButton(api) : []),
        anything ? erase : '',
        result,
      );
    } catch (e) {
      body.replaceChildren(h('p', { class: 'error' }, e instanceof ApiError ? e.message : String(e)));
    }
  };
  section.addEventListener('toggle', load);
  // Opened from the chat's "ข้อมูลของฉัน" (…/track?show=my-data): loads at once and comes into view.
  if (open) {
    section.open = true;
    void load();
    queueMicrotask(() => section.scrollIntoView());
  }
  return section;
}
