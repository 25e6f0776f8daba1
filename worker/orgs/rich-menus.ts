import type { messagingApi } from '@line/bot-sdk';
import type { LiffApp } from '../../schema/contracts/liff-app';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { keyringFromEnv } from '../crypto/keyring';
import type { Keyring } from '../crypto/secret-box';
import type { LineGateway } from '../line/gateway';
import { liffUrl } from '../line/liff-url';
import { RICH_MENU_VERSION, type RichMenuKind, richMenuLayouts } from '../line/rich-menu-layouts';
import { open } from '../crypto/secret-box';
import { staffContext } from '../staff/staff-keys';
import { lineForOrg } from './org-line';

/** A failed setup is tried again after this long (LINE down, a revoked token). */
export const RICH_MENU_RETRY_MS = 60 * 60 * 1000;

/** The Messaging API request for one of the organisation's menus: LIFF pages open on its LIFF app. */
export function richMenuRequest(
  kind: RichMenuKind,
  env: Pick<Env, 'APP_ORIGIN' | 'LIFF_URL_MODE'>,
  org: { slug: string; liff: LiffApp | null },
): messagingApi.RichMenuRequest {
  const layout = richMenuLayouts[kind];
  return {
    size: layout.size,
    selected: kind === 'resident',
    name: `${layout.name}-${org.slug}`.slice(0, 300),
    chatBarText: layout.chatBarText,
    areas: layout.areas.map(({ x, y, width, height, label, target }) => ({
      bounds: { x, y, width, height },
      action:
        'say' in target
          ? { type: 'message', label, text: target.say }
          : { type: 'uri', label, uri: liffUrl(env, org.liff, target.liff(org.slug)) },
    })),
  };
}

interface SetupDeps {
  db: Db;
  env: Env;
  keyring: Keyring;
  line: Pick<LineGateway, 'richMenu'>;
  org: { id: number; slug: string; liff: LiffApp | null };
  now: number;
}

async function image(env: Env, kind: RichMenuKind): Promise<Blob> {
  const response = await env.ASSETS.fetch(new Request(`https://assets.invalid/rich-menu/${kind}.png`));
  if (!response.ok) throw new Error(`rich menu image ${kind}: ${response.status}`);
  return new Blob([await response.arrayBuffer()], { type: 'image/png' });
}

/**
 * Makes the organisation's two rich menus (the residents' one as the channel's default, the staff one
 * linked to every active staff member), stores their ids with the layout version, and deletes the
 * menus they replace. Every call is free (not a message).
 */
export async function setUpRichMenus(deps: SetupDeps): Promise<{ resident: string; staff: string }> {
  const { db, env, line, org } = deps;
  const old = await db.$client
    .prepare('select resident_rich_menu_id as r, staff_rich_menu_id as s from line_channels where org_id = ?')
    .bind(org.id)
    .first<{ r: string | null; s: string | null }>();
  const made = {} as { resident: string; staff: string };
  for (const kind of ['resident', 'staff'] as const) {
    const id = await line.richMenu.create(richMenuRequest(kind, env, org));
    await line.richMenu.uploadImage(id, await image(env, kind));
    made[kind] = id;
  }
  await line.richMenu.setDefault(made.resident);
  for (const userId of await activeStaffUserIds(db, deps.keyring, org.id))
    await line.richMenu.link(userId, made.staff);
  await db.$client
    .prepare(
      `update line_channels set resident_rich_menu_id = ?, staff_rich_menu_id = ?, rich_menu_version = ?,
         rich_menu_tried_at = ? where org_id = ?`,
    )
    .bind(made.resident, made.staff, RICH_MENU_VERSION, deps.now, org.id)
    .run();
  // The old menus go last: until now every chat still had one.
  for (const id of [old?.r, old?.s]) if (id) await line.richMenu.remove(id).catch(() => undefined);
  return made;
}

async function activeStaffUserIds(db: Db, keyring: Keyring, orgId: number): Promise<string[]> {
  const { results } = await db.$client
    .prepare("select person_key, line_user_sealed from staff_members where org_id = ? and status = 'active'")
    .bind(orgId)
    .all<{ person_key: string; line_user_sealed: string }>();
  return Promise.all(
    results.map((r) => open(keyring, r.line_user_sealed, staffContext(orgId, r.person_key))),
  );
}

/**
 * The cron's part: one organisation a run whose menus are missing or older than the layout version
 * (a new organisation, or a layout changed in code), claimed by its attempt time so overlapping runs
 * and a failing channel do not repeat it more than hourly. Returns the organisation done, or null.
 */
export async function refreshRichMenus(env: Env, db: Db, now: number): Promise<number | null> {
  const claimed = await db.$client
    .prepare(
      `update line_channels set rich_menu_tried_at = ?1 where org_id = (
         select org_id from line_channels where rich_menu_version < ?2
           and (rich_menu_tried_at is null or rich_menu_tried_at < ?1 - ?3)
         order by org_id limit 1)
       returning org_id`,
    )
    .bind(now, RICH_MENU_VERSION, RICH_MENU_RETRY_MS)
    .first<{ org_id: number }>();
  if (!claimed) return null;
  const keyring = await keyringFromEnv(env);
  const target = await lineForOrg(env, db, keyring, claimed.org_id);
  if (!target) return null;
  try {
    await setUpRichMenus({
      db,
      env,
      keyring,
      line: target.line,
      org: { ...target.org, liff: target.liff },
      now,
    });
  } catch (error) {
    console.error('rich menu setup failed', { org: target.org.slug, error: String(error) });
  }
  return claimed.org_id;
}
