import type { Db } from '../db/client';
import { type AttachmentOwner, ownerColumn } from './attachments-data';

/** One photo of a LINE image set: which set, its place in it, and how many the set holds. */
export interface ImageSetMember {
  id: string;
  index: number;
  total: number;
}

/** How far a set has arrived: photos stored for the owner and photos refused, of `total`. */
export interface ImageSetProgress {
  total: number;
  stored: number;
  refused: number;
}

/** The image set a LINE image message belongs to; undefined for a single photo (or a set LINE did not number). */
export function imageSetOf(message: {
  imageSet?: { id: string; index?: number; total?: number };
}): ImageSetMember | undefined {
  const s = message.imageSet;
  return s?.id && s.total ? { id: s.id, index: s.index ?? 0, total: s.total } : undefined;
}

/** True once every photo of the set has been stored or refused. */
export const setComplete = (p: ImageSetProgress): boolean => p.stored + p.refused >= p.total;

/**
 * How a set stands after one of its photos was handled, noting it first if it was refused. Photos of a
 * set arrive one event each, in any order; without the refusals a refused photo would leave the set
 * incomplete for ever, and the others would never be acknowledged. A redelivered event counts once.
 * One statement for the count (two index searches).
 */
export async function settleSetMember(
  db: Db,
  args: {
    orgId: number;
    owner: AttachmentOwner;
    set: ImageSetMember;
    sourceRef: string;
    refused: boolean;
    now: number;
  },
): Promise<ImageSetProgress> {
  const { orgId, set } = args;
  if (args.refused) {
    await db.$client
      .prepare(
        `insert into image_set_refusals (org_id, image_set_id, source_ref, created_at) values (?, ?, ?, ?)
         on conflict do nothing`,
      )
      .bind(orgId, set.id, args.sourceRef, args.now)
      .run();
  }
  const [column, id] = ownerColumn(args.owner);
  const row = await db.$client
    .prepare(
      `select (select count(*) from complaint_attachments where ${column} = ? and image_set_id = ?) as stored,
         (select count(*) from image_set_refusals where org_id = ? and image_set_id = ?) as refused`,
    )
    .bind(id, set.id, orgId, set.id)
    .first<{ stored: number; refused: number }>();
  return { total: set.total, stored: row?.stored ?? 0, refused: row?.refused ?? 0 };
}

/** Forgets refusals older than a day (the cron's clean-up). */
export async function forgetSetRefusals(db: Db, now: number): Promise<void> {
  await db.$client
    .prepare('delete from image_set_refusals where created_at < ?')
    .bind(now - 24 * 60 * 60 * 1000)
    .run();
}

/** "รูปภาพ 3 รูป", or "รูปภาพ 2 จาก 3 รูป" when some of the set was refused: what the receipt says arrived. */
export const setPhotosText = (p: ImageSetProgress): string =>
  p.stored < p.total ? `รูปภาพ ${p.stored} จาก ${p.total} รูป` : `รูปภาพ ${p.total} รูป`;
