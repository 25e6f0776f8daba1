import type { Discrepancy } from '../../schema/contracts/plan-document';
import type { ProjectRecord } from './records';

/** A discrepancy about one project (or, with null, about the detail sections as a whole). */
export function projectEntry(
  r: ProjectRecord | null,
  kind: Discrepancy['kind'],
  what: string,
  stated: Discrepancy['stated'],
  parsed: Discrepancy['parsed'],
): Discrepancy {
  const where = r
    ? `dimension ${r.dimension} / mission ${r.missionCode} / project ${r.ref}` +
      (r.detail?.number != null ? ` (detail section ${r.detail.number})` : '')
    : 'detail sections';
  return {
    kind,
    where,
    what,
    stated,
    parsed,
    dimension: r?.dimension ?? null,
    mission: r?.missionCode ?? null,
    projects: r ? [r.ref] : [],
  };
}
