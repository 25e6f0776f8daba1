import type { ProjectListItem } from '../../../schema/contracts/plan-api';
import { h } from '../dom';
import { formatBaht, kindName } from '../format';
import { paths } from '../routes';

/** One row of the project list: kind and number, name, unit, and the budget that matters here. */
export function projectCard(
  org: string,
  plan: string,
  p: ProjectListItem,
  year: number | undefined,
): HTMLElement {
  const budget =
    year !== undefined
      ? `งบประมาณปี ${year}: ${formatBaht(p.budget[String(year)] ?? 0)}`
      : `งบประมาณรวม: ${formatBaht(p.budgetTotal)}`;
  return h(
    'li',
    {},
    h(
      'a',
      { class: 'card link-card project-card', href: paths.project(org, plan, p.id) },
      h(
        'span',
        { class: 'eyebrow' },
        `${kindName(p.kind)}ที่ ${p.ref} · มิติที่ ${p.dimension} · ภารกิจ ${p.mission}`,
      ),
      h('strong', {}, p.name),
      p.unitGroup || p.unit ? h('span', { class: 'muted' }, `ผู้รับผิดชอบ: ${p.unitGroup ?? p.unit}`) : null,
      h('span', { class: 'money' }, budget),
    ),
  );
}
