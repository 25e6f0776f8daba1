import { signedAfterPhotoPath } from '../evidence-links';
import type { Keyring } from '../../crypto/secret-box';
import type { PhotoLinker } from './tracking-data';

/** How long a tracker's link to an after photo works: the page or card is read now. */
export const TRACK_PHOTO_TTL_MS = 60 * 60 * 1000;

/** Links to after photos for the tracker's answer, signed for an hour; none unless asked for. */
export function photoLinker(deps: {
  keyring: Keyring;
  orgId: number;
  now: number;
  photos?: { orgSlug: string; origin: string };
}): PhotoLinker | undefined {
  const at = deps.photos;
  if (!at) return undefined;
  const origin = at.origin.replace(/\/+$/, '');
  const sign = async (fileId: string): Promise<[string, string]> => {
    const path = await signedAfterPhotoPath(deps.keyring, {
      orgId: deps.orgId,
      orgSlug: at.orgSlug,
      fileId,
      now: deps.now,
      ttlMs: TRACK_PHOTO_TTL_MS,
    });
    return [fileId, `${origin}${path}`];
  };
  return async (ids) => new Map(await Promise.all(ids.map(sign)));
}
