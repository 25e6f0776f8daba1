import { retentionDefaults } from '../../schema/contracts/complaint-rules';
import { finalStatuses } from '../../schema/contracts/staff';

/** The finished statuses, as an SQL list: a case in one of them is closed for retention. */
export const FINISHED_SQL = finalStatuses.map((s) => `'${s}'`).join(', ');

/**
 * How long a closed case keeps the personal data in it (pure; docs/privacy.md, "Retention"). After the
 * period the retention job (retention.ts) erases the identity, the evidence and every free text, and
 * keeps the case's figures (track, category, unit, dates, status, outcome) for the statistics the plans
 * require. The period runs from closure; reopening stops it, and closing again starts it anew.
 */
export { retentionDefaults };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * SQL for `complaints.erase_after` inside an update of the complaint whose new status is bound first
 * and the time of the change second: the organisation's period for the case's track (its settings row,
 * else the defaults) when the case is finished (resolved, rejected, closed), nothing otherwise; at once
 * when the complainant asked for their data to be deleted (my-data.ts).
 */
export const eraseAfterSql = `case when ? in (${FINISHED_SQL}) then ? + ${DAY_MS} * case when complaints.erase_requested_at is not null then 0 else coalesce(
    (select case complaints.track when 'corruption' then s.retention_days_corruption else s.retention_days_grievance end
       from staff_settings s where s.org_id = complaints.org_id),
    case complaints.track when 'corruption' then ${retentionDefaults.corruption} else ${retentionDefaults.grievance} end) end
  else null end`;
