import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedsDir } from '../dev/shared-files';
import { parsePlan } from '../lib/plan-import/parse-plan';
import { runCorpus } from '../tools/plan-import/variants/run-corpus';
import { quantile } from './stats';

/**
 * Time to parse each seed plan's text with `parsePlan` (normalising, table, details, matching, budgets,
 * reconciliation and the zod check), the work the admin upload page will do in the browser. The first call
 * is reported apart because it includes compiling the parser; the rest are BENCH_RUNS warm runs.
 * Then the variant corpus of each seed: how many variants hold and their mean parse time.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SEEDS = ['000_b2f7f43f58537435.txt', '002_2459aad492833dd5.txt', '004_d79bb15a77856305.txt'];
const ms = (n: number) => n.toFixed(1);

console.log(
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${RUNS} warm runs`,
);
console.log('| seed | text | projects | first call ms | median ms | p90 ms | min ms |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const seed of SEEDS) {
  const text = readFileSync(path.join(seedsDir(), seed), 'utf8');
  const t0 = performance.now();
  const plan = parsePlan(text);
  const first = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    parsePlan(text);
    times.push(performance.now() - started);
  }
  const kb = Math.round(Buffer.byteLength(text) / 1000);
  const projects = plan.parsedTotals.projects;
  console.log(
    `| ${seed.slice(0, 3)} | ${kb} kB | ${projects} | ${ms(first)} | ${ms(quantile(times, 0.5))} | ` +
      `${ms(quantile(times, 0.9))} | ${ms(Math.min(...times))} |`,
  );
}

console.log('\n| seed | variants holding | mean parse ms per variant |');
console.log('| --- | ---: | ---: |');
for (const seed of SEEDS) {
  const result = runCorpus(readFileSync(path.join(seedsDir(), seed), 'utf8'));
  console.log(
    `| ${seed.slice(0, 3)} | ${result.holding} of ${result.total} | ${ms(result.parseMs / result.total)} |`,
  );
  for (const failure of result.failures) console.log(`  does not hold: ${failure}`);
}
