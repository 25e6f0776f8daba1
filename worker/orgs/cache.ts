import type { Db } from '../db/client';
import { findOrgWithChannel, type OrgWithChannel } from './data';

// The organisation row is read on every webhook; it changes rarely. A short per-isolate cache takes
// that D1 round trip off the path before LINE gets its 200 (measured in docs/benchmarks.md). A changed
// channel secret, token or LIFF app id is picked up within TTL_MS; unknown slugs are not cached.
const TTL_MS = 30_000;
const MAX_ENTRIES = 1000;
const cache = new Map<string, { value: OrgWithChannel; until: number }>();

/** findOrgWithChannel through a 30-second per-isolate cache. */
export async function findOrgWithChannelCached(
  db: Db,
  slug: string,
  now = Date.now(),
): Promise<OrgWithChannel | null> {
  const hit = cache.get(slug);
  if (hit && hit.until > now) return hit.value;
  const value = await findOrgWithChannel(db, slug);
  if (value) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(slug, { value, until: now + TTL_MS });
  } else {
    cache.delete(slug);
  }
  return value;
}

/** Drops `slug` from this isolate's cache: the next read sees the row as it is now (tests that change it). */
export function forgetCachedOrg(slug: string): void {
  cache.delete(slug);
}
