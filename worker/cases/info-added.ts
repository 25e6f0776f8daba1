import { finalStatuses } from '../../schema/contracts/staff';
import type { Db } from '../db/client';
import { type CaseRecord, getCase } from './cases-data';

/** The timeline action of information a complainant added on their own (no status change). */
export const INFO_ADDED = 'info_added';

/** How many texts a complainant may add to one case in 24 hours (each one is a billed push to staff). */
export const INFO_PER_DAY_MAX = 10;
const DAY_MS = 24 * 60 * 60_000;

const FINAL = finalStatuses.map((s) => `'${s}'`).join(', ');

/**
 * Records information a complainant added to their open case ("ส่งข้อมูลเพิ่มเติม", chat or LIFF): an
 * `info_added` event, actor the complainant ('resident', 'reporter'), the text as its note. Checked in the
 * insert, so a case closed meanwhile gets nothing, nor one that took INFO_PER_DAY_MAX texts in the last
 * 24 hours. Returns the case and the event's id (it names the staff notice), 'closed' when the case is
 * not open in this organisation, or 'limit'.
 */
export async function recordInfoAdded(
  db: Db,
  args: { orgId: number; complaintId: number; text: string; now: number },
): Promise<{ case: CaseRecord; eventId: number } | 'closed' | 'limit'> {
  const row = await db.$client
    .prepare(
      `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, from_status,
         to_status, note)
       select id, org_id, ?, 'resident', 'reporter', ?, null, null, ?
       from complaints where id = ? and org_id = ? and status not in (${FINAL})
         and (select count(*) from complaint_events where complaint_id = ? and action = ? and at > ?) < ?
       returning id`,
    )
    .bind(
      args.now,
      INFO_ADDED,
      args.text,
      args.complaintId,
      args.orgId,
      args.complaintId,
      INFO_ADDED,
      args.now - DAY_MS,
      INFO_PER_DAY_MAX,
    )
    .first<{ id: number }>();
  const c = await getCase(db, args.orgId, args.complaintId);
  if (!c || finalStatuses.includes(c.status)) return 'closed';
  return row ? { case: c, eventId: row.id } : 'limit';
}
