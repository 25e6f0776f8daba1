import { trackNames } from '../../../schema/contracts/complaint-rules';
import { caseOutcomes, outcomeNames, statusNames } from '../../../schema/contracts/staff';
import {
  type CaseReport,
  onTimeRate,
  SATISFACTION_TARGET,
  satisfactionRate,
  type ReportPeriod,
  reportPeriodNames,
  reportPeriods,
} from '../../../schema/contracts/staff-report';
import { formatThaiDate, formatThaiDay } from '../../../lib/thai-date';
import { h } from '../dom';
import { formatNumber } from '../format';
import { type StaffPage, staffFrame, staffPaths } from './staff-page';
import { tipPatternsSection } from './tip-patterns';

const table = (caption: string, head: string[], rows: (string | number)[][]) =>
  h(
    'table',
    { class: 'budget-table report-table' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.length
        ? rows.map(([first, ...rest]) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, String(first)),
              rest.map((v) => h('td', {}, typeof v === 'number' ? formatNumber(v) : v)),
            ),
          )
        : h('tr', {}, h('td', { colspan: head.length }, 'ไม่มีข้อมูล')),
    ),
  );

function figures(r: CaseReport): HTMLElement {
  const rate = onTimeRate(r);
  const satisfied = satisfactionRate(r);
  const fact = (label: string, value: string) => h('div', {}, h('dt', {}, label), h('dd', {}, value));
  return h(
    'dl',
    { class: 'facts report-figures' },
    fact(`รับใหม่: ${trackNames.grievance.short}`, `${formatNumber(r.received.grievance)} เรื่อง`),
    fact(`รับใหม่: ${trackNames.corruption.short}`, `${formatNumber(r.received.corruption)} เรื่อง`),
    fact('ปิดเรื่องในช่วงนี้', `${formatNumber(r.closed.total)} เรื่อง`),
    fact('ปิดทันกำหนดที่แจ้งผู้ร้อง', rate === null ? '-' : `${rate}%`),
    fact(
      `ผู้ร้องเรียนพึงพอใจ (ให้ 4–5 คะแนน, เป้าหมาย ${SATISFACTION_TARGET}%)`,
      satisfied === null ? '-' : `${satisfied}% จาก ${formatNumber(r.satisfaction.rated)} คน`,
    ),
    fact('แจ้งว่ายังไม่ได้แก้ไข (เปิดเรื่องอีกครั้ง)', `${formatNumber(r.satisfaction.notFixed)} เรื่อง`),
    fact('ค้างดำเนินการทั้งหมด', `${formatNumber(r.open.total)} เรื่อง`),
    fact('เกินกำหนดแจ้งผล', `${formatNumber(r.open.overdue)} เรื่อง`),
    fact('ยังไม่รับเรื่องเกินกำหนด', `${formatNumber(r.open.unacknowledged)} เรื่อง`),
  );
}

/** "/o/<org>/staff/report?period=…": the summary report (counts only) for a period. */
export async function renderReport(p: StaffPage, search: string): Promise<void> {
  const asked = new URLSearchParams(search).get('period');
  const period = (reportPeriods as readonly string[]).includes(asked ?? '')
    ? (asked as ReportPeriod)
    : 'month';
  const [r, patterns] = await Promise.all([p.api.report(period), tipPatternsSection(p)]);
  const tabs = h(
    'nav',
    { class: 'filters', 'aria-label': 'ช่วงเวลา' },
    reportPeriods.map((k) =>
      h(
        'a',
        { href: staffPaths.report(p.slug, k), ...(k === period ? { 'aria-current': 'page' } : {}) },
        reportPeriodNames[k],
      ),
    ),
  );
  staffFrame(
    p,
    'รายงานสรุป',
    h('h1', {}, 'รายงานสรุปเรื่องร้องเรียน'),
    tabs,
    h(
      'p',
      { class: 'muted' },
      `${reportPeriodNames[r.period.kind]}: ${formatThaiDate(r.period.from)} – ${formatThaiDate(r.period.to)} · ข้อมูล ณ ${formatThaiDay(r.generatedAt)}`,
    ),
    h('section', { class: 'card' }, figures(r)),
    h(
      'section',
      { class: 'card' },
      table(
        'ผลการปิดเรื่อง',
        ['ผล', 'จำนวน'],
        caseOutcomes.map((o) => [outcomeNames[o], r.closed.byOutcome[o]]),
      ),
    ),
    h(
      'section',
      { class: 'card' },
      table(
        'เรื่องค้างตามสถานะ',
        ['สถานะ', 'จำนวน'],
        Object.entries(r.open.byStatus).map(([s, n]) => [statusNames[s as keyof typeof statusNames], n ?? 0]),
      ),
    ),
    h(
      'section',
      { class: 'card' },
      table(
        'เรื่องค้างตามหน่วยงาน',
        ['หน่วยงาน', 'ค้าง', 'เกินกำหนด'],
        r.byUnit.map((u) => [u.name, u.open, u.overdue]),
      ),
    ),
    h(
      'section',
      { class: 'card' },
      table(
        'เรื่องที่รับในช่วงนี้ตามหมวด',
        ['หมวด', 'ประเภท', 'จำนวน'],
        r.byCategory.map((c) => [c.name, trackNames[c.track].short, c.count]),
      ),
    ),
    patterns,
  );
}
