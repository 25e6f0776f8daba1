import { readFileSync, writeFileSync } from 'node:fs';
import { NotAPlanError, parsePlan } from '../../lib/plan-import/parse-plan';
import { planDocument } from '../../schema/contracts/plan-document';
import { DocumentReadError, readDocument } from '../../lib/plan-import/readers/read-document';

const USAGE = 'Usage: npm run --silent import-plan -- <document.txt|.docx|.pdf> [--out FILE]';

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let out: string | null = null;
  const at = args.indexOf('--out');
  if (at >= 0) {
    out = args[at + 1] ?? null;
    if (!out) {
      process.stderr.write(`--out needs a file name.\n${USAGE}\n`);
      return 1;
    }
    args.splice(at, 2);
  }
  const file = args[0];
  if (!file || args.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  let text: string;
  try {
    const read = await readDocument(new Uint8Array(readFileSync(file)), file);
    text = read.text;
    for (const warning of read.warnings) process.stderr.write(`${file}: ${warning}\n`);
  } catch (error) {
    if (error instanceof DocumentReadError) {
      process.stderr.write(`${file}: ${error.message}\n`);
      return 1;
    }
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Cannot read ${file}: ${reason}\n`);
    return 1;
  }
  try {
    const json = `${JSON.stringify(planDocument.parse(parsePlan(text)), null, 2)}\n`;
    if (out) writeFileSync(out, json);
    else process.stdout.write(json);
    return 0;
  } catch (error) {
    if (error instanceof NotAPlanError) {
      // The clerk who fixes the document reads Thai; the operator who reports it may not.
      process.stderr.write(`${file}:\n${error.diagnostic.thai}\n\n${error.diagnostic.english}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
