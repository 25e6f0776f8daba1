import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { chainSources } from '../contracts/audit';
import { organizations } from './core';

/**
 * The audit chain (migration 0016, docs/privacy.md "Audit trail"): one row per sealed complaint event
 * or access log row, per organisation in the order sealed. `row_digest` is the SHA-256 of the source
 * row's immutable columns, `hash` the SHA-256 of the previous row's hash, this row's place and that
 * digest (worker/audit/chain.ts). No foreign key to the source rows: a deleted row must show, not be
 * impossible to delete.
 */
export const auditChain = sqliteTable(
  'audit_chain',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    source: text('source', { enum: chainSources }).notNull(),
    sourceId: integer('source_id').notNull(),
    rowDigest: text('row_digest').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    sealedAt: integer('sealed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.seq] }),
    uniqueIndex('audit_chain_source').on(t.source, t.sourceId),
  ],
);
