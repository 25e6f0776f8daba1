import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { complaintStatuses, complaintTracks, identityModes, involvedRoles } from '../contracts/complaint';
import { holidayKinds } from '../contracts/holiday';
import { organizations } from './core';

const orgId = () =>
  integer('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** A unit (กอง/สำนัก/ศูนย์) of an organisation that complaints are routed to. */
export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: orgId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The unit whose designated officers handle corruption complaints. */
    handlesIntegrity: integer('handles_integrity', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('units_org_code').on(t.orgId, t.code)],
);

/** A complaint category of one track, per organisation (defaults seeded), mapped to a responsible unit. */
export const complaintCategories = sqliteTable(
  'complaint_categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: orgId(),
    track: text('track', { enum: complaintTracks }).notNull(),
    code: text('code').notNull(),
    /** Short enough for a LINE button (≤ 20 characters). */
    name: text('name').notNull(),
    description: text('description').notNull(),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'set null' }),
    sort: integer('sort').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('complaint_categories_org_code').on(t.orgId, t.code),
    index('complaint_categories_org_track').on(t.orgId, t.track, t.sort),
  ],
);

/**
 * Days off that working-day deadlines skip (worker/calendar): national rows (org_id null, loaded by
 * migration 0008 and tools/holidays-load.ts) and an organisation's own special days, which count only
 * for that organisation. One row per date per scope.
 */
export const holidays = sqliteTable(
  'holidays',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    orgId: integer('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: holidayKinds }).notNull().default('holiday'),
    /** The announcement or rule the date comes from; says so when a date is not yet confirmed. */
    source: text('source').notNull().default(''),
  },
  (t) => [
    uniqueIndex('holidays_national_date').on(t.date).where(sql`org_id is null`),
    uniqueIndex('holidays_org_date').on(t.orgId, t.date).where(sql`org_id is not null`),
  ],
);

/**
 * Reporter identities, sealed (AES-GCM, context `vault:<orgId>:<id>`): the LINE user id for updates,
 * and for confidential reports name and phone. Staff code paths never read this table.
 */
export const identityVault = sqliteTable('identity_vault', {
  id: text('id').primaryKey(),
  orgId: orgId(),
  kind: text('kind', { enum: identityModes }).notNull(),
  sealed: text('sealed').notNull(),
  createdAt: integer('created_at').notNull(),
});

