import type { messagingApi } from '@line/bot-sdk';
import { cleanEvidence, putEvidence } from '../complaints/evidence-store';
import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import { FILE_COLUMNS, fileValues } from '../complaints/attachments-data';
import { signedAfterPhotoPath } from './evidence-links';
import {
  AFTER_PHOTO_MAX_BYTES,
  type AfterPhotoRefusal as AnyRefusal,
} from '../../lib/texts/after-photo-texts';

/**
 * The "after" photo staff attach when they close a grievance as resolved: stored like every case file
 * (type from the bytes, metadata stripped, SHA-256, R2 under `evidence/<org>/case-<id>/`), as a row of
 * complaint_attachments with purpose 'after', then tied to the `closed` event it went out with.
 */

// LINE shows an image message's preview from a file of at most 1 MB and the Worker cannot shrink a
// photo, so one file serves as both and an after photo is at most 1 MB (LINE's chat sends far smaller).
export type AfterPhotoRefusal = Exclude<AnyRefusal, 'external' | 'expired'>;

/** Who may attach one: only a grievance closed as resolved (a corruption result shows no scene). */
export const takesAfterPhoto = (c: { track: string }, outcome: string) =>
  c.track === 'grievance' && outcome === 'resolved';

/**
 * Checks and stores an after photo for the case, waiting for its closing (no event yet: the closing
 * writes it, see linkAfterPhoto): its file id, or why it was refused (nothing stored). A repeated LINE
 * message stores nothing twice and answers with the first file.
 */
export async function storeAfterPhoto(
  deps: { db: Db; bucket: R2Bucket; orgId: number; now: number },
  complaintId: number,
  input: { bytes: Uint8Array; sourceRef: string },
): Promise<{ id: string } | AfterPhotoRefusal> {
  if (input.bytes.length > AFTER_PHOTO_MAX_BYTES) return 'too_large';
  const clean = cleanEvidence('image', input.bytes);
  if (typeof clean === 'string') return clean;
  const c = deps.db.$client;
  const { outcome, file } = await putEvidence(
    deps.bucket,
    `evidence/${deps.orgId}/case-${complaintId}`,
    clean,
    async (f) => {
      const inserted = await c
        .prepare(
          `insert into complaint_attachments (${FILE_COLUMNS}, complaint_id, purpose)
           select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'after'
           where not exists (select 1 from complaint_attachments where complaint_id = ? and source_ref = ?)`,
        )
        .bind(
          ...fileValues({
            ...f,
            orgId: deps.orgId,
            sourceRef: input.sourceRef,
            kind: 'image',
            now: deps.now,
          }),
          complaintId,
          complaintId,
          input.sourceRef,
        )
        .run();
      return inserted.meta.changes === 1 ? 'inserted' : 'duplicate';
    },
  );
  if (outcome === 'inserted') return { id: file.id };
  const first = await c
    .prepare('select id from complaint_attachments where complaint_id = ? and source_ref = ?')
    .bind(complaintId, input.sourceRef)
    .first<{ id: string }>();
  return { id: first!.id };
}

/** The newest after photo of the case not yet sent with a closing, stored since `since`; null if none. */
export async function pendingAfterPhoto(db: Db, complaintId: number, since: number): Promise<string | null> {
  const row = await db.$client
    .prepare(
      `select id from complaint_attachments where complaint_id = ? and purpose = 'after'
         and closing_event_id is null and created_at >= ? order by created_at desc, rowid desc limit 1`,
    )
    .bind(complaintId, since)
    .first<{ id: string }>();
  return row?.id ?? null;
}

/**
 * For the closing's batch, after its event: ties the photo to that `closed` event (the newest of the
 * case, just written), so the tracker shows it on that result step, and records it as an event of the
 * case (`after_photo_added`, by the staff member who closed it) only when it was tied.
 */
export function linkAfterPhoto(
  db: Db,
  at: { complaintId: number; fileId: string; staffId: number; now: number },
): D1PreparedStatement[] {
  const c = db.$client;
  return [
    c
      .prepare(
        `update complaint_attachments set closing_event_id = (select max(id) from complaint_events
           where complaint_id = ? and action = 'closed')
         where id = ? and complaint_id = ? and purpose = 'after' and closing_event_id is null`,
      )
      .bind(at.complaintId, at.fileId, at.complaintId),
    c
      .prepare(
        `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, from_status,
           to_status, note)
         select complaint_id, org_id, ?, 'staff', ?, 'after_photo_added', null, null, 'แนบรูปหลังแก้ไข'
         from complaint_attachments where id = ? and complaint_id = ? and changes() = 1`,
      )
      .bind(at.now, String(at.staffId), at.fileId, at.complaintId),
  ];
}

/** Removes an after photo never sent with a closing (row and R2 object): a refused close. */
export async function discardAfterPhoto(db: Db, bucket: R2Bucket, complaintId: number, fileId: string) {
  const row = await db.$client
    .prepare(
      `delete from complaint_attachments where id = ? and complaint_id = ? and purpose = 'after'
         and closing_event_id is null returning r2_key`,
    )
    .bind(fileId, complaintId)
    .first<{ r2_key: string }>();
  if (row) await bucket.delete(row.r2_key);
}

/** The after photos of a case by the `closed` event they went out with. */
export async function afterPhotosByClosing(db: Db, complaintId: number): Promise<Map<number, string>> {
  const { results } = await db.$client
    .prepare(
      `select id, closing_event_id from complaint_attachments
       where complaint_id = ? and purpose = 'after' and closing_event_id is not null`,
    )
    .bind(complaintId)
    .all<{ id: string; closing_event_id: number }>();
  return new Map(results.map((r) => [r.closing_event_id, r.id]));
}

/**
 * The LINE image message of an after photo: a signed link good for a year, as LINE needs an https URL
 * it can fetch without a token. Null when the worker's origin is not https (local development): the
 * result then goes without it, as LINE would refuse the whole push.
 */
export async function afterPhotoMessage(
  keyring: Keyring,
  args: { origin: string; orgId: number; orgSlug: string; fileId: string; now: number; ttlMs: number },
): Promise<messagingApi.ImageMessage | null> {
  const origin = args.origin.replace(/\/+$/, '');
  if (!origin.startsWith('https://')) return null;
  const url = `${origin}${await signedAfterPhotoPath(keyring, args)}`;
  return { type: 'image', originalContentUrl: url, previewImageUrl: url };
}

/** How long an after photo waits for its closing before the cron removes it (a prompt lasts 30 minutes). */
export const UNSENT_AFTER_PHOTO_MS = 24 * 60 * 60 * 1000;

/**
 * Removes after photos whose closing never happened (the prompt was cancelled or ran out), rows and R2
 * objects, a bounded number per run (the partial index complaint_attachments_unsent_after).
 */
export async function purgeUnsentAfterPhotos(db: Db, bucket: R2Bucket, now: number): Promise<number> {
  const { results } = await db.$client
    .prepare(
      `select id, r2_key from complaint_attachments
       where purpose = 'after' and closing_event_id is null and created_at < ? order by created_at limit 50`,
    )
    .bind(now - UNSENT_AFTER_PHOTO_MS)
    .all<{ id: string; r2_key: string }>();
  if (results.length === 0) return 0;
  await bucket.delete(results.map((r) => r.r2_key));
  await db.$client
    .prepare(
      `delete from complaint_attachments where purpose = 'after' and closing_event_id is null
         and id in (${results.map(() => '?').join(', ')})`,
    )
    .bind(...results.map((r) => r.id))
    .run();
  return results.length;
}
