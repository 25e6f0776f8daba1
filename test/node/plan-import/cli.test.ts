import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedsDir } from '../../../dev/shared-files';
import { planDocument } from '../../../schema/contracts/plan-document';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seed = (name: string) => path.join(seedsDir(), name);
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'tools/plan-import/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

describe('import-plan command', () => {
  it('prints the plan as JSON and exits 0', () => {
    const result = run(seed('000_b2f7f43f58537435.txt'));
    expect(result.status).toBe(0);
    const plan = planDocument.parse(JSON.parse(result.stdout));
    expect(plan.parsedTotals.projects).toBe(41);
  });

  it('writes the file given with --out', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'plan-')), 'plan.json');
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'tools/plan-import/cli.ts', seed('002_2459aad492833dd5.txt'), '--out', out],
      {
        cwd: root,
      },
    );
    expect(JSON.parse(readFileSync(out, 'utf8')).organization.name).toBe('เทศบาลนครตรัง');
  });

  it('exits 2 with a clear message for a document that is not a plan', () => {
    const result = run(seed('003_7c4b20649499da96.txt'));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/not an anti-corruption action plan/);
    expect(result.stderr).toMatch(/อ่านเอกสารนี้เป็นแผนปฏิบัติการป้องกันการทุจริตไม่ได้/);
    expect(result.stderr).toMatch(/Reading stopped at the end of the document\./);
  });

  it('exits 2 and says in Thai and English where a damaged table stopped it', () => {
    const lines = readFileSync(seed('000_b2f7f43f58537435.txt'), 'utf8').split('\n');
    lines[158] = lines[158]!.replace(/\t+/g, ' ');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'plan-')), 'damaged.txt');
    writeFileSync(file, lines.join('\n'));
    const result = run(file);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/ตารางสรุปเสียหาย/);
    expect(result.stderr).toMatch(/หยุดอ่านที่บรรทัด 159: "3\. การส่งเสริม/);
    expect(result.stderr).toMatch(
      /Found: the summary table header at line 137; 2 dimension\(s\), 6 mission\(s\), 11 table row\(s\), 29 project\(s\)\./,
    );
    expect(result.stderr).toMatch(/Reading stopped at line 159: "3\. การส่งเสริม/);
  });

  it('exits 1 for a file it cannot read', () => {
    const result = run(path.join(tmpdir(), 'no-such-plan.txt'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Cannot read/);
  });
});
