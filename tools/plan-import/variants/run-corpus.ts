import type { PlanDocument } from '../../../schema/contracts/plan-document';
import { normalizeDocument } from '../../../lib/plan-import/normalize';
import { parsePlan } from '../../../lib/plan-import/parse-plan';
import { buildVariant, type VariantSpec } from './build-variant';
import { planSignature, signatureDiff } from './compare';
import { variantSpecs } from './corpus';

/** The outcome of reading every variant of one seed plan. */
export interface CorpusResult {
  total: number;
  holding: number;
  /** One line per variant that does not hold: its id and the first differences. */
  failures: string[];
  /** Time spent parsing the variants (not building them), in milliseconds. */
  parseMs: number;
}

const hasSubMissions = (plan: PlanDocument) =>
  plan.dimensions.some((d) => d.missions.some((m) => m.projects.some((p) => p.subMissionCode !== null)));

/** How the variant must be read, beyond the signature: its numbering scope and whether it has sub-missions. */
function expectedShape(spec: VariantSpec, source: PlanDocument) {
  const numbering =
    spec.numbering === 'source' ? source.numbering : spec.numbering.startsWith('plan') ? 'plan' : 'mission';
  const sourceSubs = hasSubMissions(source);
  const subs =
    spec.subMissions === 'source'
      ? sourceSubs
      : spec.subMissions === 'toggle'
        ? !sourceSubs
        : spec.subMissions === 'with';
  return { numbering, subs };
}

/**
 * Builds every variant of a seed plan and reads it: a variant holds when it gives the source's signature
 * (dimensions, missions, projects, names, kinds, budgets, detail sections, totals) and is read as written
 * (numbering scope, sub-mission level), so a variant the parser silently read as the source cannot pass.
 */
export function runCorpus(sourceText: string, specs: VariantSpec[] = variantSpecs()): CorpusResult {
  const source = parsePlan(sourceText);
  const expected = planSignature(source);
  const normalized = normalizeDocument(sourceText);
  const failures: string[] = [];
  let parseMs = 0;
  for (const spec of specs) {
    let problems: string[];
    try {
      const text = buildVariant(sourceText, source, spec);
      if (normalizeDocument(text) === normalized) throw new Error('the variant is the source itself');
      const started = performance.now();
      const plan = parsePlan(text);
      parseMs += performance.now() - started;
      problems = signatureDiff(expected, planSignature(plan));
      const shape = expectedShape(spec, source);
      if (plan.numbering !== shape.numbering)
        problems.push(`numbered per ${plan.numbering}, not ${shape.numbering}`);
      if (hasSubMissions(plan) !== shape.subs)
        problems.push(`sub-mission level ${shape.subs ? 'lost' : 'invented'}`);
    } catch (error) {
      problems = [error instanceof Error ? error.message.slice(0, 300) : String(error)];
    }
    if (problems.length > 0) failures.push(`${spec.id}: ${problems.join('; ')}`);
  }
  return { total: specs.length, holding: specs.length - failures.length, failures, parseMs };
}
