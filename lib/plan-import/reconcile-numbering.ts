import type { Discrepancy } from '../../schema/contracts/plan-document';
import type { DetailSection } from './details';
import { projectEntry as entry } from './discrepancy';
import { checkNumbering } from './numbering';
import type { ProjectRecord } from './records';

/**
 * Checks the numbering of the summary table (plan-wide or per mission) and of the detail sections, and lists
 * table projects no detail section describes. A gap in the detail numbering that is exactly such a project is
 * reported once, as the missing detail.
 */
export function reconcileNumbering(
  records: ProjectRecord[],
  sections: DetailSection[],
  numbering: 'plan' | 'mission',
): Discrepancy[] {
  const out: Discrepancy[] = [];
  const table = records.filter((r) => r.tableOrder !== null);

  for (const issue of checkNumbering(
    table.map((r) => ({ number: Number(r.number), scope: numbering === 'plan' ? 'plan' : r.missionCode })),
  )) {
    const r = table[issue.index]!;
    const scope = issue.scope === 'plan' ? 'the plan' : `mission ${issue.scope}`;
    const verb =
      issue.problem === 'repeat' ? 'repeats' : issue.problem === 'skip' ? 'skips' : 'goes backwards';
    out.push(
      entry(
        r,
        'numbering',
        `The summary table's numbering in ${scope} ${verb}: item ${r.ref} is numbered ${issue.written} where ${issue.expected} comes next.`,
        issue.sequence,
        issue.expectedSequence,
      ),
    );
  }

  const missingDetail = sections.length > 0 ? table.filter((r) => r.detail === null) : [];
  const explained = new Set(missingDetail.map((r) => (numbering === 'plan' ? Number(r.number) : Number.NaN)));
  const numbered = sections.filter((s) => s.number !== null);
  for (const issue of checkNumbering(numbered.map((s) => ({ number: s.number!, scope: 'details' })))) {
    const gap = Array.from(
      { length: Math.max(0, issue.written - issue.expected) },
      (_, k) => issue.expected + k,
    );
    if (issue.problem === 'skip' && gap.every((n) => explained.has(n))) continue;
    const verb =
      issue.problem === 'repeat' ? 'repeats' : issue.problem === 'skip' ? 'skips' : 'goes backwards';
    out.push(
      entry(
        null,
        'numbering',
        `The detail sections' numbering ${verb}: "ลำดับที่ ${issue.written}" where ${issue.expected} comes next.`,
        issue.sequence,
        issue.expectedSequence,
      ),
    );
  }

  for (const r of missingDetail) {
    const gap = numbering === 'plan' && !numbered.some((s) => s.number === Number(r.number));
    const merged = gap
      ? sections.find((s) => s.number === Number(r.number) - 1 && Object.keys(s.duplicates).length > 0)
      : undefined;
    out.push(
      entry(
        r,
        'missing-detail',
        `The summary table lists project ${r.ref} but no detail section describes it` +
          (gap ? ` (the detail sections have no "ลำดับที่ ${r.number}")` : '') +
          (merged
            ? `; the fields repeated at the end of detail section ${merged.number} may be its remains.`
            : '.'),
        r.summaryName,
        null,
      ),
    );
  }

  return out;
}
