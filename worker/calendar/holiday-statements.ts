import type { HolidayRow } from '../../schema/contracts/holiday';
import type { Statement } from '../orgs/provision';

/**
 * Statements that write holiday rows, national (`orgId` null) or one organisation's own: an upsert per
 * date, so loading the same calendar twice, or a corrected one, leaves one row per date with the latest
 * name, kind and source.
 */
export function holidayUpsertStatements(
  rows: readonly HolidayRow[],
  orgId: number | null = null,
): Statement[] {
  // Each scope has its own partial unique index (holidays_national_date, holidays_org_date).
  const conflict = orgId === null ? '(date) where org_id is null' : '(org_id, date) where org_id is not null';
  return rows.map((r) => ({
    sql: `insert into holidays (date, org_id, name, kind, source) values (?, ?, ?, ?, ?)
      on conflict ${conflict} do update set name = excluded.name, kind = excluded.kind, source = excluded.source`,
    params: [r.date, orgId, r.name, r.kind, r.source],
  }));
}
