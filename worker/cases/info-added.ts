import { finalStatuses } from '../../schema/contracts/staff';
import type { Db } from '../db/client';
import { type CaseRecord, getCase } from './cases-data';

/** The timeline action of information a complainant added on their own (no status change). */
export const INFO_ADDED = 'info_added';

const FINAL = finalStatuses.map((s) => `'${s}'`).join(', ');

/**
 * Records information a complainant added to their open case ("ส่งข้อมูลเพิ่มเติม", chat or LIFF): an
 * `info_added` event, actor the complainant ('resident', 'reporter'), the text as its note. Checked in the
 * insert, so a case closed meanwhile gets nothing. Returns the case and the event's id (it names the
 * staff notice), or null when the case is not open in this organisation.
 */
export async function recordInfoAdded(
  db: Db,
  args: { orgId: number; complaintId: number; text: string; now: number },
): Promise<{ case: CaseRecord; eventId: number } | null> {
  const row = await db.$client
    .prepare(
      `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, from_status,
         to_status, note)
       select id, org_id, ?, 'resident', 'reporter', ?, null, null, ?
       from complaints where id = ? and org_id = ? and status not in (${FINAL})
       returning id`,
    )
    .bind(args.now, INFO_ADDED, args.text, args.complaintId, args.orgId)
    .first<{ id: number }>();
  if (!row) return null;
  const c = await getCase(db, args.orgId, args.complaintId);
  return c ? { case: c, eventId: row.id } : null;
}
