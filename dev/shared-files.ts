import path from 'node:path';

/**
 * The files the project shares with its sister repositories (LINE's official OpenAPI files, the real plan
 * documents used as seeds) live in `../shared` beside a development checkout. A copy of both is kept in
 * `dev/shared/` so that a fresh clone alone can run `npm start` and `npm test`; SHARED_DIR points
 * elsewhere (CI sets nothing and uses the copy; `test/node/shared-copy.test.ts` checks the copy against
 * `../shared` whenever that folder exists). Dev and test code only: never in the Worker bundle.
 */
const ROOT = path.resolve(import.meta.dirname, '..');

/** The folder that holds `line-openapi/` and `seeds/`. */
export function sharedDir(): string {
  return process.env.SHARED_DIR ?? path.join(ROOT, 'dev', 'shared');
}

/** LINE's OpenAPI files (LINE_OPENAPI_DIR overrides). */
export function lineOpenApiDir(): string {
  return process.env.LINE_OPENAPI_DIR ?? path.join(sharedDir(), 'line-openapi');
}

/** The seed documents (plain-text plans converted from their PDF/Word originals). */
export function seedsDir(): string {
  return path.join(sharedDir(), 'seeds');
}
