import { formatThaiDate, formatThaiDay } from '../../../lib/thai-date';
import { trackNames } from '../../../schema/contracts/complaint-rules';
import type { CaseDeadline, TrackedCaseDetail, TrackedCaseSummary } from '../../../schema/contracts/tracking';
import { h } from '../dom';

const deadlineStates: Record<CaseDeadline['state'], (d: CaseDeadline) => string> = {
  met: (d) => `ทันกำหนด (ดำเนินการเมื่อ ${formatThaiDate(d.doneOn!)})`,
  missed: (d) => `เกินกำหนด (ดำเนินการเมื่อ ${formatThaiDate(d.doneOn!)})`,
  pending: () => 'ยังอยู่ในกำหนด',
  overdue: () => 'เลยกำหนดแล้ว',
};

/** "แจ้งผลการดำเนินการภายใน 24 ธ.ค. 2569". */
export const dueLine = (d: CaseDeadline) => `${d.label}ภายใน ${formatThaiDate(d.dueOn)}`;

/** One case in the list: code, category, status, the next date, a link to its page. */
export function caseItem(c: TrackedCaseSummary, href: string): HTMLElement {
  return h(
    'li',
    { class: `tracked ${c.open ? 'open' : 'closed'}` },
    h('a', { href }, h('strong', { class: 'code' }, c.code)),
    h('p', {}, `${trackNames[c.track].short} · ${c.categoryName}`),
    h('p', { class: 'state' }, c.statusText),
    c.nextDue ? h('p', { class: 'muted' }, dueLine(c.nextDue)) : null,
    c.lastMessage
      ? h('p', { class: 'muted' }, `ล่าสุด ${formatThaiDay(c.lastMessage.at)}: ${c.lastMessage.title}`)
      : null,
  );
}

/** The case page: summary, committed dates and whether each was kept, the timeline. */
export function caseView(c: TrackedCaseDetail): HTMLElement {
  return h(
    'section',
    { class: 'card tracked-case' },
    h('p', { class: 'muted' }, 'เลขรับเรื่อง'),
    h('h1', { class: 'code' }, c.code),
    h(
      'dl',
      {},
      h('div', { class: 'row' }, h('dt', {}, 'ประเภท'), h('dd', {}, trackNames[c.track].short)),
      h('div', { class: 'row' }, h('dt', {}, 'หมวด'), h('dd', {}, c.categoryName)),
      h('div', { class: 'row' }, h('dt', {}, 'วันที่แจ้ง'), h('dd', {}, formatThaiDay(c.createdAt))),
      h('div', { class: 'row' }, h('dt', {}, 'สถานะ'), h('dd', { class: 'state' }, c.statusText)),
    ),
    h('h2', {}, 'กำหนดที่หน่วยงานให้ไว้'),
    h(
      'ul',
      { class: 'deadlines' },
      c.deadlines.map((d) =>
        h('li', { class: `deadline ${d.state}` }, `${dueLine(d)}: ${deadlineStates[d.state](d)}`),
      ),
    ),
    h('h2', {}, 'ความเป็นมาของเรื่อง'),
    h(
      'ol',
      { class: 'timeline' },
      c.timeline.map((e) =>
        h(
          'li',
          {},
          h('time', {}, formatThaiDay(e.at)),
          h('strong', {}, e.title),
          e.detail ? h('p', {}, e.detail) : null,
          e.photoUrl
            ? h('img', { class: 'after-photo', src: e.photoUrl, alt: 'รูปหลังแก้ไข', loading: 'lazy' })
            : null,
        ),
      ),
    ),
  );
}
