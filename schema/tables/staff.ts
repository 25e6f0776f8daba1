import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  caseOutcomes,
  notifyPolicies,
  outsideBodies,
  reminderPolicies,
  staffRoles,
} from '../contracts/staff';
import { caseViewVias } from '../contracts/audit';
import { organizations } from './core';
import { complaints, units } from './complaints';

const orgId = () =>
  integer('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/**
 * A staff member of one organisation. Found by a keyed hash of their LINE user id (`person_key`, like
 * drafts); the id itself is kept sealed (context `staff:<orgId>:<personKey>`) because the bot must push
 * to them, but a copy of the database should not tell which LINE accounts work where. Removal keeps the
 * row (events and cases point to it) and revokes at once: every request re-reads `status`.
 */
export const staffMembers = sqliteTable(
  'staff_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: orgId(),
    personKey: text('person_key').notNull(),
    lineUserSealed: text('line_user_sealed').notNull(),
    /** The LINE display name at registration: what colleagues see. Never shown to complainants. */
    displayName: text('display_name').notNull(),
    status: text('status', { enum: ['active', 'removed'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('staff_members_org_person').on(t.orgId, t.personKey)],
);

/** Roles of a staff member (several per person). */
export const staffRolesTable = sqliteTable(
  'staff_roles',
  {
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffMembers.id, { onDelete: 'cascade' }),
    role: text('role', { enum: staffRoles }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.role] }), index('staff_roles_role').on(t.role)],
);

/** Units a staff member works in (officers get the grievances routed to these). */
export const staffUnits = sqliteTable(
  'staff_units',
  {
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffMembers.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.unitId] }), index('staff_units_unit').on(t.unitId)],
);

/**
 * One-time, expiring codes: `staff` invites register a person with a role; `group_bind` makes a LINE
 * group the organisation's staff desk. Only a keyed hash of the code is stored.
 */
export const staffInvites = sqliteTable(
  'staff_invites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: orgId(),
    codeHash: text('code_hash').notNull(),
    kind: text('kind', { enum: ['staff', 'group_bind'] }).notNull(),
    role: text('role', { enum: staffRoles }),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'set null' }),
    /** The admin who issued it; null for the operator command. */
    createdBy: integer('created_by').references(() => staffMembers.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    usedBy: integer('used_by').references(() => staffMembers.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('staff_invites_code').on(t.codeHash)],
);

