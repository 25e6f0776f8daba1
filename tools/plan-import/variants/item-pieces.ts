/** One part of a project cell: plain text, a project's number marker, or a sub-mission code. */
export type Piece =
  | { kind: 'text'; text: string; owner: 'none' | 'project' | 'sub' }
  | { kind: 'project'; index: number; marker: string }
  | { kind: 'sub'; code: string };

/** A project the source's summary table lists, in table order. */
export interface SourceProject {
  number: string;
  mission: string;
}

const PROJECT = /(?<=^|[\s“"])(?:\(?(\d{1,3})\s*\)\)?|(\d{1,3})\.(?=\s*(?:โครงการ|กิจกรรม|มาตรการ)))/g;
const SUB = /(?<=^|\s)(\d{1,2}\.\d{1,2}\.\d{1,2})(?=\s|$)/g;

/**
 * Cuts every project cell of the table into pieces. A marker counts only when it carries the number the next
 * project of the source has, so digits inside names stay text; a code counts only when it is one of the
 * source's sub-missions, seen for the first time. Each text piece records whose text it is. Throws when a project's marker cannot be found, since a
 * variant built from a misread source would prove nothing.
 */
export function cutItemCells(
  cells: string[],
  projects: SourceProject[],
  subCodes: string[],
  opensRow: (row: number) => boolean,
): Piece[][] {
  let next = 0;
  const subsLeft = new Set(subCodes);
  let owner: 'none' | 'project' | 'sub' = 'none';
  const out = cells.map((cell, row) => {
    // Text at the start of a row continues the previous name only on a row that opens nothing of its own.
    if (opensRow(row)) owner = 'none';
    const marks: { at: number; end: number; piece: Piece }[] = [];
    const found = [
      ...[...cell.matchAll(SUB)].map((m) => ({ m, sub: true })),
      ...[...cell.matchAll(PROJECT)].map((m) => ({ m, sub: false })),
    ].sort((a, b) => (a.m.index ?? 0) - (b.m.index ?? 0));
    for (const { m, sub } of found) {
      const at = m.index ?? 0;
      if (marks.some((x) => at < x.end)) continue;
      if (sub) {
        if (!subsLeft.delete(m[1]!)) continue;
        marks.push({ at, end: at + m[0].length, piece: { kind: 'sub', code: m[1]! } });
        continue;
      }
      const expected = projects[next];
      if (!expected || String(Number(m[1] ?? m[2])) !== expected.number) continue;
      marks.push({ at, end: at + m[0].length, piece: { kind: 'project', index: next, marker: m[0] } });
      next++;
    }
    const pieces: Piece[] = [];
    let from = 0;
    for (const mark of marks) {
      if (mark.at > from) pieces.push({ kind: 'text', text: cell.slice(from, mark.at), owner });
      pieces.push(mark.piece);
      owner = mark.piece.kind === 'sub' ? 'sub' : 'project';
      from = mark.end;
    }
    if (from < cell.length) pieces.push({ kind: 'text', text: cell.slice(from), owner });
    return pieces;
  });
  if (next !== projects.length) {
    throw new Error(`Found the markers of ${next} of the source's ${projects.length} table projects.`);
  }
  return out;
}

/** How projects are numbered in a variant. */
export type NumberingScheme =
  | 'plan-close'
  | 'plan-paren'
  | 'mission-close'
  | 'mission-paren'
  | 'qualified'
  | 'bare-code';

/**
 * The marker of one project under a scheme: "7)", "(7)", "2)", "(2)", "1.3.2)" or "1.3.2" (the bare code, only
 * readable as a project in a table without a sub-mission level).
 */
export function markerFor(scheme: NumberingScheme, planNumber: number, mission: string, inMission: number) {
  switch (scheme) {
    case 'plan-close':
      return `${planNumber})`;
    case 'plan-paren':
      return `(${planNumber})`;
    case 'mission-close':
      return `${inMission})`;
    case 'mission-paren':
      return `(${inMission})`;
    case 'qualified':
      return `${mission}.${inMission})`;
    case 'bare-code':
      return `${mission}.${inMission}`;
  }
}

/** Renumbers every project marker; the sequence becomes clean (1, 2, 3 …), whatever the source's slips. */
export function renumber(cells: Piece[][], projects: SourceProject[], scheme: NumberingScheme): Piece[][] {
  const inMission = new Map<string, number>();
  const numbers = projects.map((p) => {
    const n = (inMission.get(p.mission) ?? 0) + 1;
    inMission.set(p.mission, n);
    return n;
  });
  return cells.map((pieces) =>
    pieces.map((p) => {
      if (p.kind !== 'project') return p;
      const source = projects[p.index]!;
      return { ...p, marker: markerFor(scheme, p.index + 1, source.mission, numbers[p.index]!) };
    }),
  );
}

/** Drops every sub-mission heading with its text (which may run on into the next rows). */
export function removeSubMissions(cells: Piece[][]): Piece[][] {
  return cells.map((pieces) =>
    pieces.filter((p) => p.kind === 'project' || (p.kind === 'text' && p.owner !== 'sub')),
  );
}

const SUB_NAMES = ['เสริมสร้างการปฏิบัติงานตามภารกิจอย่างโปร่งใส', 'ส่งเสริมการมีส่วนร่วมในการดำเนินงานตามภารกิจ'];

/**
 * Adds a sub-mission level: a heading before each mission's first project, and a second one halfway through a
 * mission of four or more projects.
 */
export function addSubMissions(cells: Piece[][], projects: SourceProject[]): Piece[][] {
  const counts = new Map<string, number>();
  for (const p of projects) counts.set(p.mission, (counts.get(p.mission) ?? 0) + 1);
  const seen = new Map<string, number>();
  return cells.map((pieces) =>
    pieces.flatMap((p): Piece[] => {
      if (p.kind !== 'project') return [p];
      const mission = projects[p.index]!.mission;
      const k = seen.get(mission) ?? 0;
      seen.set(mission, k + 1);
      const total = counts.get(mission) ?? 0;
      const sub = k === 0 ? 1 : total >= 4 && k === Math.floor(total / 2) ? 2 : 0;
      if (sub === 0) return [p];
      return [
        { kind: 'sub', code: `${mission}.${sub}` },
        { kind: 'text', text: ` ${SUB_NAMES[sub - 1]} `, owner: 'sub' },
        p,
      ];
    }),
  );
}

/** The cell text the pieces spell. */
export function renderCell(pieces: Piece[]): string {
  return pieces
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'sub' ? p.code : p.marker))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}