/** A filed complaint. Links to its reporter only through the opaque vault id. */
export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: orgId(),
    /** The tracking code people read and type ("K7QM-4R9P"), unique per organisation. */
    code: text('code').notNull(),
    /** Idempotency: the chat draft or LIFF form that filed it; a second submission of it files nothing. */
    submissionKey: text('submission_key').notNull(),
    track: text('track', { enum: complaintTracks }).notNull(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => complaintCategories.id),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'set null' }),
    status: text('status', { enum: complaintStatuses }).notNull().default('received'),
    /** Optimistic concurrency: every update checks and bumps it. */
    version: integer('version').notNull().default(1),
    description: text('description').notNull(),
    placeText: text('place_text'),
    placeAddress: text('place_address'),
    latitude: real('latitude'),
    longitude: real('longitude'),
    occurredOn: text('occurred_on'),
    occurredText: text('occurred_text'),
    involved: text('involved'),
    /** Who a corruption tip is about, by role (migration 0017): decides who must not see it. */
    involvedRole: text('involved_role', { enum: involvedRoles }),
    /** The unit whose staff are involved (`unit_staff`): its members never see the case. */
    involvedUnitId: integer('involved_unit_id').references(() => units.id, { onDelete: 'set null' }),
    identityMode: text('identity_mode', { enum: identityModes }).notNull(),
    /**
     * False when an anonymous reporter chose not to be reached in LINE: the vault then holds no LINE
     * user id, no notice is written for the complainant, and the case is followed by code + PIN only.
     */
    reachInLine: integer('reach_in_line', { mode: 'boolean' }).notNull().default(true),
    /** A general grievance whose reporter gave a phone for a call-back (the number itself is in the vault). */
    callbackPhone: integer('callback_phone', { mode: 'boolean' }).notNull().default(false),
    /**
     * When the personal data of a closed case is erased (docs/privacy.md, "Retention"): set at closure
     * from the organisation's retention period for the track, cleared on reopening.
     */
    eraseAfter: integer('erase_after'),
    /** When it was erased: identity, evidence and free text gone, the case's figures kept. */
    erasedAt: integer('erased_at'),
    /** The complainant asked for their data to be deleted while the case was open: erased once finished. */
    eraseRequestedAt: integer('erase_requested_at'),
    /** A report of retaliation filed from the check-in after this earlier case (worker/cases/checkin.ts). */
    relatedComplaintId: integer('related_complaint_id'),
    /**
     * The project of the organisation's anti-corruption plan a tip concerns, set by an integrity officer
     * (worker/cases/plan-project.ts): the plan's public key and the project's sequence in it, not a row
     * id, since reloading a plan replaces its rows and keeps these.
     */
    planKey: text('plan_key'),
    planProjectSeq: integer('plan_project_seq'),
    vaultId: text('vault_id')
      .notNull()
      .references(() => identityVault.id),
    /** Anonymous reports: salted keyed hash of the PIN shown once in the receipt. */
    pinHash: text('pin_hash'),
    channel: text('channel', { enum: ['line_chat', 'liff'] }).notNull(),
    /** Thai calendar dates (YYYY-MM-DD) the organisation committed to in the receipt. */
    acknowledgeDueOn: text('acknowledge_due_on').notNull(),
    /** Forward to the responsible unit by this date (1 working day); null for complaints filed before 0008. */
    forwardDueOn: text('forward_due_on'),
    resultDueOn: text('result_due_on').notNull(),
    /**
     * When the complainant is next told how the open case stands (every 15 working days, the first on the
     * result date); null once nothing more is due (closed) or for cases filed before it was kept.
     */
    progressDueOn: text('progress_due_on'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('complaints_org_code').on(t.orgId, t.code),
    uniqueIndex('complaints_org_submission').on(t.orgId, t.submissionKey),
    index('complaints_org_status').on(t.orgId, t.status, t.createdAt),
    // Reports: what was filed in a period.
    index('complaints_org_created').on(t.orgId, t.createdAt),
    // Overdue reminders: late cases of every organisation, without reading the finished ones.
    index('complaints_open_result_due')
      .on(t.resultDueOn, t.orgId)
      .where(sql`status not in ('resolved', 'rejected', 'closed')`),
    index('complaints_open_progress_due')
      .on(t.progressDueOn, t.orgId)
      .where(sql`status not in ('resolved', 'rejected', 'closed')`),
    index('complaints_received_ack_due').on(t.acknowledgeDueOn, t.orgId).where(sql`status = 'received'`),
    // The retention job: closed cases whose period has passed, without reading the others.
    index('complaints_erase_due').on(t.eraseAfter).where(sql`erase_after is not null and erased_at is null`),
    // Cases not yet sent to a unit, by their 1-working-day forward deadline (overdue reminders).
    index('complaints_unrouted_forward_due')
      .on(t.forwardDueOn, t.orgId)
      .where(sql`status = 'received' and unit_id is null`),
  ],
);

/** Every change of a complaint: who (never a LINE user id: 'reporter' or a staff id), when, from, to. */
export const complaintEvents = sqliteTable(
  'complaint_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    orgId: orgId(),
    at: integer('at').notNull(),
    actorType: text('actor_type', { enum: ['resident', 'staff', 'system'] }).notNull(),
    actorRef: text('actor_ref').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: complaintStatuses }),
    toStatus: text('to_status', { enum: complaintStatuses }),
    note: text('note'),
    /** SHA-256 of a note erased by the retention job: the audit chain still verifies the row. */
    erasedNoteSha256: text('erased_note_sha256'),
  },
  (t) => [
    index('complaint_events_complaint').on(t.complaintId, t.at),
    // Reports: what was closed in a period.
    index('complaint_events_org_action').on(t.orgId, t.action, t.at),
  ],
);

/**
 * A complaint being written in chat: one active draft per person per organisation, found by a keyed
 * hash of the LINE user id (never the id itself). Identity fields are sealed.
 */