/** Per organisation: the staff desk group and how new grievances are announced. */
export const staffSettings = sqliteTable('staff_settings', {
  orgId: integer('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  deskChatId: text('desk_chat_id'),
  notifyPolicy: text('notify_policy', { enum: notifyPolicies }).notNull().default('group'),
  /** Bangkok times ("HH:MM", comma-separated) at which the digest policy sends its summary. */
  digestTimes: text('digest_times').notNull().default('08:30,13:30'),
  /** How often handlers (and, weekly, executives) hear of late cases. */
  reminderPolicy: text('reminder_policy', { enum: reminderPolicies }).notNull().default('daily'),
  /** Days after closure until a case's personal data is erased, per track (worker/cases/retention-policy.ts). */
  retentionDaysGrievance: integer('retention_days_grievance').notNull().default(365),
  retentionDaysCorruption: integer('retention_days_corruption').notNull().default(1825),
  /** Days after a tip is finished until its reporter is asked whether they suffered for it (0: never). */
  checkinDays: integer('checkin_days').notNull().default(28),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Outbox of new-case notifications, written in the complaint's own batch (never lost); sent at once or
 * at the next digest time, retried by the cron. `next_attempt_at` is also the lease of a row being sent.
 */
export const staffNotices = sqliteTable(
  'staff_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: orgId(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'sent', 'skipped', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** How it went out: group, unit_officers, integrity, digest (for billing review). */
    route: text('route'),
    recipients: integer('recipients'),
    lastError: text('last_error'),
    /**
     * Since when LINE has refused it because the month's message quota is used up: held (retried hourly,
     * not counted as a failure) and mentioned in staff's free chat replies until it goes out.
     */
    heldSince: integer('held_since'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [
    uniqueIndex('staff_notices_complaint').on(t.complaintId),
    index('staff_notices_due').on(t.status, t.nextAttemptAt),
    index('staff_notices_held').on(t.orgId).where(sql`held_since is not null and status = 'pending'`),
  ],
);

/** Handling data of a case beside the complaint itself: owner, outcome, referral. */
export const caseHandling = sqliteTable('case_handling', {
  complaintId: integer('complaint_id')
    .primaryKey()
    .references(() => complaints.id, { onDelete: 'cascade' }),
  orgId: orgId(),
  assigneeId: integer('assignee_id').references(() => staffMembers.id, { onDelete: 'set null' }),
  outcome: text('outcome', { enum: caseOutcomes }),
  resultSummary: text('result_summary'),
  duplicateOf: integer('duplicate_of').references(() => complaints.id, { onDelete: 'set null' }),
  referralBody: text('referral_body', { enum: outsideBodies }),
  referralAgency: text('referral_agency'),
  referralRef: text('referral_ref'),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * A question to a complainant awaiting their answer, found from their next message by a keyed hash of
 * their LINE user id (never the id). Written only by the notifier; deleted once answered or moved on.
 */
export const caseReplyWaits = sqliteTable(
  'case_reply_waits',
  {
    orgId: orgId(),
    personKey: text('person_key').notNull(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    /** The staff member who asked: the answer is forwarded to them. */
    askedBy: integer('asked_by').references(() => staffMembers.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personKey, t.complaintId] }),
    index('case_reply_waits_complaint').on(t.complaintId),
  ],
);

/** A staff member's next typed text in one chat is the text a pressed button asked for. */
export const staffPrompts = sqliteTable(
  'staff_prompts',
  {
    orgId: orgId(),
    chatId: text('chat_id').notNull(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffMembers.id, { onDelete: 'cascade' }),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    arg: text('arg').notNull().default(''),
    version: integer('version').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.chatId, t.staffId] })],
);

/**
 * The access log of corruption cases: every opening by staff (detail in the LIFF, the card in chat, an
 * evidence file through its signed link), every reading of a confidential reporter's contact (`reveal`,
 * its reason in the matching `events` row), every staff list that showed corruption cases (`list`, no
 * case, `items` = how many) and every export of the audit chain (`export`, `items` = rows). Admins read
 * it; the cron seals it into the audit chain (worker/audit/seal.ts). `via` has no CHECK constraint in
 * the database: a new value needs no migration.
 */
export const caseViews = sqliteTable(
  'case_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: orgId(),
    /** Null for a read of several cases (`list`, `export`). */
    complaintId: integer('complaint_id').references(() => complaints.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staffMembers.id, { onDelete: 'cascade' }),
    via: text('via', { enum: caseViewVias }).notNull(),
    /** How many cases a list showed, or rows an export held; null for one case. */
    items: integer('items'),
    at: integer('at').notNull(),
  },
  (t) => [index('case_views_org_time').on(t.orgId, t.at)],
);

/**
 * Claims of the cron's calendar jobs (worker/notices/scheduled-runs.ts): one row per job, period ("2026-11-23",
 * "2026-11") and organisation, written before sending; organisation 0 marks a period done for all.
 * No foreign key on purpose: 0 is not an organisation.
 */
export const scheduledRuns = sqliteTable(
  'scheduled_runs',
  {
    job: text('job', { enum: ['overdue', 'monthly_report'] }).notNull(),
    period: text('period').notNull(),
    orgId: integer('org_id').notNull(),
    /** People reached (billable pushes); null while sending, for the "done" marker, or after a failure. */
    recipients: integer('recipients'),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.period, t.orgId] })],
);

/**
 * The outbox of messages to complainants (accepted, questions, updates, forwarding, results, reopening):
 * written in the same batch as the case's transition, so an accepted action never loses its notice.
 * Sent by the action itself at once and by the cron after a failure (back-off; held, not failed, while
 * the month's quota is used up). Notices of one case due together go out as ONE push (one billable
 * message), and each push carries a retry key fixed at its first attempt, so a retry never delivers twice.
 * The message text never holds the complainant's identity (it is the organisation's text).
 */
export const complainantNotices = sqliteTable(
  'complainant_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: orgId(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** One LINE message object (JSON), composed without any identity. */
    message: text('message').notNull(),
    /** Makes the enqueue idempotent (one notice per case version). */
    sourceKey: text('source_key').notNull(),
    /** When the notice asks a question: the staff member the answer goes to. */
    awaitReplyBy: integer('await_reply_by'),
    status: text('status', { enum: ['pending', 'sent', 'dead', 'skipped'] })
      .notNull()
      .default('pending'),
    /** The notices that went (or go) out together in one push: the first one's id. Fixed at the first try. */
    batchId: integer('batch_id'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    heldSince: integer('held_since'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [
    uniqueIndex('complainant_notices_source').on(t.orgId, t.sourceKey),
    index('complainant_notices_due').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('complainant_notices_case').on(t.complaintId, t.status),
  ],
);
