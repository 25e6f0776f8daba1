import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll } from 'vitest';
import { demoOrganizations } from '../../../dev/demo-organizations';
import { complaintDefaultStatements, holidayStatements } from '../../../worker/complaints/defaults';
import { keyringFromEnv } from '../../../worker/crypto/keyring';
import { provisionStatements } from '../../../worker/orgs/provision';

// Every test file starts from the migrated schema and the demo organisations, as `npm start` does.
beforeAll(async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  const keyring = await keyringFromEnv(env);
  const statements = [];
  for (const [i, org] of demoOrganizations.entries()) {
    statements.push(...(await provisionStatements(keyring, { id: i + 1, ...org }, Date.now())));
    statements.push(...complaintDefaultStatements({ id: i + 1, kind: org.kind }, Date.now()));
  }
  statements.push(...holidayStatements());
  await env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));
});
