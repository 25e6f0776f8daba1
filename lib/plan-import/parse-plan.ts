import type { Discrepancy, PlanDocument } from '../../schema/contracts/plan-document';
import { assembleDimensions, buildRecords } from './assemble';
import { attributeBudgets } from './budgets';
import { parseDetailSections } from './details';
import { diagnoseMissingTable, diagnoseTable } from './diagnose';
import { NotAPlanError } from './errors';
import { matchDetails, matchKey } from './match';
import { readMetadata } from './metadata';
import { kindOfName, splitAlternateNames } from './names';
import { normalizeDocument } from './normalize';
import { projectRefs } from './numbering';
import type { DetailAmount } from './numbers';
import { explainGroupedBudgets, fiscalYearIssues, orphanIssues } from './plan-issues';
import { reconcileProjects } from './reconcile-projects';
import { computeTotals, reconcileTotals } from './reconcile-totals';
import { viewDetail } from './records';
import { collectStated, readIntroFigures } from './stated';
import { findSummaryTable } from './summary-table';
import { buildTableModel } from './table-structure';
import { withUnitGroups } from './unit-groups';

export { NotAPlanError } from './errors';

/**
 * Reads a converted anti-corruption action plan (plain text, tables as tab-separated rows) into a validated
 * `PlanDocument`: structure from the summary table, details from the per-project sections, and every place
 * where the document contradicts itself listed in `discrepancies`. Throws `NotAPlanError`, with a diagnostic in
 * Thai and English, when the text has no summary table of dimensions, missions and projects, or its table
 * gives no project or has a row that lost its cells.
 */
export function parsePlan(text: string): PlanDocument {
  const lines = normalizeDocument(text).split('\n');
  const table = findSummaryTable(lines);
  if (!table) throw new NotAPlanError(diagnoseMissingTable(lines));
  const model = buildTableModel(table);
  const unreadable = diagnoseTable(lines, table, model);
  if (unreadable) throw new NotAPlanError(unreadable);
  const meta = readMetadata(lines);
  const intro = readIntroFigures(lines, table.rows[0]?.line ?? 0);
  const introNames = new Map([...intro.byDimension].map(([n, v]) => [n, v.name]));
  const details = parseDetailSections(lines, table.endLine, {
    dimensions: model.dimensions.map((d) => ({ number: d.number, name: introNames.get(d.number) ?? d.name })),
    headings: model.dimensions.flatMap((d) => d.missions.flatMap((m) => [m, ...m.subMissions])),
  });

  const numbering = model.scheme.scope;
  const refOf = projectRefs(model.projects, numbering);
  const org = meta.organization;
  const matches = matchDetails(
    model.projects.map((p) => ({
      key: matchKey(splitAlternateNames(p.text).name, org),
      number: p.number,
      missionCode: p.missionCode,
    })),
    details.sections.map((s) => ({
      key: matchKey(viewDetail(s).name ?? '', org),
      number: s.number,
      missionCode: s.missionCode,
    })),
    numbering === 'plan',
  );
  const detailAmounts = new Map<number, DetailAmount>();
  model.projects.forEach((p, i) => {
    const section = details.sections[matches[i] ?? -1];
    const amount = section ? viewDetail(section).amount : null;
    if (amount) detailAmounts.set(p.order, amount);
  });
  const attribution = attributeBudgets({
    years: model.years,
    segments: model.segments,
    detailAmounts,
    refOf,
  });
  const { records, notes } = buildRecords({ model, details, matches, attribution, refOf, numbering });
  const dimensions = withUnitGroups(
    assembleDimensions(records, model, details, introNames, lines.join('\n')),
    org,
  );
  const parsedTotals = computeTotals(dimensions, model.years);
  const { stated, discrepancies: statedIssues } = collectStated(model, intro);

  const totalIssues = reconcileTotals(stated, parsedTotals, model.years);
  explainGroupedBudgets(attribution.discrepancies, stated, totalIssues);
  const discrepancies: Discrepancy[] = [
    ...statedIssues,
    ...totalIssues,
    ...attribution.discrepancies,
    ...reconcileProjects(records, details.sections, model.years, numbering),
    ...orphanIssues(attribution.orphans, model.years),
    ...fiscalYearIssues(meta.span, model.years),
  ];
  const unnamedKinds = dimensions
    .flatMap((d) => d.missions.flatMap((m) => m.projects))
    .filter((p) => !kindOfName(p.summaryName ?? '') && !kindOfName(p.name))
    .map((p) => p.ref);
  const allNotes = [
    `Projects are numbered ${numbering === 'plan' ? 'across the whole plan' : 'within each mission'}.`,
    ...(model.unnumbered > 0
      ? [`${model.unnumbered} project(s) have no number in the summary table; they were numbered in order.`]
      : []),
    ...attribution.notes,
    ...notes,
    ...(unnamedKinds.length > 0
      ? [
          `Project(s) ${unnamedKinds.join(', ')} name no kind (โครงการ/กิจกรรม/มาตรการ); they are counted as projects.`,
        ]
      : []),
  ];
  // Typed, not validated here: the admin's browser would otherwise load all of zod for a check the Worker
  // makes on upload anyway (the operator's command and the seed generator validate before writing).
  const doc: PlanDocument = {
    title: meta.title,
    organization: { name: meta.organization, province: meta.province },
    fiscalYearSpan: meta.span,
    fiscalYears: model.years,
    numbering,
    dimensions,
    stated,
    parsedTotals,
    discrepancies,
    notes: allNotes,
  };
  return doc;
}
