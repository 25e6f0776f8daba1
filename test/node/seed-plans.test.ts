import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoPlanSources } from '../../dev/seed/demo-plan-sources';
import { planJsonText } from '../../dev/seed/generate-plans';
import { seedsDir } from '../../dev/shared-files';
import { parsePlan } from '../../lib/plan-import/parse-plan';
import { planDocument } from '../../schema/contracts/plan-document';

const root = path.resolve(import.meta.dirname, '..', '..');

// The committed demo plans are the importer's output, byte for byte. When the importer changes, run
// `npm run seed:plans` and commit the JSON together with the change.
describe('dev/seed/plans/*.json is in sync with the importer', () => {
  it.each(demoPlanSources.map((s) => [s.slug, s.seed]))('%s (from %s)', (slug, seed) => {
    const committed = readFileSync(path.join(root, 'dev', 'seed', 'plans', `${slug}.json`), 'utf8');
    const imported = parsePlan(readFileSync(path.join(seedsDir(), seed), 'utf8'));
    expect(JSON.parse(committed), 'run `npm run seed:plans`').toEqual(imported);
    expect(committed).toBe(planJsonText(imported));
    // The importer's output is exactly the contract (nothing extra to strip): what the Worker accepts on upload.
    expect(planDocument.strict().parse(imported)).toEqual(imported);
  });
});
