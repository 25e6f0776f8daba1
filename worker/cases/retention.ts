import { toHex } from '../crypto/base64';
import type { Db } from '../db/client';
import type { ComplaintTrack } from '../../schema/contracts/complaint';
import { FINISHED_SQL, retentionDefaults } from './retention-policy';

/** Cases erased per run: a few statements each, well inside D1's 50 queries an invocation. */
export const RETENTION_BATCH = 5;

/** A case to erase, as the erasure needs it. */
export interface ErasableCase {
  id: number;
  org_id: number;
  vault_id: string;
  status: string;
}

const encoder = new TextEncoder();
const sha256Hex = async (text: string) =>
  toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));

/**
 * Erases the personal data of closed cases whose retention period has passed (retention-policy.ts):
 * the identity vault entry, the link to the complainant's account, the PIN, every free text (story,
 * place, when, who, notes, rating comment, messages to the complainant), the evidence in R2 and its
 * rows, and the waits that name a person. The case row keeps its figures; an `erased` event says what
 * went, and the audit chain still verifies (an erased note leaves its SHA-256). Reads only due cases
 * (a partial index); returns how many it erased.
 */
export async function eraseExpiredCases(db: Db, bucket: R2Bucket, now: number): Promise<number> {
  const c = db.$client;
  const { results: due } = await c
    .prepare(
      `select id, org_id, vault_id, status from complaints
       where erase_after is not null and erased_at is null and erase_after <= ? and status in (${FINISHED_SQL})
       order by erase_after limit ?`,
    )
    .bind(now, RETENTION_BATCH)
    .all<ErasableCase>();
  for (const row of due) await eraseCase(db, bucket, row, now, 'retention');
  return due.length;
}

/**
 * Erases one case's personal data (see eraseExpiredCases), recording who asked: the retention period,
 * or the complainant (my-data.ts).
 */
export async function eraseCase(
  db: Db,
  bucket: R2Bucket,
  row: ErasableCase,
  now: number,
  reason: 'retention' | 'request',
): Promise<void> {
  const c = db.$client;
  const [files, notes] = await c.batch<{ id: number; r2_key?: string; note?: string }>([
    c.prepare('select id, r2_key from complaint_attachments where complaint_id = ?').bind(row.id),
    c
      .prepare('select id, note from complaint_events where complaint_id = ? and note is not null')
      .bind(row.id),
  ]);
  // R2 first: if D1 fails after it, the next run finds the case still due and deletes nothing twice.
  const keys = files!.results.map((f) => f.r2_key!);
  if (keys.length > 0) await bucket.delete(keys);
  const digests = await Promise.all(notes!.results.map(async (n) => [n.id, await sha256Hex(n.note!)]));
  const why = reason === 'retention' ? 'ตามระยะเวลาเก็บรักษา' : 'ตามคำขอของผู้ร้องเรียน';
  const note = `ลบข้อมูลส่วนบุคคล${why}: หลักฐาน ${keys.length} ไฟล์ บันทึก ${digests.length} รายการ`;
  const actor = reason === 'retention' ? ['system', 'retention'] : ['resident', 'reporter'];
  const byCase = (sql: string) => c.prepare(sql).bind(row.id);
  await c.batch([
    c
      .prepare(
        `update complaints set description = '', place_text = null, place_address = null, latitude = null,
           longitude = null, occurred_text = null, involved = null, pin_hash = null, callback_phone = 0,
           erased_at = ?, erase_after = null
         where id = ? and erased_at is null`,
      )
      .bind(now, row.id),
    c
      .prepare(`update identity_vault set sealed = '' where id = ? and org_id = ?`)
      .bind(row.vault_id, row.org_id),
    c
      .prepare(
        `update complaint_events set note = null, erased_note_sha256 = (
           select json_extract(value, '$[1]') from json_each(?1) where json_extract(value, '$[0]') = complaint_events.id)
         where complaint_id = ?2 and id in (select json_extract(value, '$[0]') from json_each(?1))`,
      )
      .bind(JSON.stringify(digests), row.id),
    byCase('delete from complaint_attachments where complaint_id = ?'),
    byCase('delete from complaint_owners where complaint_id = ?'),
    byCase('delete from case_info_waits where complaint_id = ?'),
    byCase('delete from case_reply_waits where complaint_id = ?'),
    byCase('update case_ratings set comment = null where complaint_id = ?'),
    byCase(
      `update complainant_notices set message = '', status = case status when 'pending' then 'skipped' else status end
       where complaint_id = ?`,
    ),
    c
      .prepare(
        `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, from_status, to_status, note)
         values (?, ?, ?, ?, ?, 'erased', ?, ?, ?)`,
      )
      .bind(row.id, row.org_id, now, ...actor, row.status, row.status, note),
  ]);
}

/** The organisation's retention periods of both tracks, in days (its settings, else the defaults). */
export async function retentionPeriods(db: Db, orgId: number): Promise<Record<ComplaintTrack, number>> {
  const row = await db.$client
    .prepare(
      'select retention_days_grievance as g, retention_days_corruption as c from staff_settings where org_id = ?',
    )
    .bind(orgId)
    .first<{ g: number; c: number }>();
  return {
    grievance: row?.g ?? retentionDefaults.grievance,
    corruption: row?.c ?? retentionDefaults.corruption,
  };
}

/** The organisation's retention period for one track, in days. */
export const retentionDays = async (db: Db, orgId: number, track: ComplaintTrack): Promise<number> =>
  (await retentionPeriods(db, orgId))[track];
