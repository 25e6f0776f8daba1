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
// An after photo's link is for the complainant (and LINE's servers): no staff member to bind.
const afterMessage = (orgId: number, fileId: string, exp: number) => `${orgId}:${fileId}:${exp}`;

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

/**
 * How long a link to an after photo works. The complainant's LINE chat keeps the image message and
 * LINE fetches it again when the chat is opened on another device or its cache is gone, so the link
 * must outlive the conversation: a year. It opens that one photo only (its own purpose, never an
 * evidence file), and an after photo shows a fixed street, not a person's evidence.
 */
export const AFTER_LINK_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/** A signed path to one after photo (`…/after-photos/<id>?exp&sig`), valid for `ttlMs` (at most a year). */
export async function signedAfterPhotoPath(
  keyring: Keyring,
  args: { orgId: number; orgSlug: string; fileId: string; now: number; ttlMs: number },
): Promise<string> {
  const exp = args.now + Math.min(args.ttlMs, AFTER_LINK_TTL_MS);
  const [mac] = await keyedHashes(keyring, 'after-photo-link', afterMessage(args.orgId, args.fileId, exp));
  const path = `/api/orgs/${encodeURIComponent(args.orgSlug)}/after-photos/${encodeURIComponent(args.fileId)}`;
  return `${path}?exp=${exp}&sig=${urlSafe(mac!)}`;
}

/** True for an unexpired after-photo link this deployment signed (under any key still held). */
export async function verifyAfterPhotoLink(
  keyring: Keyring,
  args: { orgId: number; fileId: string; exp: number; sig: string; now: number },
): Promise<boolean> {
  if (!Number.isSafeInteger(args.exp) || args.exp <= args.now || args.exp > args.now + AFTER_LINK_TTL_MS)
    return false;
  const macs = await keyedHashes(
    keyring,
    'after-photo-link',
    afterMessage(args.orgId, args.fileId, args.exp),
  );
  return macs.some((m) => sameText(urlSafe(m), args.sig));
}
