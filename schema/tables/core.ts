import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { liffHosts } from '../contracts/liff-app';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** A local administrative organisation (tenant). Public data only: credentials live in lineChannels. */
export const organizations = sqliteTable('organizations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', {
    enum: ['city_municipality', 'town_municipality', 'subdistrict_municipality', 'sao'],
  }).notNull(),
  province: text('province').notNull(),
  createdAt: integer('created_at').notNull().default(now),
});

/** The organisation's LINE Official Account. Secret and token are sealed (worker/crypto/secret-box). */
export const lineChannels = sqliteTable('line_channels', {
  orgId: integer('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  channelId: text('channel_id').notNull(),
  botUserId: text('bot_user_id'),
  secretSealed: text('secret_sealed').notNull(),
  accessTokenSealed: text('access_token_sealed').notNull(),
  liffId: text('liff_id'),
  /** The rich menus made for this channel (worker/orgs/rich-menus.ts) and the layout version they show. */
  residentRichMenuId: text('resident_rich_menu_id'),
  staffRichMenuId: text('staff_rich_menu_id'),
  richMenuVersion: integer('rich_menu_version').notNull().default(0),
  /** The last attempt to make them (a failed one is retried an hour later). */
  richMenuTriedAt: integer('rich_menu_tried_at'),
  /** Where the LIFF app's links open: liff.line.me, or miniapp.line.me for a LINE MINI App. */
  liffHost: text('liff_host', { enum: liffHosts }).notNull().default('liff.line.me'),
  updatedAt: integer('updated_at').notNull().default(now),
});

/**
 * Durable webhook inbox: every acknowledged event is written here before LINE gets its 200, and is
 * processed after. The payload is sealed and cleared once processed; the row stays for deduplication.
 * `next_attempt_at` doubles as the lease of a row being processed: if the isolate dies mid-way, the row
 * becomes due again when the lease ends and the sweeper picks it up.
 */
export const inboxEvents = sqliteTable(
  'inbox_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    webhookEventId: text('webhook_event_id').notNull(),
    type: text('type').notNull(),
    payloadSealed: text('payload_sealed'),
    status: text('status', { enum: ['pending', 'processing', 'done', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    receivedAt: integer('received_at').notNull(),
    processedAt: integer('processed_at'),
  },
  (t) => [
    uniqueIndex('inbox_events_org_event').on(t.orgId, t.webhookEventId),
    index('inbox_events_due').on(t.status, t.nextAttemptAt),
  ],
);

/** Chats the bot is part of: 1:1 friends (follow/unfollow) and groups/rooms (join/leave). */
export const lineChats = sqliteTable(
  'line_chats',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    chatId: text('chat_id').notNull(),
    chatType: text('chat_type', { enum: ['user', 'group', 'room'] }).notNull(),
    status: text('status', { enum: ['active', 'gone'] }).notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.chatId] })],
);

/**
 * One row per call to the Messaging API that sends messages: what kind, how many recipients, whether
 * it is billable, and the outcome. Message contents are not kept. This is where a durable outbox
 * with retries will sit (worker/line/gateway.ts).
 */
export const lineDeliveries = sqliteTable(
  'line_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['reply', 'push', 'multicast'] }).notNull(),
    recipients: integer('recipients').notNull(),
    messageCount: integer('message_count').notNull(),
    status: text('status', { enum: ['sent', 'failed'] }).notNull(),
    error: text('error'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('line_deliveries_org_time').on(t.orgId, t.createdAt)],
);

/** Audit trail: every state change of anything we own, with who, when, from and to. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    actor: text('actor').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    data: text('data'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('events_entity').on(t.entity, t.entityId, t.createdAt)],
);
