import type { PlanDimension, PlanMission, PlanProject } from '../../schema/contracts/plan-document';
import type { AttributionResult } from './budgets';
import type { DetailParse } from './details';
import { splitAlternateNames } from './names';
import { cleanName, compactForCompare } from './normalize';
import { type ProjectRecord, kindOf, mergeAlternates, viewDetail } from './records';
import type { DraftProject, TableModel } from './table-structure';
import { expandAbbreviation } from './units';

export interface RecordInput {
  model: TableModel;
  details: DetailParse;
  /** Per table project (table order - 1), the matched detail section index or -1. */
  matches: number[];
  attribution: AttributionResult;
  refOf: (p: DraftProject) => string;
  numbering: 'plan' | 'mission';
}

/** Builds one record per project: the summary table's projects, then detail sections the table does not list. */
export function buildRecords(input: RecordInput): { records: ProjectRecord[]; notes: string[] } {
  const { model, details, matches, attribution } = input;
  const notes: string[] = [];
  const zero = () => model.years.map(() => 0);
  const records: ProjectRecord[] = model.projects.map((p, i) => {
    const split = splitAlternateNames(p.text);
    const a = attribution.byOrder.get(p.order);
    const d = matches[i] ?? -1;
    return {
      dimension: p.dimension,
      missionCode: p.missionCode,
      subMissionCode: p.subMissionCode,
      number: String(p.number),
      ref: input.refOf(p),
      tableOrder: p.order,
      summaryName: split.name,
      summaryAlternates: split.alternateNames,
      detail: d >= 0 ? (details.sections[d] ?? null) : null,
      budget: a?.budget ?? zero(),
      budgetSource: a?.source ?? 'none',
      tableUnit: a?.unit ?? null,
    };
  });
  const matched = new Set(matches.filter((d) => d >= 0));
  const missionCodes = new Set(model.dimensions.flatMap((d) => d.missions.map((m) => m.code)));
  const lastMission = (dimension: number | null) => {
    const dims = model.dimensions.filter((d) => dimension === null || d.number === dimension);
    return dims[dims.length - 1]?.missions.at(-1) ?? model.dimensions.at(-1)?.missions.at(-1) ?? null;
  };
  details.sections.forEach((section, index) => {
    if (matched.has(index) || !section.fields.name?.length) return;
    const mission =
      section.missionCode && missionCodes.has(section.missionCode)
        ? section.missionCode
        : (lastMission(section.dimension)?.code ?? null);
    if (!mission) return;
    const dimension = Number(mission.split('.')[0]);
    const number = section.number === null ? '?' : String(section.number);
    records.push({
      dimension,
      missionCode: mission,
      subMissionCode: section.subMissionCode,
      number,
      ref: input.numbering === 'plan' ? number : `${mission}(${number})`,
      tableOrder: null,
      summaryName: null,
      summaryAlternates: [],
      detail: section,
      budget: zero(),
      budgetSource: 'none',
      tableUnit: null,
    });
  });
  attachOrphans(records, input, notes);
  return { records, notes };
}

/**
 * Gives a mission's unnamed budget rows to the projects only its detail sections list, when their counts agree
 * (Lampang 4.3: two budget rows, no names in the table, two detail sections).
 */
function attachOrphans(records: ProjectRecord[], input: RecordInput, notes: string[]) {
  const byMission = new Map<string, ProjectRecord[]>();
  for (const r of records) {
    if (r.tableOrder !== null) continue;
    byMission.set(r.missionCode, [...(byMission.get(r.missionCode) ?? []), r]);
  }
  for (const [mission, detailOnly] of byMission) {
    const orphans = input.attribution.orphans.filter((o) => o.missionCode === mission);
    if (orphans.length !== detailOnly.length) continue;
    detailOnly.forEach((r, i) => {
      r.budget = orphans[i]!.slot;
      r.budgetSource = 'summary';
      r.tableUnit = orphans[i]!.unit;
    });
    notes.push(
      `Mission ${mission}: its ${orphans.length} budget row(s) without a project name were given, in order, to ` +
        `project(s) ${detailOnly.map((r) => r.ref).join(', ')}, which only the detail sections list.`,
    );
    input.attribution.orphans = input.attribution.orphans.filter((o) => o.missionCode !== mission);
  }
}

