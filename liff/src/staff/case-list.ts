import { complaintStatuses, trackNames } from '../../../schema/contracts/complaint-rules';
import { statusNames } from '../../../schema/contracts/staff';
import type { CaseListItem } from '../../../schema/contracts/staff-api';
import { formatThaiDate, formatThaiDay } from '../../../lib/thai-date';
import { h, replace } from '../dom';
import { messageLine, type StaffPage, staffFrame, staffPaths } from './staff-page';

const FILTERS = ['track', 'status', 'unit', 'mine', 'overdue', 'sort'] as const;

/** One case in the list: a link card with code, category, status and deadline. */
function caseCard(p: StaffPage, c: CaseListItem): HTMLElement {
  return h(
    'a',
    { class: `card link-card case-card${c.overdue ? ' overdue' : ''}`, href: staffPaths.case(p.slug, c.id) },
    h('span', { class: 'case-code' }, c.code),
    h('span', { class: `badge status-${c.status}` }, statusNames[c.status]),
    c.overdue ? h('span', { class: 'badge late' }, 'เกินกำหนด') : null,
    h('span', { class: 'case-title' }, `${trackNames[c.track].short} · ${c.categoryName}`),
    h(
      'span',
      { class: 'muted' },
      `รับ ${formatThaiDay(c.createdAt)} · แจ้งผลภายใน ${formatThaiDate(c.resultDueOn)}`,
    ),
    h('span', { class: 'muted' }, `${c.unitName ?? 'ยังไม่ระบุหน่วยงาน'} · ${c.assigneeName ?? 'ยังไม่มีผู้รับผิดชอบ'}`),
  );
}

function select(name: string, label: string, value: string, options: [string, string][]): HTMLElement {
  return h(
    'label',
    { class: 'field' },
    h('span', {}, label),
    h(
      'select',
      { name },
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
    ),
  );
}

/** "/o/<org>/staff/cases": the filters (kept in the URL), the cases, and "more" for the next page. */
export async function renderCaseList(p: StaffPage, search: string): Promise<void> {
  const params = new URLSearchParams(search);
  const query = new URLSearchParams();
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  const units = (await p.api.units()).items;
  const list = h('div', { class: 'case-list' });
  const count = h('p', { class: 'result-count', role: 'status' });
  const more = h('button', { type: 'button', class: 'button secondary', hidden: true }, 'โหลดเพิ่ม');
  const message = messageLine();
  let cursor: string | null = null;
  let shown = 0;

  const load = async (reset: boolean) => {
    const q = new URLSearchParams(query);
    if (!reset && cursor) q.set('cursor', cursor);
    try {
      const page = await p.api.cases(Object.fromEntries(q));
      if (reset) {
        replace(list);
        shown = 0;
      }
      list.append(...page.items.map((c) => caseCard(p, c)));
      shown += page.items.length;
      cursor = page.nextCursor;
      more.hidden = !cursor;
      count.textContent =
        shown === 0 ? 'ไม่พบเรื่องตามเงื่อนไขนี้' : `แสดง ${shown} เรื่อง${cursor ? ' (มีเพิ่มเติม)' : ''}`;
    } catch (error) {
      message.textContent = (error as Error).message;
    }
  };
  more.addEventListener('click', () => load(false));

  const form = h(
    'form',
    { class: 'filters staff-filters' },
    select('track', 'ประเภท', query.get('track') ?? '', [
      ['', 'ทุกประเภท'],
      ['grievance', trackNames.grievance.short],
      ['corruption', trackNames.corruption.short],
    ]),
    select('status', 'สถานะ', query.get('status') ?? '', [
      ['', 'ทุกสถานะ'],
      ...complaintStatuses.map((s): [string, string] => [s, statusNames[s]]),
    ]),
    select('unit', 'หน่วยงาน', query.get('unit') ?? '', [
      ['', 'ทุกหน่วยงาน'],
      ...units.map((u): [string, string] => [String(u.id), u.name]),
    ]),
    select('sort', 'เรียงตาม', query.get('sort') ?? 'newest', [
      ['newest', 'ใหม่ล่าสุด'],
      ['urgent', 'ใกล้ครบกำหนดก่อน'],
    ]),
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'mine', checked: query.get('mine') === '1' }),
      'งานของฉัน',
    ),
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'overdue', checked: query.get('overdue') === '1' }),
      'เกินกำหนด',
    ),
  );
  form.addEventListener('change', () => {
    const data = new FormData(form);
    for (const key of FILTERS) {
      const value = data.get(key);
      const text = value === 'on' ? '1' : typeof value === 'string' ? value : '';
      if (text && !(key === 'sort' && text === 'newest')) query.set(key, text);
      else query.delete(key);
    }
    const qs = query.toString();
    history.replaceState(null, '', staffPaths.cases(p.slug, qs ? `?${qs}` : ''));
    cursor = null;
    void load(true);
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  staffFrame(p, 'เรื่องร้องเรียน', h('h1', {}, 'เรื่องร้องเรียน'), form, count, message, list, more);
  await load(true);
}
