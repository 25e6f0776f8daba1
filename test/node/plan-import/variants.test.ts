import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsDir } from '../../../dev/shared-files';
import { runCorpus } from '../../../tools/plan-import/variants/run-corpus';

/** The three seed plans; the fourth seed (003) is an ITA report, not a plan. */
const SEEDS = ['000_b2f7f43f58537435.txt', '002_2459aad492833dd5.txt', '004_d79bb15a77856305.txt'];

describe('variant corpus: each seed plan rewritten every way the templates allow reads as its source', () => {
  it.each(SEEDS)('%s', (seed) => {
    const result = runCorpus(readFileSync(path.join(seedsDir(), seed), 'utf8'));
    console.log(
      `variant corpus ${seed.slice(0, 3)}: ${result.holding} of ${result.total} variants hold ` +
        `(parsing took ${Math.round(result.parseMs)} ms)`,
    );
    expect(result.failures).toEqual([]);
    expect(result.total).toBeGreaterThanOrEqual(30);
  });
});
