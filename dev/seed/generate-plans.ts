import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '../../lib/plan-import/parse-plan';
import { planDocument } from '../../schema/contracts/plan-document';
import { seedsDir } from '../shared-files';
import { demoPlanSources } from './demo-plan-sources';

/** The committed JSON text of a plan: exactly what `npm run import-plan` prints. */
export function planJsonText(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// `npm run seed:plans`: re-imports every demo plan from its seed document into dev/seed/plans/<slug>.json.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, '..', '..');
  for (const { slug, seed } of demoPlanSources) {
    const doc = planDocument.parse(parsePlan(readFileSync(path.join(seedsDir(), seed), 'utf8')));
    const out = path.join(import.meta.dirname, 'plans', `${slug}.json`);
    writeFileSync(out, planJsonText(doc));
    const projects = doc.dimensions.flatMap((d) => d.missions.flatMap((m) => m.projects)).length;
    console.log(
      `${slug}: ${projects} projects, ${doc.discrepancies.length} discrepancies → ${path.relative(root, out)}`,
    );
  }
}
