import type { LiffApp, LiffHost } from '../../schema/contracts/liff-app';
import type { Env } from '../env';

/** The organisation's LIFF app from its channel row's columns; null when it has none. */
export function liffAppOf(channel: { liffId: string | null; liffHost: LiffHost }): LiffApp | null {
  return channel.liffId ? { id: channel.liffId, host: channel.liffHost } : null;
}

/**
 * The URL that opens a page of the LIFF app at `path` (e.g. "o/trang/plans/2562-2564"). Inside LINE a
 * registered LIFF app opens as https://<host>/<liffId>/<path>, the host being the organisation's
 * (liff.line.me, or miniapp.line.me for a LINE MINI App; LINE appends the path to the endpoint URL);
 * without one, or when LIFF_URL_MODE is not "liff" (development: the local LINE platform has no LIFF),
 * the page opens on the Worker's own origin like any web page.
 */
export function liffUrl(
  env: Pick<Env, 'APP_ORIGIN' | 'LIFF_URL_MODE'>,
  liff: LiffApp | null,
  path: string,
): string {
  const relative = path.replace(/^\/+/, '');
  if (env.LIFF_URL_MODE === 'liff' && liff) return `https://${liff.host}/${liff.id}/${relative}`;
  return `${env.APP_ORIGIN.replace(/\/+$/, '')}/${relative}`;
}

/** A LIFF path with query parameters, percent-encoded (LINE refuses URIs with raw Thai characters). */
export function liffPath(
  segments: (string | number)[],
  query: Record<string, string | number | undefined> = {},
): string {
  const path = segments.map((s) => encodeURIComponent(String(s))).join('/');
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
