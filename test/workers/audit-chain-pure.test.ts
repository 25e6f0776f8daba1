import { describe, expect, it } from 'vitest';
import {
  type CheckedLink,
  type EventRow,
  GENESIS,
  linkHash,
  rowDigest,
  type ViewRow,
  verifyChain,
} from '../../worker/audit/chain';
import { assembleChain } from '../../worker/audit/chain-data';
import { sealOrder } from '../../worker/audit/seal';

// verifyChain, assembleChain and sealOrder without a database.
const event = (id: number, at: number, note: string | null = null): EventRow => ({
  id,
  org_id: 1,
  complaint_id: 7,
  at,
  actor_type: 'staff',
  actor_ref: '3',
  action: 'note_added',
  from_status: null,
  to_status: null,
  note,
  erased_note_sha256: null,
});
const view = (id: number, at: number): ViewRow => ({
  id,
  org_id: 1,
  complaint_id: null,
  staff_id: 3,
  via: 'list',
  items: 4,
  at,
});

async function chainOf(rows: (EventRow | ViewRow)[]): Promise<CheckedLink[]> {
  const out: CheckedLink[] = [];
  let prev = GENESIS;
  for (const [i, row] of rows.entries()) {
    const source = 'action' in row ? 'event' : 'view';
    const link = {
      seq: i + 1,
      source,
      source_id: row.id,
      row_digest: await rowDigest(source, row),
      prev_hash: prev,
    } as const;
    prev = await linkHash(link);
    out.push({ ...link, hash: prev, row });
  }
  return out;
}

const intact = () => chainOf([event(1, 10, 'ก'), view(1, 11), event(2, 12), view(2, 13)]);
type Case = [string, (rows: CheckedLink[]) => CheckedLink[], object];

describe('verifyChain', () => {
  it('passes an intact chain and an empty one', async () => {
    expect(await verifyChain(await intact())).toEqual({ ok: true, rows: 4 });
    expect(await verifyChain([])).toEqual({ ok: true, rows: 0 });
  });

  it.each<Case>([
    [
      'a note changed',
      (r) => r.with(2, { ...r[2]!, row: { ...(r[2]!.row as EventRow), note: 'x' } }),
      { seq: 3, problem: 'digest' },
    ],
    [
      'a time changed',
      (r) => r.with(1, { ...r[1]!, row: { ...(r[1]!.row as ViewRow), at: 1 } }),
      { seq: 2, problem: 'digest' },
    ],
    [
      'a row moved to another organisation',
      (r) => r.with(0, { ...r[0]!, row: { ...(r[0]!.row as EventRow), org_id: 2 } }),
      { seq: 1, problem: 'digest' },
    ],
    [
      'a source row deleted',
      (r) => r.with(1, { ...r[1]!, row: null }),
      { seq: 2, source: 'view', sourceId: 1, problem: 'missing' },
    ],
    ['a hash edited', (r) => r.with(2, { ...r[2]!, hash: 'f'.repeat(64) }), { seq: 3, problem: 'link' }],
    ['a prev_hash edited', (r) => r.with(3, { ...r[3]!, prev_hash: GENESIS }), { seq: 4, problem: 'link' }],
    [
      'a digest rewritten to the edited row',
      (r) => r.with(0, { ...r[0]!, row_digest: 'a'.repeat(64) }),
      { seq: 1, problem: 'link' },
    ],
    ['a chain row deleted', (r) => r.toSpliced(1, 1), { seq: 3, problem: 'link' }],
    ['two rows swapped', (r) => [r[1]!, r[0]!, ...r.slice(2)], { seq: 2, problem: 'link' }],
    ['the first row deleted', (r) => r.slice(1), { seq: 2, problem: 'link' }],
  ])('%s: names the first broken row', async (_, mutate, broken) => {
    const verdict = await verifyChain(mutate(await intact()));
    expect(verdict).toMatchObject({ ok: false, broken });
  });

  it('a note erased by the retention job (its hash kept, an erasure event on the case) still verifies', async () => {
    const rows = await intact();
    const noteHash = '8c1b6b0d2d7e2c8f5d2ef4a9ab8bd0a9d0c7d3b7e57c3d4f1c8c0e5b7f3f0d11';
    const digest = async (text: string) =>
      Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join('');
    const erased = { ...(rows[0]!.row as EventRow), note: null, erased_note_sha256: await digest('ก') };
    const record = await chainOf([
      event(1, 10, 'ก'),
      view(1, 11),
      event(2, 12),
      { ...event(3, 14), action: 'erased' },
    ]);
    expect(await verifyChain(record.with(0, { ...record[0]!, row: erased }))).toEqual({ ok: true, rows: 4 });
    // The same without the erasure event: a note removed by hand.
    expect(await verifyChain(rows.with(0, { ...rows[0]!, row: erased }))).toMatchObject({
      ok: false,
      broken: { seq: 1, problem: 'erased' },
    });
    // A wrong hash left in place of the note: the row no longer matches its seal.
    const forged = { ...erased, erased_note_sha256: noteHash };
    expect(await verifyChain(record.with(0, { ...record[0]!, row: forged }))).toMatchObject({
      ok: false,
      broken: { seq: 1, problem: 'digest' },
    });
  });

  it('names the first of several breaks, and a stray after an intact chain', async () => {
    const rows = await intact();
    const twice = rows.with(1, { ...rows[1]!, row: null }).with(3, { ...rows[3]!, hash: '0' });
    expect(await verifyChain(twice)).toMatchObject({ ok: false, rows: 1, broken: { seq: 2 } });
    expect(await verifyChain(rows, [{ source: 'event', id: 9 }])).toMatchObject({
      ok: false,
      rows: 4,
      broken: { seq: null, source: 'event', sourceId: 9, problem: 'unsealed' },
    });
  });
});

describe('assembleChain', () => {
  it('joins source rows, misses deleted ones and finds rows below the sealed ids', async () => {
    const rows = await chainOf([event(2, 10), view(5, 11)]);
    const links = rows.map(({ row: _, ...l }) => l);
    const { rows: joined, strays } = assembleChain(links, [event(1, 1), event(3, 12)], [view(5, 11)]);
    expect(joined.map((r) => r.row?.id ?? null)).toEqual([null, 5]);
    // Event 1 is older than sealed event 2 yet unsealed; event 3 is merely not sealed yet.
    expect(strays).toEqual([{ source: 'event', id: 1 }]);
  });
});

describe('sealOrder', () => {
  const ids = (p: ReturnType<typeof sealOrder>) => p.map((x) => `${x.source[0]}${x.row.id}`);
  it.each([
    [
      'merges by time, events first at the same instant',
      [event(1, 10), event(2, 30)],
      [view(1, 10), view(2, 20)],
      5,
      ['e1', 'v1', 'v2', 'e2'],
    ],
    [
      'stops where a full batch ends: later rows may follow it',
      [event(1, 10), event(2, 30)],
      [view(1, 20), view(2, 40)],
      2,
      ['e1', 'v1', 'e2'],
    ],
    [
      'keeps each source in id order whatever the times',
      [event(1, 50), event(2, 10)],
      [view(1, 20)],
      5,
      ['v1', 'e1', 'e2'],
    ],
    ['nothing to seal', [], [], 5, []],
  ])('%s', (_, events, views, batch, expected) => {
    expect(ids(sealOrder(events as EventRow[], views as ViewRow[], batch as number))).toEqual(expected);
  });
});
