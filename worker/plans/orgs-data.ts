import { asc, eq, gt } from 'drizzle-orm';
import type { OrgSummary } from '../../schema/contracts/plan-api';
import type { Db } from '../db/client';
import { organizations } from '../../schema/tables/core';

const publicColumns = {
  id: organizations.id,
  slug: organizations.slug,
  name: organizations.name,
  kind: organizations.kind,
  province: organizations.province,
};

export type PublicOrg = OrgSummary & { id: number };

/** Organisations in slug order after `cursor` (keyset), one page plus the cursor of the next. */
export async function listOrgs(
  db: Db,
  args: { cursor: string | null; limit: number },
): Promise<{ items: OrgSummary[]; nextCursor: string | null }> {
  const rows = await db
    .select(publicColumns)
    .from(organizations)
    .where(args.cursor === null ? undefined : gt(organizations.slug, args.cursor))
    .orderBy(asc(organizations.slug))
    .limit(args.limit + 1);
  const page = rows.slice(0, args.limit);
  return {
    items: page.map(({ id: _id, ...org }) => org),
    nextCursor: rows.length > args.limit ? page[page.length - 1]!.slug : null,
  };
}

/** The public fields of one organisation by slug; null when unknown. */
export async function findPublicOrg(db: Db, slug: string): Promise<PublicOrg | null> {
  const rows = await db
    .select(publicColumns)
    .from(organizations)
    .where(eq(organizations.slug, slug))
    .limit(1);
  return rows[0] ?? null;
}
