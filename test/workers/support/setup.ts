import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll } from 'vitest';
import { demoOrgs } from '../../fixtures/demo-org';
import { complaintDefaultStatements, holidayStatements } from '../../../worker/orgs/defaults';
import { keyringFromEnv } from '../../../worker/crypto/keyring';
import { provisionStatements } from '../../../worker/orgs/provision';
import { RICH_MENU_VERSION } from '../../../worker/line/rich-menu-layouts';

// Every test file starts from the migrated schema and the demo organisations, as `npm start` does.
// Files share one runtime per vitest worker (`isolate: false`: starting workerd per file cost ~80% of the
// suite's time), so each file first empties D1 and R2: no file sees another's rows, ids or objects.
beforeAll(async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  await emptyStorage();
  const keyring = await keyringFromEnv(env);
  const statements = [];
  for (const org of demoOrgs) {
    statements.push(...(await provisionStatements(keyring, org, Date.now())));
    statements.push(...complaintDefaultStatements({ id: org.id, kind: org.kind }, Date.now()));
  }
  statements.push(...holidayStatements());
  await env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));
  // The menus count as made: a file that runs the cron does not make channels' menus on the shared
  // platform under another file's feet (test/workers/rich-menus.test.ts asks for its own).
  await env.DB.prepare('update line_channels set rich_menu_version = ?').bind(RICH_MENU_VERSION).run();
});

async function emptyStorage() {
  const { results } = await env.DB.prepare(
    `select name from sqlite_master where type = 'table'
     and name not like 'sqlite\\_%' escape '\\' and name not like '\\_cf\\_%' escape '\\' and name <> 'd1_migrations'`,
  ).all<{ name: string }>();
  const sequence = await env.DB.prepare("select 1 from sqlite_master where name = 'sqlite_sequence'").first();
  await env.DB.batch([
    // Foreign keys are checked at commit, when every table is empty.
    env.DB.prepare('pragma defer_foreign_keys = on'),
    ...results.map((t) => env.DB.prepare(`delete from "${t.name}"`)),
    ...(sequence ? [env.DB.prepare('delete from sqlite_sequence')] : []),
  ]);
  for (let cursor: string | undefined; ; ) {
    const page = await env.EVIDENCE.list({ cursor });
    if (page.objects.length > 0) await env.EVIDENCE.delete(page.objects.map((o) => o.key));
    if (!page.truncated) break;
    cursor = page.cursor;
  }
}
