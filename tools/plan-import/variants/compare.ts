import type { PlanDocument } from '../../../schema/contracts/plan-document';

/**
 * What must not change when a plan is only written differently: its dimensions and missions, and each
 * project's place, name, kind, budget and detail section, with the totals stated and computed. Numbers, references, sub-missions
 * and numbering-related discrepancies are left out: the variants change them on purpose. Spaces are dropped
 * from names because a name split across a page is joined with one.
 */
export function planSignature(plan: PlanDocument) {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  return {
    dimensions: plan.dimensions.map((d) => ({
      number: d.number,
      name: squeeze(d.name),
      missions: d.missions.map((m) => `${m.code} ${squeeze(m.name)}`),
    })),
    projects: plan.dimensions.flatMap((d) =>
      d.missions.flatMap((m) =>
        m.projects.map((p) => ({
          mission: m.code,
          name: squeeze(p.name),
          kind: p.kind,
          budget: p.budget,
          detail: p.detailNumber,
        })),
      ),
    ),
    stated: plan.stated,
    parsedTotals: plan.parsedTotals,
  };
}

/** The first differences between two signatures, as readable lines (empty when they agree). */
export function signatureDiff(expected: unknown, actual: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 5) return out;
  if (typeof expected !== 'object' || expected === null || typeof actual !== 'object' || actual === null) {
    if (expected !== actual) out.push(`${path}: ${JSON.stringify(expected)} → ${JSON.stringify(actual)}`);
    return out;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    signatureDiff(
      (expected as Record<string, unknown>)[key],
      (actual as Record<string, unknown>)[key],
      `${path}.${key}`,
      out,
    );
  }
  return out;
}
