import type { AuditEntry } from '../../../schema/contracts/staff-members-api';
import { formatThaiDay } from '../../../lib/thai-date';
import { h } from '../dom';
import type { StaffPage } from './staff-page';

const where = { liff: 'หน้าเว็บ', chat: 'แชต' } as const;

function line(a: AuditEntry): string {
  switch (a.via) {
    case 'reveal':
      return `ดูชื่อและเบอร์ติดต่อผู้ร้องเรียนเรื่อง ${a.code}`;
    case 'callback':
      return `ดูเบอร์โทรกลับของผู้ร้องทุกข์เรื่อง ${a.code}`;
    case 'evidence':
      return `เปิดไฟล์หลักฐานของเรื่อง ${a.code}`;
    case 'list':
      return `ดูรายการที่มีเรื่องร้องเรียนการทุจริต ${a.items ?? 0} เรื่อง`;
    case 'export':
      return `ดาวน์โหลดบันทึกตรวจสอบ ${a.items ?? 0} รายการ`;
    default:
      return `เปิดเรื่อง ${a.code} (${where[a.via]})`;
  }
}

/**
 * The admin page's audit section: who read corruption cases (openings, evidence files, lists, reporter
 * contacts with their reason, exports) and the button that downloads the tamper-evident chain as CSV
 * (docs/privacy.md, "Audit trail"); the download is itself recorded.
 */
export function auditSection(p: StaffPage, items: AuditEntry[]): HTMLElement {
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button secondary' }, 'ดาวน์โหลดบันทึกตรวจสอบ (CSV)');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'กำลังเตรียมไฟล์…';
    try {
      const file = await p.api.auditChain();
      const url = URL.createObjectURL(file.blob);
      const link = h('a', { href: url, download: file.name });
      link.click();
      // The click has started the download; the object URL is not needed after this turn.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      status.textContent = `ดาวน์โหลด ${file.name} แล้ว การดาวน์โหลดนี้ถูกบันทึกไว้`;
    } catch (error) {
      status.textContent = (error as Error).message;
    } finally {
      button.disabled = false;
    }
  });
  const log = h(
    'ol',
    { class: 'audit' },
    items.length === 0
      ? h('li', { class: 'muted' }, 'ยังไม่มีการเปิดดูเรื่องร้องเรียนการทุจริต')
      : items.map((a) =>
          h(
            'li',
            { class: a.via === 'reveal' ? 'reveal' : null },
            `${formatThaiDay(a.at)} ${new Date(a.at).toLocaleTimeString('th-TH', { timeZone: 'Asia/Bangkok' })} · ${a.staffName} ${line(a)}`,
            a.reason ? h('p', { class: 'note' }, `เหตุผล: ${a.reason}`) : null,
          ),
        ),
  );
  return h(
    'section',
    { class: 'card', 'data-section': 'audit' },
    h('h2', {}, 'บันทึกการเปิดดูเรื่องร้องเรียนการทุจริต'),
    log,
    h(
      'p',
      { class: 'muted' },
      'บันทึกตรวจสอบ (CSV) มีเหตุการณ์ของทุกเรื่องและการเข้าถึงเรื่องร้องเรียนการทุจริต เชื่อมกันด้วยค่าแฮช แก้ไขหรือลบรายการใดจะตรวจพบได้ ไม่มีชื่อผู้ร้องเรียนและข้อความบันทึก',
    ),
    button,
    status,
  );
}
