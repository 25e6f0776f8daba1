import type { Statement } from '../../worker/orgs/provision';

/** Inlines parameters as SQL literals, for files run by `wrangler d1 execute --file`. */
export function renderSql(statements: Statement[]): string {
  return statements
    .map(({ sql, params }) => {
      let i = 0;
      const text = sql.replace(/\?/g, () => literal(params[i++]));
      if (i !== params.length) throw new Error(`statement expects ${i} parameters, got ${params.length}`);
      return `${text};`;
    })
    .join('\n');
}

function literal(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replace(/'/g, "''")}'`;
}
