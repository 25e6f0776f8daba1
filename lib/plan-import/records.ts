import type { PlanProject, ProjectDetails, ProjectKind } from '../../schema/contracts/plan-document';
import { listItems, paragraph } from './detail-fields';
import type { DetailSection } from './details';
import { kindOfName, similarity, splitAlternateNames } from './names';
import { cleanFieldText, compactForCompare } from './normalize';
import { type DetailAmount, parseDetailBudget } from './numbers';

/** Everything known about one project before the output is assembled. */
export interface ProjectRecord {
  dimension: number;
  missionCode: string;
  subMissionCode: string | null;
  number: string;
  ref: string;
  /** Table order for projects listed in the summary table; null for detail-only ones. */
  tableOrder: number | null;
  summaryName: string | null;
  summaryAlternates: string[];
  detail: DetailSection | null;
  budget: number[];
  budgetSource: PlanProject['budgetSource'];
  tableUnit: string | null;
}

export interface DetailView {
  name: string | null;
  alternates: string[];
  amount: DetailAmount | null;
  details: ProjectDetails;
}

/** The details of a project whose document has no detail section. */
export const EMPTY_DETAILS: ProjectDetails = {
  name: null,
  rationale: null,
  objectives: [],
  targetGroup: null,
  area: null,
  methods: [],
  period: null,
  budgetText: null,
  budgetAmount: null,
  responsible: null,
  outputs: [],
  outcomes: [],
  indicators: [],
};

const text = (lines: string[] | undefined) => cleanFieldText(paragraph(lines) ?? '');
const oneLine = (lines: string[] | undefined) => text(lines)?.replace(/\n/g, ' ') ?? null;
const items = (lines: string[]) => listItems(lines).flatMap((item) => cleanFieldText(item) ?? []);

/** The detail section as output fields, with its name split from its alternate names and its amount read. */
export function viewDetail(section: DetailSection | null): DetailView {
  if (!section) return { name: null, alternates: [], amount: null, details: { ...EMPTY_DETAILS } };
  const f = section.fields;
  const rawName = oneLine(f.name);
  const split = rawName ? splitAlternateNames(rawName) : null;
  const budgetText = oneLine(f.budget);
  const amount = f.budget ? parseDetailBudget(budgetText ?? '') : null;
  return {
    name: split?.name || null,
    alternates: split?.alternateNames ?? [],
    amount: amount && amount.amount !== null ? amount : null,
    details: {
      name: split?.name || null,
      rationale: text(f.rationale),
      objectives: items(f.objectives ?? []),
      targetGroup: oneLine(f.targetGroup),
      area: oneLine(f.area),
      methods: items(f.methods ?? []),
      period: oneLine(f.period),
      budgetText,
      budgetAmount: amount?.amount ?? null,
      responsible: oneLine(f.responsible),
      outputs: items([...(f.results ?? []), ...(f.outputs ?? [])]),
      outcomes: items(f.outcomes ?? []),
      indicators: items(f.indicators ?? []),
    },
  };
}

/**
 * Alternate names from the detail section and the table, each once: the table's copy of a name the detail
 * section also gives (differing only by wrapped spaces or a typo) is dropped in favour of the detail's.
 */
export function mergeAlternates(fromDetail: string[], fromTable: string[]): string[] {
  const keys: string[] = [];
  const out: string[] = [];
  for (const name of [...fromDetail, ...fromTable]) {
    const key = compactForCompare(name);
    if (key === '' || keys.some((k) => similarity(k, key) >= 0.85)) continue;
    keys.push(key);
    out.push(name);
  }
  return out;
}

/** The project's kind: as the summary table names it, else as the detail section does, else a project. */
export function kindOf(record: ProjectRecord, view: DetailView): ProjectKind {
  return (
    (record.summaryName ? kindOfName(record.summaryName) : null) ??
    (view.name ? kindOfName(view.name) : null) ??
    'project'
  );
}
