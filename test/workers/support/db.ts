import { env } from 'cloudflare:workers';

// biome-ignore lint/suspicious/noExplicitAny: rows of any table, asserted field by field.
type AnyRow = Record<string, any>;

/** The first row a query returns, or null. */
export function firstRow<T = AnyRow>(sql: string, ...params: unknown[]): Promise<T | null> {
  return env.DB.prepare(sql)
    .bind(...params)
    .first<T>();
}

/** Every row a query returns. */
export async function allRows<T = AnyRow>(sql: string, ...params: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(sql)
      .bind(...params)
      .all<T>()
  ).results;
}

/** Runs one writing statement (a test moving a clock or a state the worker would take days to reach). */
export async function execute(sql: string, ...params: unknown[]): Promise<void> {
  await env.DB.prepare(sql)
    .bind(...params)
    .run();
}

/** Runs statements in one batch (one transaction), as provisioning does. */
export async function runBatch(
  statements: readonly { sql: string; params: readonly unknown[] }[],
): Promise<void> {
  await env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));
}

/** How many rows of `table` match `where` (every row without it). */
export async function countRows(table: string, where = '1 = 1', ...params: unknown[]): Promise<number> {
  return (await firstRow<{ n: number }>(`select count(*) as n from ${table} where ${where}`, ...params))!.n;
}

/** The names of the tables the migrations made (not SQLite's, D1's or the migrations' own). */
export async function appTables(): Promise<string[]> {
  const tables = await allRows<{ name: string }>(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name <> 'd1_migrations'",
  );
  return tables.map((t) => t.name);
}

/** Every row of a table as JSON, to search for what must never be stored in the clear. */
export async function tableJson(name: string): Promise<string> {
  return JSON.stringify(await allRows(`select * from ${name}`));
}
