import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { complaints } from './complaints';
import { organizations } from './core';

const orgId = () =>
  integer('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/**
 * Who may list a case by their LINE account: a keyed hash (purpose `complaint-owner`) of the organisation
 * and the reporter's LINE user id, written with the complaint for identified and confidential reports
 * only. Anonymous reports have no row: they open only with code and PIN (docs/tracking.md).
 */
export const complaintOwners = sqliteTable(
  'complaint_owners',
  {
    complaintId: integer('complaint_id')
      .primaryKey()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    orgId: orgId(),
    ownerKey: text('owner_key').notNull(),
  },
  (t) => [index('complaint_owners_org_owner').on(t.orgId, t.ownerKey)],
);

/**
 * Failed attempts to open a case by code and PIN, per person and per code (both as keyed hashes, purpose
 * `track-guard`): five within an hour lock that key for an hour.
 */
export const trackGuards = sqliteTable(
  'track_guards',
  {
    orgId: orgId(),
    guardKey: text('guard_key').notNull(),
    failures: integer('failures').notNull(),
    windowStart: integer('window_start').notNull(),
    lockedUntil: integer('locked_until'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.guardKey] }), index('track_guards_window').on(t.windowStart)],
);

/** A code typed in chat that waits for its PIN in the person's next message (10 minutes). */
export const trackPinWaits = sqliteTable(
  'track_pin_waits',
  {
    orgId: orgId(),
    personKey: text('person_key').notNull(),
    code: text('code').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.personKey] })],
);

/**
 * "ส่งข้อมูลเพิ่มเติม" (docs/tracking.md): per person (keyed hash, purpose `case-info-person`) and case,
 * either the right to start adding information (`open` = 0: an anonymous case opened with code and PIN in
 * the chat, 30 minutes) or the window in which the person's next messages are recorded on the case
 * (`open` = 1, 10 minutes).
 */
export const caseInfoWaits = sqliteTable(
  'case_info_waits',
  {
    orgId: orgId(),
    personKey: text('person_key').notNull(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    open: integer('open', { mode: 'boolean' }).notNull().default(false),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personKey, t.complaintId] }),
    index('case_info_waits_expires').on(t.expiresAt),
  ],
);
