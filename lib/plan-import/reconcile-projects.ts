import type { Discrepancy } from '../../schema/contracts/plan-document';
import type { DetailSection } from './details';
import { projectEntry as entry } from './discrepancy';
import { kindOfName } from './names';
import type { DetailAmount } from './numbers';
import { reconcileNumbering } from './reconcile-numbering';
import { type ProjectRecord, viewDetail } from './records';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Whether a detail section's single amount agrees with the per-year figures of the summary table. */
function agrees(amount: DetailAmount, budget: number[], years: number[]): boolean {
  if (amount.perYear) {
    return years.every((y, i) => (amount.perYear?.[String(y)] ?? budget[i] ?? 0) === (budget[i] ?? 0));
  }
  const a = amount.amount ?? 0;
  const nonZero = budget.filter((v) => v !== 0);
  if (a === 0) return nonZero.length === 0;
  const sum = nonZero.reduce((x, y) => x + y, 0);
  return nonZero.length > 0 && (nonZero.every((v) => v === a) || sum === a);
}

const yearMap = (years: number[], values: number[]) =>
  Object.fromEntries(years.map((y, i) => [String(y), values[i] ?? 0]));

/** Checks each project against its detail section, the numbering, and the plan's years. */
export function reconcileProjects(
  records: ProjectRecord[],
  sections: DetailSection[],
  years: number[],
  numbering: 'plan' | 'mission',
): Discrepancy[] {
  const out: Discrepancy[] = [];
  out.push(...reconcileNumbering(records, sections, numbering));

  for (const r of records) {
    const view = viewDetail(r.detail);
    if (r.tableOrder === null) {
      out.push(
        entry(
          r,
          'missing-from-summary',
          `Detail section ${r.detail?.number ?? '?'} describes a project the summary table does not name; it is placed under mission ${r.missionCode} (its heading in the detail sections) and counted.`,
          view.name,
          null,
        ),
      );
    }
    if (
      r.tableOrder !== null &&
      numbering === 'plan' &&
      r.detail?.number != null &&
      r.detail.number !== Number(r.number)
    ) {
      out.push(
        entry(
          r,
          'numbering',
          `Project ${r.ref} of the summary table is "ลำดับที่ ${r.detail.number}" in the detail sections.`,
          r.detail.number,
          Number(r.number),
        ),
      );
    }
    if (r.budgetSource === 'summary' && view.amount && !agrees(view.amount, r.budget, years)) {
      out.push(
        entry(
          r,
          'detail-budget',
          `The detail section states ${fmt(view.amount.amount ?? 0)} baht ("${view.details.budgetText}"); the summary table gives ${years.map((y, i) => `${y}: ${fmt(r.budget[i] ?? 0)}`).join(', ')} (the table's figures are used).`,
          view.amount.amount,
          yearMap(years, r.budget),
        ),
      );
    }
    const tableKind = r.summaryName ? kindOfName(r.summaryName) : null;
    const detailKind = view.name ? kindOfName(view.name) : null;
    if (tableKind && detailKind && tableKind !== detailKind) {
      out.push(
        entry(
          r,
          'kind-mismatch',
          `The summary table names project ${r.ref} a ${tableKind} ("${r.summaryName}"); its detail section names it a ${detailKind} ("${view.name}").`,
          detailKind,
          tableKind,
        ),
      );
    }
  }

  for (const s of sections) {
    const keys = Object.keys(s.duplicates);
    if (keys.length === 0) continue;
    const owner = records.find((r) => r.detail === s) ?? null;
    const responsible = s.duplicates.responsible?.join(' ').trim();
    out.push(
      entry(
        owner,
        'detail-structure',
        `Detail section ${s.number ?? '?'} repeats the field heading(s) ${keys.join(', ')}; the repeated block has no section heading or name of its own` +
          (responsible ? ` (its responsible unit: "${responsible}")` : '') +
          ', so part of another section seems to be merged into it. The first copy is used.',
        keys,
        null,
      ),
    );
  }

  const outside = records.filter((r) => {
    const period = viewDetail(r.detail).details.period ?? '';
    const found = [...period.matchAll(/25\d\d/g)].map((m) => Number(m[0]));
    if (found.length === 0 || years.length === 0) return false;
    return Math.max(...found) < Math.min(...years) || Math.min(...found) > Math.max(...years);
  });
  if (outside.length > 0) {
    const periods = [...new Set(outside.map((r) => viewDetail(r.detail).details.period ?? ''))];
    out.push({
      kind: 'period-outside-plan',
      where: `projects ${outside.map((r) => r.ref).join(', ')}`,
      what: `${outside.length} detail section(s) give an operating period entirely outside the plan's fiscal years ${years[0]}–${years[years.length - 1]}.`,
      stated: periods,
      parsed: years,
      dimension: null,
      mission: null,
      projects: outside.map((r) => r.ref),
    });
  }
  return out;
}
