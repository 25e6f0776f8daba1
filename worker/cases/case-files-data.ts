import type { Db } from '../db/client';
import { FILE_COLUMNS, fileValues, insertOutcome, type StoredFile } from '../complaints/attachments-data';

/**
 * Files a complainant sends later, to a case awaiting their information: kept like the evidence filed
 * with the complaint (`complaint_attachments`, linked by `complaint_id`, no draft), so the staff case
 * detail lists them with the same signed links.
 */
export interface NewCaseFile extends StoredFile {
  complaintId: number;
  /** The timeline line written with the file (actor: the complainant). */
  note: string;
}

/** How many files a complainant may add to one case after filing it (the filed evidence not counted). */
export const CASE_FILES_MAX = 10;

/** The timeline action of a file sent by the complainant after filing (no status change). */
export const EVIDENCE_ADDED = 'evidence_added';

/**
 * Adds a complainant's file to a case, with its timeline event, in one batch: nothing is written when
 * this LINE message is already stored (a retried event) or the case already holds CASE_FILES_MAX
 * such files (checked in the insert, so photos arriving together cannot pass the limit).
 */
export async function insertCaseFile(db: Db, f: NewCaseFile): Promise<'inserted' | 'duplicate' | 'full'> {
  const c = db.$client;
  const [inserted] = await c.batch([
    c
      .prepare(
        `insert into complaint_attachments (${FILE_COLUMNS}, complaint_id)
         select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
         where not exists (select 1 from complaint_attachments where complaint_id = ? and source_ref = ?)
           and (select count(*) from complaint_attachments
             where complaint_id = ? and draft_id is null and purpose = 'evidence') < ?`,
      )
      .bind(...fileValues(f), f.complaintId, f.complaintId, f.sourceRef, f.complaintId, CASE_FILES_MAX),
    // Only when the row above was written: its id is new and random.
    c
      .prepare(
        `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, from_status,
           to_status, note)
         select complaint_id, org_id, ?, 'resident', 'reporter', ?, null, null, ?
         from complaint_attachments where id = ? and complaint_id = ?`,
      )
      .bind(f.now, EVIDENCE_ADDED, f.note, f.id, f.complaintId),
  ]);
  return insertOutcome(db, { complaintId: f.complaintId }, f.sourceRef, inserted?.meta.changes);
}
