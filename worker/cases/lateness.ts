import type { ComplaintStatus } from '../../schema/contracts/complaint-rules';
import { finalStatuses } from '../../schema/contracts/staff';

const DAY_MS = 24 * 60 * 60 * 1000;
const FINAL = finalStatuses.map((s) => `'${s}'`).join(',');

/** What deciding lateness needs of a case. */
export interface DueFacts {
  status: ComplaintStatus;
  unitId: number | null;
  /** Null for cases filed before the forward deadline was stored (migration 0008). */
  forwardDueOn: string | null;
  acknowledgeDueOn: string;
  resultDueOn: string;
}

/**
 * How a case is late on `today`, the earliest missed step first (not sent to a unit within 1 working
 * day, not accepted within 2, no result within 15), with calendar days; null if not late.
 */
export function lateness(
  c: DueFacts,
  today: string,
): { kind: 'unforwarded' | 'unacknowledged' | 'result'; days: number } | null {
  if (finalStatuses.includes(c.status)) return null;
  const days = (due: string) => Math.round((Date.parse(today) - Date.parse(due)) / DAY_MS);
  if (c.status === 'received' && c.unitId === null && c.forwardDueOn !== null && c.forwardDueOn < today) {
    return { kind: 'unforwarded', days: days(c.forwardDueOn) };
  }
  if (c.status === 'received' && c.acknowledgeDueOn < today) {
    return { kind: 'unacknowledged', days: days(c.acknowledgeDueOn) };
  }
  return c.resultDueOn < today ? { kind: 'result', days: days(c.resultDueOn) } : null;
}

/** The same rule in SQL over complaints `c`: bind today's date three times. */
export const LATE_SQL = `c.status not in (${FINAL}) and (c.result_due_on < ? or (c.status = 'received'
  and (c.acknowledge_due_on < ? or (c.unit_id is null and c.forward_due_on < ?))))`;
