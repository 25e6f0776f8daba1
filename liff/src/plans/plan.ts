import { type DimensionSummary, type PlanSummary, planSummary } from '../../../schema/contracts/plan-api';
import { cached, publicApi, read } from '../api';
import { budgetBars, maxAmount } from './chart';
import { discrepancySection } from './discrepancy';
import { h } from '../dom';
import { fiscalYearLabel, fiscalYearOf, formatBaht, formatNumber, kindBreakdown, yearSpan } from '../format';
import { page } from '../layout';
import { paths } from '../routes';
import { planPeriodNotice } from './period';

/** The plan's summary, shared by the overview and the project list (cached by the API client). */
export function loadSummary(org: string, plan: string): Promise<PlanSummary> {
  const param = { org: encodeURIComponent(org), planId: encodeURIComponent(plan) };
  return cached(`summary:${org}/${plan}`, () =>
    read(publicApi.api.orgs[':org'].plans[':planId'].summary.$get({ param }), planSummary),
  );
}

/** `links: false` for the upload preview: a plan not yet published has no pages to link to. */
function dimensionCard(
  summary: PlanSummary,
  dimension: DimensionSummary,
  scale: number,
  links: boolean,
): HTMLElement {
  const { org, plan } = summary;
  const statedCount = dimension.stated.projects;
  const link = (href: string, text: string) => (links ? h('a', { href }, text) : text);
  return h(
    'section',
    { class: 'card dimension-card', id: `d${dimension.number}` },
    h('p', { class: 'eyebrow' }, `มิติที่ ${dimension.number}`),
    h('h2', {}, link(paths.projects(org.slug, plan.id, { dimension: dimension.number }), dimension.name)),
    h(
      'p',
      { class: 'count' },
      h('strong', {}, `${formatNumber(dimension.projects)} รายการ`),
      ` (${kindBreakdown(dimension.kinds)})`,
      statedCount !== null && statedCount !== dimension.projects
        ? h('small', { class: 'stated' }, ` เอกสารระบุ ${formatNumber(statedCount)} รายการ`)
        : null,
    ),
    budgetBars(dimension.budget, plan.fiscalYears, scale, dimension.stated.budget),
    h('p', {}, `งบประมาณรวมทั้งแผน ${formatBaht(dimension.budgetTotal)}`),
    h(
      'details',
      {},
      h('summary', {}, `ภารกิจ ${dimension.missions.length} ด้าน`),
      h(
        'ul',
        { class: 'missions' },
        dimension.missions.map((m) =>
          h(
            'li',
            {},
            link(paths.projects(org.slug, plan.id, { mission: m.code }), `${m.code} ${m.name}`),
            h('span', { class: 'muted' }, ` · ${m.projects} รายการ · ${formatBaht(m.budgetTotal)}`),
          ),
        ),
      ),
    ),
    links
      ? h(
          'a',
          { class: 'button', href: paths.projects(org.slug, plan.id, { dimension: dimension.number }) },
          'ดูรายการในมิตินี้',
        )
      : null,
  );
}

/**
 * The plan page's content below its heading: totals, budget per fiscal year, one card per dimension and the
 * document's findings. Also the admin's upload preview (`links: false`), so it shows what the public will see.
 */
export function planOverview(summary: PlanSummary, links = true): (HTMLElement | null)[] {
  const { org, plan, totals, stated } = summary;
  const thisYear = fiscalYearOf(Date.now());
  const scale = maxAmount(summary.dimensions.map((d) => d.budget));
  return [
    h(
      'section',
      { class: 'card totals' },
      h('p', {}, h('strong', { class: 'big' }, formatNumber(totals.projects)), ' รายการ'),
      h('p', { class: 'muted' }, kindBreakdown(totals.kinds)),
      stated.projects !== null && stated.projects !== totals.projects
        ? h('p', { class: 'stated' }, `เอกสารระบุไว้ ${formatNumber(stated.projects)} รายการ`)
        : null,
      h('p', {}, 'งบประมาณรวมทั้งแผน ', h('strong', {}, formatBaht(totals.budgetTotal))),
      plan.fiscalYears.includes(thisYear)
        ? h(
            'p',
            {},
            `${fiscalYearLabel(thisYear)} (ปีปัจจุบัน) `,
            h('strong', {}, formatBaht(totals.budget[String(thisYear)] ?? 0)),
          )
        : null,
      budgetBars(totals.budget, plan.fiscalYears, maxAmount([totals.budget]), stated.budget),
      links
        ? h('a', { class: 'button', href: paths.projects(org.slug, plan.id) }, 'ดูและค้นหารายการทั้งหมด')
        : null,
    ),
    h('h2', { class: 'section-title' }, `${summary.dimensions.length} มิติของแผน`),
    ...summary.dimensions.map((d) => dimensionCard(summary, d, scale, links)),
    discrepancySection(summary.discrepancies),
  ];
}

/** "/o/<org>/plans/<plan>": the plan's overview (planOverview). */
export async function renderPlan(root: HTMLElement, orgSlug: string, planId: string): Promise<void> {
  const summary = await loadSummary(orgSlug, planId);
  const { org, plan } = summary;
  const span = yearSpan(plan.firstYear, plan.lastYear);
  page(root, {
    title: `แผนป้องกันการทุจริต ${span} ${org.name}`,
    crumbs: [
      { label: 'หน้าแรก', href: paths.orgs() },
      { label: org.name, href: paths.org(org.slug) },
    ],
    content: [
      h('h1', {}, `แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ ${span}`),
      h('p', { class: 'lead' }, org.name),
      planPeriodNotice(plan),
      ...planOverview(summary),
    ],
  });
}
