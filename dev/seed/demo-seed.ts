import { createKeyring } from '../../worker/crypto/secret-box';
import { provisionStatements } from '../../worker/orgs/provision';
import { demoOrganizations } from '../demo-organizations';
import { renderSql } from './render-sql';

/** The demo data as one SQL script: organisations with channel credentials sealed under `dataKey`. */
export async function demoSeedSql(dataKey: string): Promise<string> {
  const keyring = await createKeyring(dataKey);
  const statements = [];
  for (const [i, org] of demoOrganizations.entries()) {
    statements.push(...(await provisionStatements(keyring, { id: i + 1, ...org }, Date.now())));
  }
  return renderSql(statements);
}
