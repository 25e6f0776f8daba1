import { bangkokTime, formatThaiDay } from '../../lib/thai-date';

/** One exported chain row: its place and hashes, and what it records (no note, no identity). */
export interface ExportRow {
  seq: number;
  source: string;
  source_id: number;
  row_digest: string;
  prev_hash: string;
  hash: string;
  /** Null when the source row no longer exists (verification names it). */
  code: string | null;
  action: string | null;
  actor_type: string | null;
  actor: string | null;
  items: number | null;
  at: number | null;
}

export const CSV_HEADER = [
  'seq',
  'source',
  'source_id',
  'case_code',
  'action',
  'actor_type',
  'actor',
  'items',
  'at',
  'at_th',
  'row_digest',
  'prev_hash',
  'hash',
] as const;

function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The chain as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheet programs read the Thai
 * dates): one line per sealed row, times in ISO 8601 (UTC) and as a Thai date (Buddhist Era, Bangkok).
 * seq, source, source_id, row_digest and prev_hash are all a link's hash covers, so the links can be
 * checked from the file alone.
 */
export function chainCsv(rows: readonly ExportRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.seq,
        r.source,
        r.source_id,
        r.code,
        r.action,
        r.actor_type,
        r.actor,
        r.items,
        r.at === null ? null : new Date(r.at).toISOString(),
        r.at === null ? null : `${formatThaiDay(r.at)} ${bangkokTime(r.at)}`,
        r.row_digest,
        r.prev_hash,
        r.hash,
      ]
        .map(field)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
