import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// dev/shared is a copy of ../shared (LINE's OpenAPI files, the seed documents) so that a fresh clone
// runs on its own (dev/shared-files.ts). Beside a checkout that has ../shared, the copy must match it.
const root = path.resolve(import.meta.dirname, '..', '..');
const copy = path.join(root, 'dev', 'shared');
const original = path.resolve(root, '..', 'shared');

describe('the copy of ../shared in dev/shared', () => {
  it('holds what npm start and the tests read', () => {
    for (const file of ['line-openapi/messaging-api.yml', 'line-openapi/webhook.yml', 'line-openapi/LICENSE'])
      expect(existsSync(path.join(copy, file)), file).toBe(true);
    expect(readdirSync(path.join(copy, 'seeds')).filter((f) => f.endsWith('.txt'))).toHaveLength(4);
  });

  it.runIf(existsSync(original))('matches ../shared file for file', () => {
    for (const dir of ['line-openapi', 'seeds']) {
      const names = readdirSync(path.join(original, dir)).sort();
      expect(readdirSync(path.join(copy, dir)).sort(), dir).toEqual(names);
      for (const name of names)
        expect(
          readFileSync(path.join(copy, dir, name)).equals(readFileSync(path.join(original, dir, name))),
          name,
        ).toBe(true);
    }
  });
});
