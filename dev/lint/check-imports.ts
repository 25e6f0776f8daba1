import fs from 'node:fs';
import path from 'node:path';
import { checkImports, listCheckedFiles } from './import-rules';

// `npm run lint` runs this: the import rule and the no-cycle rule (dev/lint/import-rules.ts).
const root = process.argv[2] ? path.resolve(process.argv[2]) : process.cwd();
const files = listCheckedFiles(root);
const violations = checkImports(files, (f) => fs.readFileSync(path.join(root, f), 'utf8'));
for (const v of violations) console.error(`${v.file}: ${v.message}`);
if (violations.length > 0) {
  console.error(
    `${violations.length} import rule violation(s) in ${files.length} files (see README "Architecture")`,
  );
  process.exit(1);
}
console.log(`imports: ${files.length} files follow the layer rule, no cycles`);
