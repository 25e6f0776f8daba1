import { loadOrg } from '../org-detail';
import { h } from '../dom';
import { formatBaht, formatNumber, yearSpan } from '../format';
import { page } from '../layout';
import { paths } from '../routes';
import { planPeriodBadge } from './period';

/** "/o/<org>": the organisation's home: its plans, and (later) complaint statistics. */
export async function renderOrg(root: HTMLElement, slug: string): Promise<void> {
  const { org, liffId, plans } = await loadOrg(slug);
  page(root, {
    title: org.name,
    crumbs: [{ label: 'หน้าแรก', href: paths.orgs() }],
    content: [
      h('h1', {}, org.name),
      h('p', { class: 'lead' }, `จังหวัด${org.province}`),
      // The form needs a LINE login through the organisation's LIFF app.
      liffId
        ? h(
            'section',
            { class: 'card' },
            h('h2', {}, 'แจ้งเรื่องร้องเรียน'),
            h('a', { class: 'button', href: paths.complaint(org.slug, 'corruption') }, 'ร้องเรียนการทุจริต'),
            h('a', { class: 'button secondary', href: paths.complaint(org.slug, 'general') }, 'ร้องทุกข์ทั่วไป'),
          )
        : null,
      // The API lists the current plan first, then upcoming, then ended ones.
      h('h2', {}, 'แผนปฏิบัติการป้องกันการทุจริต'),
      plans.length === 0
        ? h('p', { class: 'card muted' }, 'หน่วยงานนี้ยังไม่ได้เผยแพร่แผนป้องกันการทุจริตในระบบ')
        : h(
            'ul',
            { class: 'cards' },
            plans.map((plan) =>
              h(
                'li',
                {},
                h(
                  'a',
                  { class: 'card link-card plan-card', href: paths.plan(org.slug, plan.id) },
                  h('strong', {}, `ปีงบประมาณ ${yearSpan(plan.firstYear, plan.lastYear)}`),
                  planPeriodBadge(plan),
                  plan.title ? h('span', { class: 'muted' }, plan.title) : null,
                  h(
                    'span',
                    {},
                    `${formatNumber(plan.projects)} รายการ · งบประมาณรวม ${formatBaht(plan.budgetTotal)}`,
                  ),
                ),
              ),
            ),
          ),
      h('h2', {}, 'สถิติเรื่องร้องเรียน'),
      h('p', { class: 'card muted' }, 'เร็ว ๆ นี้: สถิติเรื่องร้องเรียนและการดำเนินการของหน่วยงาน'),
    ],
  });
}
