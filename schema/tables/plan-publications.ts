import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organizations } from './core';
import { staffMembers } from './staff';

/**
 * Who made which plan the public one, and when: one row per publication (an admin's upload in the staff
 * LIFF, an operator's `npm run load-plan`) or restoration of the previous version. The plan rows are
 * replaced; this history is not. `staffId` is null for the operator command.
 */
export const planPublications = sqliteTable(
  'plan_publications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    planKey: text('plan_key').notNull(),
    /** The load that became active (plans.load_id); the plan row itself may be gone since. */
    loadId: text('load_id').notNull(),
    action: text('action', { enum: ['publish', 'restore'] }).notNull(),
    staffId: integer('staff_id').references(() => staffMembers.id, { onDelete: 'set null' }),
    source: text('source'),
    title: text('title'),
    firstYear: integer('first_year').notNull(),
    lastYear: integer('last_year').notNull(),
    projects: integer('projects').notNull(),
    budgetTotal: integer('budget_total').notNull(),
    discrepancies: integer('discrepancies').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('plan_publications_org').on(t.orgId, t.at)],
);
