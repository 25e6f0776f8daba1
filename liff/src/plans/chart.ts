import type { BudgetByYear } from '../../../schema/contracts/plan-api';
import { h } from '../dom';
import { formatNumber } from '../format';

/**
 * Budget per fiscal year as horizontal CSS bars (no chart library: a few divs are all a phone needs).
 * `max` scales every chart of a page alike so dimensions compare at a glance. Figures stay readable as
 * text; the stated figure of the document is shown beside a year where it differs.
 */
export function budgetBars(
  budget: BudgetByYear,
  years: number[],
  max: number,
  stated?: BudgetByYear | null,
): HTMLElement {
  return h(
    'div',
    { class: 'bars' },
    years.map((year) => {
      const amount = budget[String(year)] ?? 0;
      const claimed = stated?.[String(year)];
      const width = max > 0 ? Math.max(amount > 0 ? 2 : 0, (amount / max) * 100) : 0;
      return h(
        'div',
        { class: 'bar-row' },
        h('span', { class: 'bar-year' }, String(year)),
        h('span', { class: 'bar-track' }, h('span', { class: 'bar', style: `width:${width.toFixed(1)}%` })),
        h(
          'span',
          { class: 'bar-value' },
          amount > 0 ? formatNumber(amount) : '–',
          claimed !== undefined && claimed !== amount
            ? h('small', { class: 'stated' }, ` (เอกสารระบุ ${formatNumber(claimed)})`)
            : null,
        ),
      );
    }),
    h('p', { class: 'bars-note' }, 'หน่วย: บาท'),
  );
}

/** The largest yearly amount among several budgets (the common scale of a page's charts). */
export function maxAmount(budgets: BudgetByYear[]): number {
  return Math.max(0, ...budgets.flatMap((b) => Object.values(b)));
}
