import type { Db } from '../db/client';
import type { ExportRow } from './chain-csv';

/**
 * An organisation's sealed chain joined to what each row records, for the admins' export: the case code,
 * the action (a complaint event's, or `access_<via>` for the access log), who acted (a staff id,
 * `reporter`, `system`), how many items a list or export showed, and when. Notes are left out: they can
 * hold what a resident typed (docs/privacy.md, "Audit trail"); the digest covers them.
 */
export async function exportRows(db: Db, orgId: number): Promise<ExportRow[]> {
  const { results } = await db.$client
    .prepare(
      `select a.seq, a.source, a.source_id, a.row_digest, a.prev_hash, a.hash, c.code,
         coalesce(e.action, 'access_' || v.via) as action,
         coalesce(e.actor_type, case when v.id is not null then 'staff' end) as actor_type,
         coalesce(e.actor_ref, cast(v.staff_id as text)) as actor, v.items, coalesce(e.at, v.at) as at
       from audit_chain a
       left join complaint_events e on a.source = 'event' and e.id = a.source_id and e.org_id = a.org_id
       left join case_views v on a.source = 'view' and v.id = a.source_id and v.org_id = a.org_id
       left join complaints c on c.id = coalesce(e.complaint_id, v.complaint_id) and c.org_id = a.org_id
       where a.org_id = ? order by a.seq`,
    )
    .bind(orgId)
    .all<ExportRow>();
  return results;
}

/** Records an export in the access log (sealed into the chain by the next cron run) before it is answered. */
export async function recordExport(
  db: Db,
  args: { orgId: number; staffId: number; rows: number; now: number },
): Promise<void> {
  await db.$client
    .prepare(
      "insert into case_views (org_id, complaint_id, staff_id, via, items, at) values (?, null, ?, 'export', ?, ?)",
    )
    .bind(args.orgId, args.staffId, args.rows, args.now)
    .run();
}
