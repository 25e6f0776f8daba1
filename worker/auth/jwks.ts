import { AppError } from '../errors';

/**
 * LINE Login's public keys (a JWKS), fetched from `url` and kept per isolate: keys change rarely and
 * every LIFF request needs them, so one fetch an hour is enough. A token naming a key we do not hold
 * triggers one early refetch (LINE rotated its keys), at most once per REFETCH_COOLDOWN_MS, so tokens
 * with made-up key ids cannot turn every request into a call to LINE.
 */
const TTL_MS = 60 * 60 * 1000;
const REFETCH_COOLDOWN_MS = 30_000;

interface KeySet {
  keys: Map<string, CryptoKey>;
  fetchedAt: number;
}

const cache = new Map<string, KeySet>();

interface Jwk {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  kid?: string;
  alg?: string;
  use?: string;
}

/** The ES256 verification key with this `kid` from the JWKS at `url`; null when LINE does not publish it. */
export async function jwksKey(url: string, kid: string, now: number): Promise<CryptoKey | null> {
  let set = cache.get(url);
  if (!set || now - set.fetchedAt >= TTL_MS) set = await load(url, now, set);
  const key = set.keys.get(kid);
  if (key) return key;
  if (now - set.fetchedAt < REFETCH_COOLDOWN_MS) return null;
  set = await load(url, now, set);
  return set.keys.get(kid) ?? null;
}

// A failed refresh keeps the keys we already have (LINE being briefly unreachable should not log
// everyone out); a failed first fetch is LINE's failure, not the caller's. No sharing of an in-flight
// fetch between requests: workerd ties I/O to the request that started it.
async function load(url: string, now: number, stale: KeySet | undefined): Promise<KeySet> {
  try {
    const set = await fetchKeySet(url, now);
    cache.set(url, set);
    return set;
  } catch (error) {
    console.error('LINE Login keys unavailable', url, String(error));
    if (stale) {
      // Try again in a minute rather than on every request.
      const kept = { keys: stale.keys, fetchedAt: now - TTL_MS + 60_000 };
      cache.set(url, kept);
      return kept;
    }
    throw new AppError('line_api_failed', 'LINE Login keys unavailable');
  }
}

async function fetchKeySet(url: string, now: number): Promise<KeySet> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
  const body = (await response.json()) as { keys?: Jwk[] };
  const keys = new Map<string, CryptoKey>();
  for (const jwk of Array.isArray(body.keys) ? body.keys : []) {
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.kid || !jwk.x || !jwk.y) continue;
    if (jwk.alg !== undefined && jwk.alg !== 'ES256') continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    try {
      const key = await crypto.subtle.importKey(
        'jwk',
        { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
        { name: 'ECDSA', namedCurve: 'P-256' },
        false,
        ['verify'],
      );
      keys.set(jwk.kid, key);
    } catch {
      // A key we cannot import cannot verify anything: skip it rather than fail the whole set.
    }
  }
  return { keys, fetchedAt: now };
}
