import type { PlanInfo } from '../../../schema/contracts/plan-api';
import { h } from '../dom';
import { yearSpan } from '../format';

/**
 * The notice heading a plan's pages when its period is not the current one: "แผนนี้สิ้นสุดแล้ว
 * (ปีงบประมาณ 2562–2564)", or that it has not begun. Null for the current plan.
 */
export function planPeriodNotice(plan: PlanInfo): HTMLElement | null {
  const span = `ปีงบประมาณ ${yearSpan(plan.firstYear, plan.lastYear)}`;
  if (plan.status === 'ended')
    return h('p', { class: 'period-notice', role: 'note' }, `แผนนี้สิ้นสุดแล้ว (${span})`);
  if (plan.status === 'upcoming')
    return h('p', { class: 'period-notice', role: 'note' }, `แผนนี้ยังไม่เริ่มใช้ (${span})`);
  return null;
}

/** The badge of a plan in a list: current or ended (an upcoming plan says so too). */
export function planPeriodBadge(plan: PlanInfo): HTMLElement {
  const label = { current: 'แผนปัจจุบัน', ended: 'สิ้นสุดแล้ว', upcoming: 'ยังไม่เริ่มใช้' }[plan.status];
  return h('span', { class: `badge period-${plan.status}` }, label);
}
