import type { PlanAdminView } from '../../../schema/contracts/plan-upload';
import { h } from '../dom';
import { yearSpan } from '../format';

/**
 * When no published plan covers this fiscal year (the last one ended, or there is none), a notice asking
 * the admin for the current plan; otherwise null. On the admin page and the plan page.
 */
export function currentPlanPrompt(view: PlanAdminView): HTMLElement | null {
  const active = view.versions.filter((v) => v.status === 'active');
  const year = view.currentFiscalYear;
  if (active.some((v) => v.firstYear <= year && year <= v.lastYear)) return null;
  const latest = active[0];
  return h(
    'section',
    { class: 'card plan-ended', role: 'alert' },
    h('h2', {}, latest ? 'แผนที่เผยแพร่อยู่สิ้นสุดแล้ว' : 'ยังไม่มีแผนที่เผยแพร่'),
    h(
      'p',
      {},
      latest
        ? `แผนปีงบประมาณ ${yearSpan(latest.firstYear, latest.lastYear)} สิ้นสุดแล้ว ประชาชนจะเห็นว่าเป็นแผนที่สิ้นสุดแล้ว ` +
            `กรุณาอัปโหลดแผนปฏิบัติการป้องกันการทุจริตฉบับที่ครอบคลุมปีงบประมาณ ${year}`
        : `กรุณาอัปโหลดแผนปฏิบัติการป้องกันการทุจริตฉบับที่ครอบคลุมปีงบประมาณ ${year} เพื่อให้ประชาชนดูได้`,
    ),
  );
}
