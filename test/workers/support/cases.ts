import { allRows, execute, firstRow } from './db';

/** A complaint row by tracking code, with its assignee. */
export const caseByCode = (code: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: a joined row, asserted field by field.
  firstRow<any>(
    'select c.*, h.assignee_id from complaints c left join case_handling h on h.complaint_id = c.id where c.code = ?',
    code,
  );

/** Sets columns of a complaint by tracking code (due dates a test moves into the past). */
export async function setCase(code: string, columns: Record<string, unknown>): Promise<void> {
  const names = Object.keys(columns);
  await execute(
    `update complaints set ${names.map((n) => `${n} = ?`).join(', ')} where code = ?`,
    ...Object.values(columns),
    code,
  );
}

/** The case events of one action on a complaint (by tracking code). */
export const caseEvents = (code: string, action: string) =>
  allRows<{ actor_ref: string; note: string; from_status: string; to_status: string }>(
    `select e.actor_ref, e.note, e.from_status, e.to_status from complaint_events e
     join complaints c on c.id = e.complaint_id where c.code = ? and e.action = ?`,
    code,
    action,
  );
