import type { LiffApp, LiffHost } from '../../schema/contracts/liff-app';
import type { Keyring } from '../crypto/secret-box';
import { sealCredentials } from './credentials';

export interface OrganizationInput {
  id: number;
  slug: string;
  name: string;
  kind: 'city_municipality' | 'town_municipality' | 'subdistrict_municipality' | 'sao';
  province: string;
  channelId: string;
  channelSecret: string;
  channelAccessToken: string;
  liffId?: string | null;
  /** Where its links open: liff.line.me (default) or miniapp.line.me for a LINE MINI App. */
  liffHost?: LiffHost;
  botUserId?: string | null;
}

export interface Statement {
  sql: string;
  params: (string | number | null)[];
}

/**
 * The SQL that creates or updates an organisation and its LINE channel, credentials sealed. Plain
 * statements (not drizzle queries) so the same code feeds D1 in tests and `wrangler d1 execute` in the
 * seed and operator commands.
 */
export async function provisionStatements(
  keyring: Keyring,
  org: OrganizationInput,
  now: number,
): Promise<Statement[]> {
  const sealed = await sealCredentials(keyring, org.id, org.channelSecret, org.channelAccessToken);
  return [
    {
      sql: `insert into organizations (id, slug, name, kind, province, created_at) values (?, ?, ?, ?, ?, ?)
        on conflict(id) do update set slug = excluded.slug, name = excluded.name, kind = excluded.kind,
        province = excluded.province`,
      params: [org.id, org.slug, org.name, org.kind, org.province, now],
    },
    {
      sql: `insert into line_channels (org_id, channel_id, bot_user_id, secret_sealed, access_token_sealed, liff_id, liff_host, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        on conflict(org_id) do update set channel_id = excluded.channel_id, bot_user_id = excluded.bot_user_id,
        secret_sealed = excluded.secret_sealed, access_token_sealed = excluded.access_token_sealed,
        liff_id = excluded.liff_id, liff_host = excluded.liff_host, updated_at = excluded.updated_at`,
      params: [
        org.id,
        org.channelId,
        org.botUserId ?? null,
        sealed.secretSealed,
        sealed.accessTokenSealed,
        org.liffId ?? null,
        org.liffHost ?? 'liff.line.me',
        now,
      ],
    },
    {
      sql: `insert into events (org_id, entity, entity_id, action, actor, to_state, created_at)
        values (?, 'organization', ?, 'provisioned', 'operator', 'active', ?)`,
      params: [org.id, org.slug, now],
    },
  ];
}

/**
 * The SQL that sets (or, with null, removes) the LIFF app of the organisation `slug` without touching
 * its credentials: a LINE MINI App moves from its developing to its published LIFF id this way. Recorded
 * as an event of the organisation.
 */
export function liffAppStatements(slug: string, liff: LiffApp | null, now: number): Statement[] {
  const org = '(select id from organizations where slug = ?)';
  return [
    {
      sql: `update line_channels set liff_id = ?, liff_host = ?, updated_at = ? where org_id = ${org}`,
      params: [liff?.id ?? null, liff?.host ?? 'liff.line.me', now, slug],
    },
    {
      sql: `insert into events (org_id, entity, entity_id, action, actor, to_state, created_at)
        select id, 'organization', slug, 'liff_app_set', 'operator', ?, ? from organizations where slug = ?`,
      params: [liff ? `https://${liff.host}/${liff.id}` : null, now, slug],
    },
  ];
}
