import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';
import { type lineChannels, organizations } from '../../schema/tables/core';

export type Organization = typeof organizations.$inferSelect;
/** The channel as requests need it; its rich menus are the cron's (worker/orgs/rich-menus.ts). */
export type SealedChannel = Omit<
  typeof lineChannels.$inferSelect,
  'residentRichMenuId' | 'staffRichMenuId' | 'richMenuVersion' | 'richMenuTriedAt'
>;
export interface OrgWithChannel {
  org: Organization;
  channel: SealedChannel;
}

// The channel's org_id is the organisation's id, so it is not selected twice.
type JoinedRow = SqlRow<typeof organizations> &
  Omit<
    SqlRow<typeof lineChannels>,
    'org_id' | 'resident_rich_menu_id' | 'staff_rich_menu_id' | 'rich_menu_version' | 'rich_menu_tried_at'
  >;

// Hand-written on purpose: this runs on every webhook, and D1's `first()` with plain columns measured
// 3-6x cheaper than drizzle's select-with-join (which goes through `raw()`); see docs/benchmarks.md.
const JOINED = `select o.id, o.slug, o.name, o.kind, o.province, o.created_at, c.channel_id, c.bot_user_id,
  c.secret_sealed, c.access_token_sealed, c.liff_id, c.liff_host, c.updated_at
  from organizations o join line_channels c on c.org_id = o.id`;

function toDomain(row: JoinedRow): OrgWithChannel {
  return {
    org: {
      id: row.id,
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      province: row.province,
      createdAt: row.created_at,
    },
    channel: {
      orgId: row.id,
      channelId: row.channel_id,
      botUserId: row.bot_user_id,
      secretSealed: row.secret_sealed,
      accessTokenSealed: row.access_token_sealed,
      liffId: row.liff_id,
      liffHost: row.liff_host,
      updatedAt: row.updated_at,
    },
  };
}

/** The organisation and its sealed LINE channel by slug, in one indexed read; null when unknown. */
export async function findOrgWithChannel(db: Db, slug: string): Promise<OrgWithChannel | null> {
  const row = await db.$client.prepare(`${JOINED} where o.slug = ?`).bind(slug).first<JoinedRow>();
  return row ? toDomain(row) : null;
}

/** The organisation and its sealed channel by id (background work that starts from a stored row). */
export async function getOrgWithChannel(db: Db, orgId: number): Promise<OrgWithChannel | null> {
  const row = await db.$client.prepare(`${JOINED} where o.id = ?`).bind(orgId).first<JoinedRow>();
  return row ? toDomain(row) : null;
}

/** An organisation's public record by slug. */
export async function findOrganization(db: Db, slug: string): Promise<Organization | null> {
  const rows = await db.select().from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return rows[0] ?? null;
}
