import type { Column, Table } from 'drizzle-orm';

// What D1 hands back for a column read with raw SQL: drizzle's boolean mode is stored as 0/1 and only
// drizzle's own select maps it; a nullable column reads as null.
type StoredValue<C extends Column> =
  | (C['_']['data'] extends boolean ? number : C['_']['data'])
  | (C['_']['notNull'] extends true ? never : null);

/**
 * A table's row as raw `db.$client` SQL returns it: keyed by the column names the table declares
 * (snake_case), with the stored values. Derived from the drizzle table so a renamed or retyped
 * column breaks the hand-written queries' types too; `Pick<>` it for a partial select.
 */
export type SqlRow<T extends Table> = {
  [K in keyof T['_']['columns'] as T['_']['columns'][K]['_']['name']]: StoredValue<T['_']['columns'][K]>;
};
