import type { PlanSummary, ProjectFilters } from '../../../schema/contracts/plan-api';
import { h } from '../dom';

/** Filters as they appear in the page URL (?dimension=&mission=&year=&unit=&q=). */
export function filtersFromUrl(search: string): ProjectFilters {
  const params = new URLSearchParams(search);
  const int = (key: string) => {
    const value = Number(params.get(key));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const text = (key: string) => params.get(key)?.trim() || undefined;
  return {
    dimension: int('dimension'),
    mission: text('mission'),
    year: int('year'),
    unit: text('unit'),
    q: text('q'),
  };
}

function select(
  name: string,
  label: string,
  all: string,
  options: { value: string; label: string }[],
  current: string | undefined,
) {
  return h(
    'label',
    { class: 'field' },
    h('span', {}, label),
    h(
      'select',
      { name },
      h('option', { value: '' }, all),
      options.map((o) => h('option', { value: o.value, selected: o.value === current }, o.label)),
    ),
  );
}

/** The filter form; `onChange` gets the new filters whenever a field changes (search: after a pause). */
export function filterForm(
  summary: PlanSummary,
  current: ProjectFilters,
  onChange: (filters: ProjectFilters) => void,
): HTMLFormElement {
  const missions = summary.dimensions
    .filter((d) => current.dimension === undefined || d.number === current.dimension)
    .flatMap((d) => d.missions);
  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    h(
      'label',
      { class: 'field wide' },
      h('span', {}, 'ค้นหา'),
      h('input', {
        type: 'search',
        name: 'q',
        value: current.q ?? '',
        placeholder: 'ชื่อโครงการ หรือหน่วยงาน',
        enterkeyhint: 'search',
      }),
    ),
    select(
      'dimension',
      'มิติ',
      'ทุกมิติ',
      summary.dimensions.map((d) => ({ value: String(d.number), label: `มิติที่ ${d.number} ${d.name}` })),
      current.dimension?.toString(),
    ),
    select(
      'mission',
      'ภารกิจ',
      'ทุกภารกิจ',
      missions.map((m) => ({ value: m.code, label: `${m.code} ${m.name}` })),
      current.mission,
    ),
    select(
      'year',
      'ปีงบประมาณที่มีงบ',
      'ทุกปี',
      summary.plan.fiscalYears.map((y) => ({ value: String(y), label: `มีงบประมาณปี ${y}` })),
      current.year?.toString(),
    ),
    select(
      'unit',
      'หน่วยงานรับผิดชอบ',
      'ทุกหน่วยงาน',
      summary.units.map((u) => ({ value: u.unit, label: `${u.unit} (${u.projects})` })),
      current.unit,
    ),
  );
  const read = (): ProjectFilters => {
    const data = new FormData(form);
    const filters = filtersFromUrl(new URLSearchParams(data as unknown as Record<string, string>).toString());
    // A mission of another dimension cannot match: drop it when the dimension changes.
    const mission = summary.dimensions.flatMap((d) => d.missions.map((m) => ({ d: d.number, code: m.code })));
    if (
      filters.mission &&
      filters.dimension &&
      !mission.some((m) => m.code === filters.mission && m.d === filters.dimension)
    ) {
      filters.mission = undefined;
    }
    return filters;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).getAttribute('name') !== 'q') onChange(read());
  });
  form.addEventListener('input', (e) => {
    if ((e.target as HTMLElement).getAttribute('name') !== 'q') return;
    clearTimeout(timer);
    timer = setTimeout(() => onChange(read()), 400);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    (document.activeElement as HTMLElement | null)?.blur();
    onChange(read());
  });
  return form;
}
