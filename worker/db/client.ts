import { drizzle } from 'drizzle-orm/d1';
import * as coreSchema from './schema';
import * as planSchema from './schema-plans';

const schema = { ...coreSchema, ...planSchema };

/** Builds the drizzle handle for one request or one batch of work; never cached at module scope. */
export function createDb(d1: D1Database) {
  return drizzle(d1, { schema });
}

export type Db = ReturnType<typeof createDb>;
