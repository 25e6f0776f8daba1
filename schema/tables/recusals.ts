import { integer, primaryKey, sqliteTable } from 'drizzle-orm/sqlite-core';
import { complaints } from './complaints';
import { organizations } from './core';
import { staffMembers } from './staff';

/**
 * An integrity officer's declared conflict of interest on a case (migration 0017): from that moment they
 * neither see nor are told of it (worker/cases/involvement-policy.ts). The declaration is also an event.
 */
export const caseRecusals = sqliteTable(
  'case_recusals',
  {
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffMembers.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.staffId] })],
);