export const complaintDrafts = sqliteTable(
  'complaint_drafts',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    personKey: text('person_key').notNull(),
    state: text('state', { enum: ['active', 'submitted', 'cancelled'] }).notNull(),
    step: text('step').notNull(),
    version: integer('version').notNull().default(1),
    /** The answers so far (JSON, see worker/complaints/flow.ts); no identity in here. */
    data: text('data').notNull(),
    nameSealed: text('name_sealed'),
    phoneSealed: text('phone_sealed'),
    /** Set after a long silence: the next message first asks whether to continue. */
    paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
    /** A receipt not yet delivered (sealed; holds the one-time PIN), cleared once it is sent. */
    receiptSealed: text('receipt_sealed'),
    createdAt: integer('created_at').notNull(),
    lastActiveAt: integer('last_active_at').notNull(),
  },
  (t) => [
    uniqueIndex('complaint_drafts_active_person').on(t.orgId, t.personKey).where(sql`state = 'active'`),
    index('complaint_drafts_state_time').on(t.state, t.lastActiveAt),
  ],
);

/** Evidence: one row per image/file, stored in R2 (EVIDENCE) as soon as it arrives. */
export const complaintAttachments = sqliteTable(
  'complaint_attachments',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    draftId: text('draft_id').references(() => complaintDrafts.id, { onDelete: 'set null' }),
    complaintId: integer('complaint_id').references(() => complaints.id, { onDelete: 'cascade' }),
    /** The LINE message id it came from, so a retried event does not store it twice. */
    sourceRef: text('source_ref').notNull(),
    kind: text('kind', { enum: ['image', 'file'] }).notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    r2Key: text('r2_key').notNull(),
    /** Bytes of metadata (Exif, XMP, IPTC, comments, text chunks) removed before storing. */
    metadataRemovedBytes: integer('metadata_removed_bytes').notNull().default(0),
    imageSetId: text('image_set_id'),
    imageSetIndex: integer('image_set_index'),
    imageSetTotal: integer('image_set_total'),
    createdAt: integer('created_at').notNull(),
    /** 'evidence' from the complainant; 'after': the photo staff attach when closing a grievance as resolved. */
    purpose: text('purpose', { enum: ['evidence', 'after'] })
      .notNull()
      .default('evidence'),
    /** For an after photo: the `closed` event it went out with (null until that closing is written). */
    closingEventId: integer('closing_event_id'),
  },
  (t) => [
    uniqueIndex('complaint_attachments_draft_source').on(t.draftId, t.sourceRef),
    index('complaint_attachments_complaint').on(t.complaintId),
    // After photos never sent with a closing, for the cron to remove.
    index('complaint_attachments_unsent_after')
      .on(t.createdAt)
      .where(sql`purpose = 'after' and closing_event_id is null`),
  ],
);

/**
 * Photos of a LINE image set (several sent at once) that were refused: with the stored ones they tell
 * when the set is complete, so the sender is answered and staff told even when one photo is refused.
 * Sets arrive within minutes; the cron forgets these rows after a day.
 */
export const imageSetRefusals = sqliteTable(
  'image_set_refusals',
  {
    orgId: orgId(),
    imageSetId: text('image_set_id').notNull(),
    /** The LINE message id of the refused photo: a redelivered event is counted once. */
    sourceRef: text('source_ref').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.imageSetId, t.sourceRef] }),
    index('image_set_refusals_created').on(t.createdAt),
  ],
);

/**
 * The complainant's answer when a case is closed (once per closing: a case reopened and closed again is
 * asked again): was the problem really fixed (asked when closed as resolved), and a 1–5 rating of the
 * handling. Counts only reach reports; nobody's identity is stored here.
 */
export const caseRatings = sqliteTable(
  'case_ratings',
  {
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    /** The case's version when it was closed: the closing this answer is about. */
    closedVersion: integer('closed_version').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    fixed: integer('fixed', { mode: 'boolean' }),
    score: integer('score'),
    answeredAt: integer('answered_at'),
    ratedAt: integer('rated_at'),
    /** The complainant's optional words after rating (at most RATING_COMMENT_MAX characters), kept once. */
    comment: text('comment'),
    commentedAt: integer('commented_at'),
  },
  (t) => [
    primaryKey({ columns: [t.complaintId, t.closedVersion] }),
    index('case_ratings_org_rated').on(t.orgId, t.ratedAt),
  ],
);

/**
 * After a rating, the person's next text (within 30 minutes) is its comment: one window per person,
 * found by a keyed hash (purpose `rating-comment-person`) of organisation and LINE user id.
 */
export const ratingCommentWaits = sqliteTable(
  'rating_comment_waits',
  {
    orgId: orgId(),
    personKey: text('person_key').notNull(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    closedVersion: integer('closed_version').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personKey] }),
    index('rating_comment_waits_expires').on(t.expiresAt),
  ],
);
