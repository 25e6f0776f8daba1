import { BARE_CODE, DEFAULT_SCHEME, ITEM_MARKER, type ItemScheme } from './item-scheme';

export type CellSegment =
  | { type: 'sub'; code: string; text: string }
  | { type: 'item'; number: number; marker: string; text: string };

export interface CellParse {
  /** Text before the first marker: the continuation of the previous row's last name (page-split rows). */
  lead: string;
  segments: CellSegment[];
}

/** Where the cell sits, as far as its numbering goes. */
export interface CellContext {
  scheme: ItemScheme;
  /** The mission the row belongs to ("1.2"), '' before the first one. */
  mission: string;
  /** A new dimension started since the last accepted number: a plan numbered per dimension restarts there. */
  restart: boolean;
}

/** "- ไม่มีโครงการ/กิจกรรม/มาตรการ": the template's way to say a sub-mission has no project yet. */
export const NO_PROJECT = /-?\s*ไม่มี\s*โครงการ\s*\/?\s*กิจกรรม\s*\/?\s*มาตรการ/g;

/**
 * Whether an item number fits the numbering seen so far. It guards against digits inside a name ("ฉบับที่ 2)")
 * being taken for an item, while still letting through the repeats and small skips a messy plan has.
 */
function plausibleNext(n: number, previous: number | null, restart: boolean): boolean {
  if (previous === null || (n === 1 && restart)) return true;
  return n >= previous && n <= previous + 5;
}

interface Mark {
  index: number;
  end: number;
  seg: CellSegment;
}

/**
 * Splits a summary-table cell into sub-mission headings and numbered items. `previous` is the last item number
 * accepted before this cell in the same numbering scope (null at its start); the last accepted number is
 * returned for the next cell. The context says how the whole table numbers its items (`detectItemScheme`).
 */
export function parseItemCell(
  cell: string,
  previous: number | null,
  context: CellContext = { scheme: DEFAULT_SCHEME, mission: '', restart: true },
): { parse: CellParse; last: number | null } {
  const text = cell.replace(/\s+/g, ' ').trim();
  const marks: Mark[] = [];
  let last = previous;
  let restart = context.restart;
  const accept = (m: RegExpMatchArray, n: number, ownMission: boolean) => {
    const index = m.index ?? 0;
    if (marks.some((x) => index < x.end && x.index < index + m[0].length)) return;
    if (!ownMission && !plausibleNext(n, last, restart)) return;
    last = n;
    restart = false;
    marks.push({
      index,
      end: index + m[0].length,
      seg: { type: 'item', number: n, marker: m[0].trim(), text: '' },
    });
  };
  // Candidates are weighed in reading order, since each accepted number sets what the next may be.
  const candidates = [
    ...[...text.matchAll(BARE_CODE)].map((m) => ({ m, bare: true })),
    ...[...text.matchAll(ITEM_MARKER)].map((m) => ({ m, bare: false })),
  ].sort((a, b) => (a.m.index ?? 0) - (b.m.index ?? 0));
  for (const { m, bare } of candidates) {
    const ownMission = `${m[1]}.${m[2]}` === context.mission;
    if (bare && context.scheme.codes === 'sub-mission') {
      const index = m.index ?? 0;
      marks.push({
        index,
        end: index + m[0].length,
        seg: { type: 'sub', code: `${m[1]}.${m[2]}.${m[3]}`, text: '' },
      });
    } else if (bare) accept(m, Number(m[3]), ownMission);
    // A number qualified by the row's own mission ("1.2.3)") is a marker whatever the sequence so far says.
    else if (m[3] !== undefined) accept(m, Number(m[3]), ownMission);
    else accept(m, Number(m[4] ?? m[5]), false);
  }
  const lead = (marks.length > 0 ? text.slice(0, marks[0]!.index) : text).trim();
  const segments = marks.map((mark, i) => {
    const next = marks[i + 1];
    const body = text.slice(mark.end, next ? next.index : text.length);
    return { ...mark.seg, text: body.replace(NO_PROJECT, ' ').trim() };
  });
  return { parse: { lead: lead.replace(NO_PROJECT, ' ').trim(), segments }, last };
}
