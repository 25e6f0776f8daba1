import { bangkokDate } from '../../lib/thai-date';
import type { CaseListQuery, CasePage } from '../../schema/contracts/staff-api';
import type { complaintCategories, complaints, units } from '../../schema/tables/complaints';
import type { staffMembers } from '../../schema/tables/staff';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';
import { isManager } from './case-machine';
import { notKeptOutSql } from './involvement-policy';
import { LATE_SQL, lateness } from './lateness';
import type { StaffMember } from '../staff/staff-data';

/**
 * Who may see which cases, as SQL: the same rule as `canRead` in the state machine (executives see
 * everything, integrity officers the corruption track, admins the grievances, officers the grievances
 * of their units, unrouted ones and their own), less what the involvement policy keeps them out of.
 */
function visibility(me: StaffMember): { sql: string; params: (string | number)[] } {
  const byRole = roleVisibility(me);
  const allowed = notKeptOutSql(me);
  return { sql: `(${byRole.sql} and ${allowed.sql})`, params: [...byRole.params, ...allowed.params] };
}

function roleVisibility(me: StaffMember): { sql: string; params: (string | number)[] } {
  if (me.roles.includes('executive')) return { sql: '1 = 1', params: [] };
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (isManager('corruption', me)) parts.push(`c.track = 'corruption'`);
  if (isManager('grievance', me)) parts.push(`c.track = 'grievance'`);
  else if (me.roles.includes('officer')) {
    const units = me.unitIds.map(() => '?').join(',');
    parts.push(
      `(c.track = 'grievance' and (c.unit_id is null or h.assignee_id = ?${units ? ` or c.unit_id in (${units})` : ''}))`,
    );
    params.push(me.id, ...me.unitIds);
  }
  return parts.length > 0 ? { sql: `(${parts.join(' or ')})`, params } : { sql: '1 = 0', params: [] };
}

// The joined names come through outer joins (unit, assignee): null when there is none.
type ListRow = Pick<
  SqlRow<typeof complaints>,
  | 'id'
  | 'code'
  | 'track'
  | 'status'
  | 'version'
  | 'created_at'
  | 'result_due_on'
  | 'unit_id'
  | 'forward_due_on'
  | 'acknowledge_due_on'
> & {
  category_name: SqlRow<typeof complaintCategories>['name'];
  unit_name: SqlRow<typeof units>['name'] | null;
  assignee_name: SqlRow<typeof staffMembers>['display_name'] | null;
};

/**
 * One page of the cases a staff member may see, filtered, newest first or most urgent (earliest result
 * deadline) first, with keyset pagination: the cursor is the last row's sort key and id.
 */
export async function listCases(
  db: Db,
  orgId: number,
  me: StaffMember,
  q: CaseListQuery,
  now: number,
): Promise<CasePage> {
  const today = bangkokDate(now);
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    where.push(sql);
    params.push(...values);
  };
  add('c.org_id = ?', orgId);
  const seen = visibility(me);
  add(seen.sql, ...seen.params);
  if (q.track) add('c.track = ?', q.track);
  if (q.status) add('c.status = ?', q.status);
  if (q.unit) add('c.unit_id = ?', q.unit);
  if (q.mine) add('h.assignee_id = ?', me.id);
  if (q.overdue) add(LATE_SQL, today, today, today);
  const urgent = q.sort === 'urgent';
  if (q.cursor) {
    const [key = '', id = '0'] = q.cursor.split('.');
    if (urgent) add('(c.result_due_on > ? or (c.result_due_on = ? and c.id > ?))', key, key, Number(id));
    else add('(c.created_at < ? or (c.created_at = ? and c.id < ?))', Number(key), Number(key), Number(id));
  }
  const order = urgent ? 'c.result_due_on asc, c.id asc' : 'c.created_at desc, c.id desc';
  const { results } = await db.$client
    .prepare(
      `select c.id, c.code, c.track, c.status, c.version, k.name as category_name, u.name as unit_name,
         s.display_name as assignee_name, c.created_at, c.result_due_on, c.unit_id, c.forward_due_on,
         c.acknowledge_due_on
       from complaints c
       join complaint_categories k on k.id = c.category_id
       left join units u on u.id = c.unit_id
       left join case_handling h on h.complaint_id = c.id
       left join staff_members s on s.id = h.assignee_id
       where ${where.join(' and ')} order by ${order} limit ?`,
    )
    .bind(...params, q.limit + 1)
    .all<ListRow>();
  const page = results.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor =
    results.length > q.limit && last ? `${urgent ? last.result_due_on : last.created_at}.${last.id}` : null;
  return {
    items: page.map((r) => ({
      id: r.id,
      code: r.code,
      track: r.track,
      status: r.status,
      version: r.version,
      categoryName: r.category_name,
      unitName: r.unit_name,
      assigneeName: r.assignee_name,
      createdAt: r.created_at,
      resultDueOn: r.result_due_on,
      overdue:
        lateness(
          {
            status: r.status,
            unitId: r.unit_id,
            forwardDueOn: r.forward_due_on,
            acknowledgeDueOn: r.acknowledge_due_on,
            resultDueOn: r.result_due_on,
          },
          today,
        ) !== null,
    })),
    nextCursor,
  };
}
