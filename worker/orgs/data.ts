import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { lineChannels, organizations } from '../db/schema';

export type Organization = typeof organizations.$inferSelect;
export type SealedChannel = typeof lineChannels.$inferSelect;

/** The organisation and its sealed LINE channel by slug, in one indexed read; null when unknown. */
export async function findOrgWithChannel(
  db: Db,
  slug: string,
): Promise<{ org: Organization; channel: SealedChannel } | null> {
  const rows = await db
    .select({ org: organizations, channel: lineChannels })
    .from(organizations)
    .innerJoin(lineChannels, eq(lineChannels.orgId, organizations.id))
    .where(eq(organizations.slug, slug))
    .limit(1);
  return rows[0] ?? null;
}

/** The organisation and its sealed channel by id (for background work that starts from a stored row). */
export async function getOrgWithChannel(
  db: Db,
  orgId: number,
): Promise<{ org: Organization; channel: SealedChannel } | null> {
  const rows = await db
    .select({ org: organizations, channel: lineChannels })
    .from(organizations)
    .innerJoin(lineChannels, eq(lineChannels.orgId, organizations.id))
    .where(eq(organizations.id, orgId))
    .limit(1);
  return rows[0] ?? null;
}
