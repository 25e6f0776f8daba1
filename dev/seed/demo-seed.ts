import { complaintDefaultStatements, holidayStatements } from '../../worker/orgs/defaults';
import { createKeyring } from '../../worker/crypto/secret-box';
import { provisionStatements } from '../../worker/orgs/provision';
import { demoOrganizations } from '../demo-organizations';
import { demoPlansSql } from './demo-plans';
import { demoStaffStatements } from './demo-staff';
import { renderSql } from './render-sql';

/**
 * The demo data as one SQL script: organisations with channel credentials sealed under `dataKey` and
 * their default complaint units and categories, the national holiday calendar of 2569–2570, the demo staff (dev/seed/demo-staff.ts),
 * then their anti-corruption plans.
 */
export async function demoSeedSql(dataKey: string): Promise<string> {
  const keyring = await createKeyring(dataKey);
  const statements = [];
  for (const [i, org] of demoOrganizations.entries()) {
    statements.push(...(await provisionStatements(keyring, { id: i + 1, ...org }, Date.now())));
    statements.push(...complaintDefaultStatements({ id: i + 1, kind: org.kind }, Date.now()));
  }
  statements.push(...holidayStatements());
  statements.push(...(await demoStaffStatements(keyring, demoOrganizations, Date.now())));
  // The local LINE platform starts empty each time: the cron makes the rich menus again (dev/stack.ts).
  const menus = 'update line_channels set rich_menu_version = 0, rich_menu_tried_at = null;';
  return `${renderSql(statements)}\n${demoPlansSql(Date.now())}\n${menus}`;
}