function headingName(tableName: string, detailName: string | undefined): string {
  const table = cleanName(tableName);
  if (!detailName) return table;
  const detail = cleanName(detailName);
  return compactForCompare(detail).length >= compactForCompare(table).length * 0.8 ? detail : table;
}

/** Lays the records out as dimensions → missions → projects, numbering them 1..N in that order. */
export function assembleDimensions(
  records: ProjectRecord[],
  model: TableModel,
  details: DetailParse,
  introNames: Map<number, string>,
  text: string,
): PlanDimension[] {
  let sequence = 0;
  const project = (r: ProjectRecord): PlanProject => {
    const view = viewDetail(r.detail);
    const unit = r.tableUnit ?? view.details.responsible;
    return {
      sequence: ++sequence,
      number: r.number,
      ref: r.ref,
      name: view.name ?? r.summaryName ?? '',
      summaryName: r.summaryName,
      alternateNames: mergeAlternates(view.alternates, r.summaryAlternates),
      kind: kindOf(r, view),
      subMissionCode: r.subMissionCode,
      budget: Object.fromEntries(model.years.map((y, i) => [String(y), r.budget[i] ?? 0])),
      budgetSource: r.budgetSource,
      unit,
      unitExpanded: r.tableUnit ? expandAbbreviation(text, r.tableUnit) : null,
      // Filled from the whole plan's unit names once every project is known (./unit-groups.ts).
      unitGroup: null,
      listedIn: r.tableOrder === null ? 'detail' : 'summary',
      detailNumber: r.detail?.number ?? null,
      details: view.details,
    };
  };
  return model.dimensions.map((dim) => ({
    number: dim.number,
    name: cleanName(details.dimensionNames.get(dim.number) ?? introNames.get(dim.number) ?? dim.name),
    missions: dim.missions.map(
      (m): PlanMission => ({
        code: m.code,
        name: headingName(m.name, details.headingNames.get(m.code)),
        subMissions: subMissionsOf(m.code, m.subMissions, details, records),
        projects: orderInMission(records.filter((r) => r.missionCode === m.code)).map(project),
      }),
    ),
  }));
}

function subMissionsOf(
  mission: string,
  fromTable: { code: string; name: string }[],
  details: DetailParse,
  records: ProjectRecord[],
): { code: string; name: string }[] {
  const list = fromTable.map((s) => ({
    code: s.code,
    name: headingName(s.name, details.headingNames.get(s.code)),
  }));
  const codes = new Set(list.map((s) => s.code));
  const extra = [...details.headingNames.keys(), ...records.map((r) => r.subMissionCode ?? '')].filter(
    (c) => c.startsWith(`${mission}.`) && c.split('.').length === 3 && !codes.has(c),
  );
  for (const code of new Set(extra))
    list.push({ code, name: cleanName(details.headingNames.get(code) ?? '') });
  return list.sort((a, b) => Number(a.code.split('.')[2]) - Number(b.code.split('.')[2]));
}

/** Table projects in table order; a detail-only project goes after the last project with a lower section number. */
function orderInMission(records: ProjectRecord[]): ProjectRecord[] {
  const out = records.filter((r) => r.tableOrder !== null);
  for (const r of records.filter((x) => x.tableOrder === null)) {
    const n = r.detail?.number ?? Number.POSITIVE_INFINITY;
    let at = out.length;
    while (at > 0 && (out[at - 1]!.detail?.number ?? 0) > n) at--;
    out.splice(at, 0, r);
  }
  return out;
}
