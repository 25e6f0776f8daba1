import type { ChainSource } from '../../schema/contracts/audit';
import { toHex } from '../crypto/base64';

/**
 * The audit chain's arithmetic, without I/O: the same code seals (worker/audit/seal.ts), verifies in
 * tests and the operator command (tools/audit-verify.ts), and builds the export. docs/privacy.md,
 * "Audit trail", explains what it protects and what not.
 */

/** The previous hash of an organisation's first row. */
export const GENESIS = '0'.repeat(64);

/**
 * A complaint_events row, every column. None is ever updated, except that the retention job may replace
 * a note by its SHA-256 (`erased_note_sha256`): the digest covers the note's hash, so both verify.
 */
export interface EventRow {
  id: number;
  org_id: number;
  complaint_id: number;
  at: number;
  actor_type: string;
  actor_ref: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  erased_note_sha256: string | null;
}

/** A case_views row, every column. */
export interface ViewRow {
  id: number;
  org_id: number;
  complaint_id: number | null;
  staff_id: number;
  via: string;
  items: number | null;
  at: number;
}

/** One audit_chain row as stored. */
export interface ChainLink {
  seq: number;
  source: ChainSource;
  source_id: number;
  row_digest: string;
  prev_hash: string;
  hash: string;
}

/** A chain row with its source row as it is now (null: no such row any more). */
export interface CheckedLink extends ChainLink {
  row: EventRow | ViewRow | null;
}

export type Problem = 'link' | 'missing' | 'digest' | 'unsealed' | 'erased';

export type Verdict =
  | { ok: true; rows: number }
  | {
      ok: false;
      /** Rows checked before the first broken one. */
      rows: number;
      broken: { seq: number | null; source: ChainSource; sourceId: number; problem: Problem; detail: string };
    };

const encoder = new TextEncoder();

async function sha256Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
}

// Fixed column order: the serialisation must not depend on how a driver orders an object's keys. A note
// counts by its hash, so that erasing it (retention) keeps the row verifiable.
async function canonical(source: ChainSource, row: EventRow | ViewRow): Promise<string> {
  if (source === 'event') {
    const e = row as EventRow;
    const note = e.note !== null ? await sha256Hex(e.note) : e.erased_note_sha256;
    return JSON.stringify([
      'event',
      e.id,
      e.org_id,
      e.complaint_id,
      e.at,
      e.actor_type,
      e.actor_ref,
      e.action,
      e.from_status,
      e.to_status,
      note,
    ]);
  }
  const v = row as ViewRow;
  return JSON.stringify(['view', v.id, v.org_id, v.complaint_id, v.staff_id, v.via, v.items, v.at]);
}

/** SHA-256 (hex) of a source row's canonical serialisation (a JSON array of its columns in fixed order). */
export async function rowDigest(source: ChainSource, row: EventRow | ViewRow): Promise<string> {
  return sha256Hex(await canonical(source, row));
}

/**
 * The hash of a chain row: SHA-256 over the previous row's hash, this row's place (seq, source, id) and
 * its source row's digest, so a row cannot be moved, swapped or dropped without breaking every later hash.
 */
export function linkHash(l: Omit<ChainLink, 'hash'>): Promise<string> {
  return sha256Hex(`${l.prev_hash}\n${l.seq}\n${l.source}\n${l.source_id}\n${l.row_digest}`);
}

/**
 * Checks one organisation's chain, in seq order: each row follows the one before (seq, prev_hash), its
 * hash is its own, its source row still exists and still has the sealed digest. `strays` are source rows
 * written before the last sealed one yet not in the chain (inserted afterwards with a chosen id). The
 * first problem wins.
 */
export async function verifyChain(
  rows: readonly CheckedLink[],
  strays: readonly { source: ChainSource; id: number }[] = [],
): Promise<Verdict> {
  let prev = GENESIS;
  for (const [i, r] of rows.entries()) {
    const at = { seq: r.seq, source: r.source, sourceId: r.source_id };
    const fail = (problem: Problem, detail: string): Verdict => ({
      ok: false,
      rows: i,
      broken: { ...at, problem, detail },
    });
    if (r.seq !== i + 1) return fail('link', `expected seq ${i + 1}: chain rows before it are missing`);
    if (r.prev_hash !== prev) return fail('link', "prev_hash is not the previous row's hash");
    if (r.hash !== (await linkHash(r))) return fail('link', 'hash does not match its row');
    if (!r.row) return fail('missing', `${r.source} row ${r.source_id} was deleted`);
    if (r.row_digest !== (await rowDigest(r.source, r.row))) {
      return fail('digest', `${r.source} row ${r.source_id} was changed after sealing`);
    }
    prev = r.hash;
  }
  const erasedWithoutRecord = unrecordedErasure(rows);
  if (erasedWithoutRecord) {
    const { row } = erasedWithoutRecord;
    return {
      ok: false,
      rows: rows.length,
      broken: {
        seq: erasedWithoutRecord.seq,
        source: 'event',
        sourceId: row.id,
        problem: 'erased',
        detail: `the note of event row ${row.id} was removed, but case ${row.complaint_id} has no erasure event`,
      },
    };
  }
  const stray = strays[0];
  if (stray) {
    return {
      ok: false,
      rows: rows.length,
      broken: {
        seq: null,
        source: stray.source,
        sourceId: stray.id,
        problem: 'unsealed',
        detail: `${stray.source} row ${stray.id} is older than sealed rows but not in the chain`,
      },
    };
  }
  return { ok: true, rows: rows.length };
}

// A note may only be gone through the retention job, which records an `erased` event on the case.
function unrecordedErasure(rows: readonly CheckedLink[]): (CheckedLink & { row: EventRow }) | undefined {
  const events = rows.filter(
    (r): r is CheckedLink & { row: EventRow } => r.source === 'event' && r.row !== null,
  );
  const recorded = new Set(events.filter((r) => r.row.action === 'erased').map((r) => r.row.complaint_id));
  return events.find(
    (r) => r.row.erased_note_sha256 !== null && r.row.note === null && !recorded.has(r.row.complaint_id),
  );
}
