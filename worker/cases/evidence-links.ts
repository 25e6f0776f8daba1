import { keyedHashes } from '../crypto/keyed-hash';
import type { Keyring } from '../crypto/secret-box';

/**
 * Short-lived links to evidence files: `…/staff/files/<id>?exp=<ms>&by=<staff id>&sig=<mac>`, where the
 * mac (HMAC under a key derived from DATA_KEY for this purpose) binds organisation, file, expiry and the
 * staff member it was issued to. The worker serves the file only for a valid, unexpired link, so an
 * <img> can load it without a token while a copied link stops working within minutes; `by` says whose
 * opening of a corruption case's file goes to the access log.
 */
export const LINK_TTL_MS = 5 * 60 * 1000;

const urlSafe = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_');
const message = (orgId: number, fileId: string, exp: number, staffId: number) =>
  `${orgId}:${fileId}:${exp}:${staffId}`;

/** A signed path (relative to the worker's origin) to one evidence file. */
export async function signedFilePath(
  keyring: Keyring,
  args: { orgId: number; orgSlug: string; fileId: string; staffId: number; now: number },
): Promise<{ url: string; expiresAt: number }> {
  const exp = args.now + LINK_TTL_MS;
  const [mac] = await keyedHashes(
    keyring,
    'evidence-link',
    message(args.orgId, args.fileId, exp, args.staffId),
  );
  const path = `/api/orgs/${encodeURIComponent(args.orgSlug)}/staff/files/${encodeURIComponent(args.fileId)}`;
  return { url: `${path}?exp=${exp}&by=${args.staffId}&sig=${urlSafe(mac!)}`, expiresAt: exp };
}

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** True for a link this deployment signed (under any key still held) that has not expired. */
export async function verifyFileLink(
  keyring: Keyring,
  args: { orgId: number; fileId: string; exp: number; staffId: number; sig: string; now: number },
): Promise<boolean> {
  if (!Number.isSafeInteger(args.exp) || args.exp <= args.now || args.exp > args.now + LINK_TTL_MS)
    return false;
  const macs = await keyedHashes(
    keyring,
    'evidence-link',
    message(args.orgId, args.fileId, args.exp, args.staffId),
  );
  return macs.some((m) => sameText(urlSafe(m), args.sig));
}
