import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { RICH_MENU_VERSION } from '../../worker/line/rich-menu-layouts';
import { refreshRichMenus } from '../../worker/orgs/rich-menus';
import { createDb } from '../../worker/db/client';
import { execute, firstRow } from './support/db';
import { newUserId, platformApi } from './support/line';
import { enroll, type StaffChat } from './support/staff';
import { asUser } from './support/staff-api';
import { linePlatformUrl, testEnv } from './support/worker';

// Every organisation gets a residents' rich menu (the channel's default) and a staff one (linked to each
// staff member), made by the cron through the Messaging API and checked by the local LINE platform.
const org = useOrg('trang');
let admin: StaffChat & { staffId: number };

interface Shown {
  richMenuId: string;
  chatBarText: string;
  areas: { action: { type: string; label: string; text?: string; uri?: string } }[];
  image: string;
}
const shownTo = (userId: string) =>
  platformApi<Shown | null>(`/_platform/richmenu?channel=${org.slug}&user=${userId}`);
const richMenuRequests = (since = 0) =>
  platformApi<{ seq: number; method: string; path: string; status: number; chatIds: string[] }[]>(
    `/_platform/requests?channel=${org.slug}&kind=richmenu&since=${since}`,
  );
const channelRow = () =>
  firstRow<{ resident_rich_menu_id: string; staff_rich_menu_id: string; rich_menu_version: number }>(
    'select * from line_channels where org_id = ?',
    org.id,
  );
async function refreshAll(now = Date.now()) {
  const db = createDb(env.DB);
  const done: number[] = [];
  for (
    let id = await refreshRichMenus(testEnv, db, now);
    id !== null;
    id = await refreshRichMenus(testEnv, db, now)
  )
    done.push(id);
  return done;
}

beforeAll(async () => {
  await execute('update line_channels set rich_menu_version = 0 where org_id = ?', org.id);
  admin = await enroll(org.slug, org.id, ['admin']);
}, 60_000);

describe('rich menus', () => {
  it('are made once per organisation: created, image uploaded, default for residents, linked for staff', async () => {
    const { seq } = (await platformApi<{ seq: number }[]>(`/_platform/requests?channel=${org.slug}`)).at(
      -1,
    ) ?? { seq: 0 };
    expect(await refreshAll()).toEqual([org.id]);
    expect(await refreshAll()).toEqual([]);
    const row = await channelRow();
    expect(row?.rich_menu_version).toBe(RICH_MENU_VERSION);
    const calls = (await richMenuRequests(seq)).map((r) => [
      r.method,
      r.path.replace(/richmenu-[0-9a-f]+/, 'ID'),
      r.status,
    ]);
    expect(calls).toEqual([
      ['POST', '/v2/bot/richmenu', 200],
      ['POST', '/v2/bot/richmenu/ID/content', 200],
      ['POST', '/v2/bot/richmenu', 200],
      ['POST', '/v2/bot/richmenu/ID/content', 200],
      ['POST', '/v2/bot/user/all/richmenu/ID', 200],
      ['POST', expect.stringMatching(/^\/v2\/bot\/user\/U[0-9a-f]{32}\/richmenu\/ID$/), 200],
    ]);

    const resident = await shownTo(newUserId());
    expect(resident?.richMenuId).toBe(row?.resident_rich_menu_id);
    expect(resident?.areas.map((a) => a.action.label)).toEqual([
      'แจ้งเบาะแสทุจริต',
      'ร้องทุกข์ทั่วไป',
      'ติดตามเรื่อง',
      'แผนป้องกันการทุจริต',
    ]);
    expect(resident?.areas[2]?.action.uri).toBe(`${env.APP_ORIGIN}/o/${org.slug}/track`);
    const image = await fetch(`${linePlatformUrl}${resident!.image}`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await shownTo(admin.userId))?.richMenuId).toBe(row?.staff_rich_menu_id);
  });

  it('a new layout version replaces them and deletes the old ones', async () => {
    const before = await channelRow();
    // Other test files may make this channel's menus meanwhile (the shared platform): only ours count.
    const last = (await platformApi<{ seq: number }[]>(`/_platform/requests?channel=${org.slug}`)).at(-1);
    await execute(
      'update line_channels set rich_menu_version = 0, rich_menu_tried_at = null where org_id = ?',
      org.id,
    );
    await refreshAll();
    const after = await channelRow();
    expect(after?.resident_rich_menu_id).not.toBe(before?.resident_rich_menu_id);
    expect((await shownTo(newUserId()))?.richMenuId).toBe(after?.resident_rich_menu_id);
    const deleted = await richMenuRequests(last?.seq ?? 0);
    expect(deleted.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      `/v2/bot/richmenu/${before?.resident_rich_menu_id}`,
      `/v2/bot/richmenu/${before?.staff_rich_menu_id}`,
    ]);
  });

  it('a person who registers as staff gets the staff menu; a removed one loses it', async () => {
    const officer = await enroll(org.slug, org.id, ['officer'], { unit: 'engineering' });
    const row = await channelRow();
    expect((await shownTo(officer.userId))?.richMenuId).toBe(row?.staff_rich_menu_id);
    const removed = await asUser(org.slug, admin.userId, `/members/${officer.staffId}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await shownTo(officer.userId))?.richMenuId).toBe(row?.resident_rich_menu_id);
  });
});
