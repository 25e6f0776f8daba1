import {
  type TipPatterns,
  tipPatternKindNames,
  tipPatternKinds,
} from '../../../schema/contracts/staff-report';
import { formatThaiDate } from '../../../lib/thai-date';
import { h } from '../dom';
import { formatNumber } from '../format';
import type { StaffPage } from './staff-page';

function groups(t: TipPatterns): HTMLElement[] {
  return tipPatternKinds.flatMap((kind) => {
    const items = t.items.filter((i) => i.kind === kind);
    if (items.length === 0) return [];
    return [
      h(
        'div',
        { 'data-kind': kind },
        h('h3', {}, tipPatternKindNames[kind]),
        h(
          'ul',
          {},
          items.map((i) => h('li', {}, `${i.name}: `, h('strong', {}, `${formatNumber(i.count)} เรื่อง`))),
        ),
      ),
    ];
  });
}

/**
 * The report page's section for integrity officers: where two or more tips of the last twelve months
 * point (a unit, a category, the role involved, a plan project), counts only. Null for other roles,
 * whom the API refuses anyway (worker/http/routes/staff-report.ts).
 */
export async function tipPatternsSection(p: StaffPage): Promise<HTMLElement | null> {
  if (!p.me.staff.roles.includes('integrity')) return null;
  const t = await p.api.tipPatterns();
  const found = groups(t);
  return h(
    'section',
    { class: 'card tip-patterns', 'data-section': 'tip-patterns' },
    h('h2', {}, 'เบาะแสที่ชี้ไปที่เดียวกัน (12 เดือนล่าสุด)'),
    h(
      'p',
      { class: 'muted' },
      `ตั้งแต่ ${formatThaiDate(t.since)} นับเฉพาะที่มีตั้งแต่ 2 เรื่องขึ้นไป แสดงเพียงจำนวน ไม่แสดงเรื่องหรือผู้แจ้ง`,
    ),
    ...(found.length > 0 ? found : [h('p', {}, 'ยังไม่มีเบาะแสที่ชี้ไปที่เดียวกัน')]),
  );
}
