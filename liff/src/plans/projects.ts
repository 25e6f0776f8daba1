import { type ProjectFilters, projectPage } from '../../../schema/contracts/plan-api';
import { cached, publicApi, read } from '../api';
import { h, replace } from '../dom';
import { formatNumber, yearSpan } from '../format';
import { page } from '../layout';
import { paths } from '../routes';
import { planPeriodNotice } from './period';
import { filterForm, filtersFromUrl } from './filters';
import { loadSummary } from './plan';
import { projectCard } from './project-card';

const PAGE_SIZE = 20;

function loadPage(org: string, plan: string, filters: ProjectFilters, cursor?: string) {
  const query: Record<string, string> = { limit: String(PAGE_SIZE) };
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) query[k] = String(v);
  if (cursor) query.cursor = cursor;
  const param = { org: encodeURIComponent(org), planId: encodeURIComponent(plan) };
  return cached(`projects:${org}/${plan}?${new URLSearchParams(query)}`, () =>
    read(publicApi.api.orgs[':org'].plans[':planId'].projects.$get({ param, query }), projectPage),
  );
}

/** "/o/<org>/plans/<plan>/projects?…": the filterable, searchable list; filters live in the URL. */
export async function renderProjects(root: HTMLElement, orgSlug: string, planId: string): Promise<void> {
  let filters = filtersFromUrl(location.search);
  const summary = await loadSummary(orgSlug, planId);
  const { org, plan } = summary;
  const results = h('div', { class: 'results', 'aria-live': 'polite' });

  let latest = 0;
  async function showList(): Promise<void> {
    const ticket = ++latest;
    results.setAttribute('aria-busy', 'true');
    const first = await loadPage(org.slug, plan.id, filters);
    // A newer filter change started meanwhile: its answer wins, whatever order they arrive in.
    if (ticket !== latest) return;
    const list = h('ul', { class: 'cards' });
    const more = h('div', {});
    const appendPage = (p: typeof first) => {
      list.append(...p.items.map((item) => projectCard(org.slug, plan.id, item, filters.year)));
      const next = p.nextCursor;
      replace(
        more,
        next
          ? h(
              'button',
              {
                type: 'button',
                class: 'button secondary',
                onclick: async () => appendPage(await loadPage(org.slug, plan.id, filters, next)),
              },
              'แสดงเพิ่มเติม',
            )
          : null,
      );
    };
    appendPage(first);
    const count = first.total === 0 ? 'ไม่พบรายการที่ตรงกับเงื่อนไข' : `พบ ${formatNumber(first.total)} รายการ`;
    replace(results, h('p', { class: 'result-count' }, count), list, more);
    results.removeAttribute('aria-busy');
  }

  const formBox = h('div', {});
  const onChange = (next: ProjectFilters) => {
    const dimensionChanged = next.dimension !== filters.dimension;
    filters = next;
    // replaceState: the URL stays deep-linkable without a history entry per keystroke.
    history.replaceState(null, '', paths.projects(org.slug, plan.id, { ...next }));
    // The mission choices depend on the dimension; rebuilding the form otherwise would steal focus.
    if (dimensionChanged) replace(formBox, filterForm(summary, filters, onChange));
    showList().catch(() => replace(results, h('p', { class: 'status' }, 'โหลดข้อมูลไม่สำเร็จ กรุณาลองอีกครั้ง')));
  };
  replace(formBox, filterForm(summary, filters, onChange));

  page(root, {
    title: `รายการโครงการ ${org.name}`,
    crumbs: [
      { label: 'หน้าแรก', href: paths.orgs() },
      { label: org.name, href: paths.org(org.slug) },
      { label: `แผน ${yearSpan(plan.firstYear, plan.lastYear)}`, href: paths.plan(org.slug, plan.id) },
    ],
    content: [h('h1', {}, 'โครงการ กิจกรรม และมาตรการ'), planPeriodNotice(plan), formBox, results],
  });
  await showList();
}
