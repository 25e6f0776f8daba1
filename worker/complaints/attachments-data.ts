import type { Db } from '../db/client';

/** A stored file as a row describes it (in R2 under `r2Key`), whoever it belongs to. */
export interface StoredFile {
  id: string;
  orgId: number;
  /** The LINE message id: the same message stored twice (a retried event) is a duplicate. */
  sourceRef: string;
  kind: 'image' | 'file';
  contentType: string;
  sizeBytes: number;
  sha256: string;
  r2Key: string;
  metadataRemovedBytes: number;
  imageSet?: { id: string; index: number; total: number };
  now: number;
}

/** An evidence file of a draft being written. */
export interface NewAttachment extends StoredFile {
  draftId: string;
}

/** The columns of a stored file, in the order of `fileValues`; the owner column follows them. */
export const FILE_COLUMNS = `id, org_id, source_ref, kind, content_type, size_bytes, sha256, r2_key,
  metadata_removed_bytes, image_set_id, image_set_index, image_set_total, created_at`;

/** The values of FILE_COLUMNS for a file. */
export const fileValues = (f: StoredFile) => [
  f.id,
  f.orgId,
  f.sourceRef,
  f.kind,
  f.contentType,
  f.sizeBytes,
  f.sha256,
  f.r2Key,
  f.metadataRemovedBytes,
  f.imageSet?.id ?? null,
  f.imageSet?.index ?? null,
  f.imageSet?.total ?? null,
  f.now,
];

// How many files belong to one draft or one complaint.
async function countAttachments(db: Db, owner: 'draft_id' | 'complaint_id', id: string | number) {
  const row = await db.$client
    .prepare(`select count(*) as n from complaint_attachments where ${owner} = ?`)
    .bind(id)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** How many files a draft has. */
export const countDraftAttachments = (db: Db, draftId: string): Promise<number> =>
  countAttachments(db, 'draft_id', draftId);

/**
 * Adds a file to a draft unless it already has `max` (one statement, so images arriving at the same
 * moment cannot together pass the limit) or this LINE message is already stored (a retried event).
 */
export async function insertAttachment(
  db: Db,
  a: NewAttachment,
  max: number,
): Promise<'inserted' | 'duplicate' | 'full'> {
  const result = await db.$client
    .prepare(
      `insert into complaint_attachments (${FILE_COLUMNS}, draft_id)
       select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
       where (select count(*) from complaint_attachments where draft_id = ?) < ?
       on conflict (draft_id, source_ref) do nothing`,
    )
    .bind(...fileValues(a), a.draftId, a.draftId, max)
    .run();
  return insertOutcome(db, { draftId: a.draftId }, a.sourceRef, result.meta.changes);
}

/** Whose files: a draft's (being written) or a filed case's (sent while it awaits information). */
export type AttachmentOwner = { draftId: string } | { complaintId: number };

/** The owner's column of complaint_attachments and its value. */
export const ownerColumn = (o: AttachmentOwner): [string, string | number] =>
  'draftId' in o ? ['draft_id', o.draftId] : ['complaint_id', o.complaintId];

/**
 * What a guarded insert of a file did: written, already there (LINE redelivered the message), or
 * refused because the owner has its maximum of files.
 */
export async function insertOutcome(
  db: Db,
  owner: AttachmentOwner,
  sourceRef: string,
  changes: number | undefined,
): Promise<'inserted' | 'duplicate' | 'full'> {
  if (changes === 1) return 'inserted';
  const [column, id] = ownerColumn(owner);
  const existing = await db.$client
    .prepare(`select 1 as found from complaint_attachments where ${column} = ? and source_ref = ?`)
    .bind(id, sourceRef)
    .first();
  return existing ? 'duplicate' : 'full';
}

/** Removes a draft's files that were never filed with a complaint: rows and R2 objects. */
export async function deleteDraftAttachments(db: Db, bucket: R2Bucket, draftId: string): Promise<number> {
  const { results } = await db.$client
    .prepare('select r2_key from complaint_attachments where draft_id = ? and complaint_id is null')
    .bind(draftId)
    .all<{ r2_key: string }>();
  if (results.length === 0) return 0;
  await bucket.delete(results.map((r) => r.r2_key));
  await db.$client
    .prepare('delete from complaint_attachments where draft_id = ? and complaint_id is null')
    .bind(draftId)
    .run();
  return results.length;
}

/** A draft's stored file by where it came from (a repeated upload answers with the first one). */
export async function findDraftAttachment(
  db: Db,
  draftId: string,
  sourceRef: string,
): Promise<{ id: string; contentType: string; sizeBytes: number; sha256: string } | null> {
  return db.$client
    .prepare(
      `select id, content_type as contentType, size_bytes as sizeBytes, sha256
       from complaint_attachments where draft_id = ? and source_ref = ?`,
    )
    .bind(draftId, sourceRef)
    .first();
}

/** Removes one not-yet-filed file of a draft (row and R2 object); false when there is no such file. */
export async function deleteDraftAttachment(
  db: Db,
  bucket: R2Bucket,
  draftId: string,
  id: string,
): Promise<boolean> {
  const row = await db.$client
    .prepare(
      'delete from complaint_attachments where id = ? and draft_id = ? and complaint_id is null returning r2_key',
    )
    .bind(id, draftId)
    .first<{ r2_key: string }>();
  if (!row) return false;
  await bucket.delete(row.r2_key);
  return true;
}

/** How many files were filed with a complaint. */
export const countComplaintAttachments = (db: Db, complaintId: number): Promise<number> =>
  countAttachments(db, 'complaint_id', complaintId);
