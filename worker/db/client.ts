import { drizzle } from 'drizzle-orm/d1';

/**
 * Builds the drizzle handle for one request or one batch of work; never cached at module scope.
 * No relational schema is passed on purpose: building drizzle's relational config costs ~0.4 ms of CPU
 * per handle (measured, docs/benchmarks.md) and we use the query builder only.
 */
export function createDb(d1: D1Database) {
  return drizzle(d1);
}

export type Db = ReturnType<typeof createDb>;
