import { detectNumbering } from './numbering';

/**
 * How the summary table numbers its projects, decided from all its project cells before any cell is split:
 * every plan of the national templates picks one way, and a cell read alone cannot tell which.
 */
export interface ItemScheme {
  /** Numbers run across the plan ("1)" … "41)") or restart in each mission ("(1)", "1.1.1)"). */
  scope: 'plan' | 'mission';
  /**
   * What a bare three-part code ("1.1.1 ชื่อ") is: a sub-mission heading (Lampang) or, in a table whose projects
   * carry no other marker and whose codes are followed by project names, a project numbered within its mission.
   */
  codes: 'sub-mission' | 'project';
}

/** The template's default: numbered across the plan, three-part codes head sub-missions. */
export const DEFAULT_SCHEME: ItemScheme = { scope: 'plan', codes: 'sub-mission' };

/** A mission cell: "1.2 ชื่อ" (but not a three-part code). */
export const MISSION_CELL = /^(\d{1,2})\.(\d{1,2})(?!\.\d)\s*(.*)$/;

/** An item marker: "1.1.1)" / "(1.1.1)" (within the mission), "1)", "(1)", "16))", or "1." before a kind word. */
export const ITEM_MARKER =
  /(?<=^|[\s“"])(?:\(?(\d{1,2})\.(\d{1,2})\.(\d{1,3})\s*\)\)?|\(?(\d{1,3})\s*\)\)?|(\d{1,3})\.(?=\s*(?:โครงการ|กิจกรรม|มาตรการ)))/g;

/** A bare three-part code followed by a space and a name: a sub-mission heading or a project (see `codes`). */
export const BARE_CODE = /(?<=^|[\s“"])(\d{1,2})\.(\d{1,2})\.(\d{1,2})(?=\s|$)/g;

const KIND_START = /^\s*["“]?(?:โครงการ|กิจกรรม|มาตรการ)/;

/**
 * Decides the scheme from the table's rows (mission cell and project cell of each, in order). Digits inside
 * names can look like markers too, but only the first marker of each mission counts for the scope, and the
 * counts decide what codes are, so a few stray ones do not change the answer.
 */
export function detectItemScheme(rows: { mission: string; item: string }[]): ItemScheme {
  const found: { number: number; missionCode: string }[] = [];
  let codes = 0;
  let codesNamingKinds = 0;
  let qualifiedMarkers = 0;
  let mission = '';
  for (const row of rows) {
    const m = MISSION_CELL.exec(row.mission);
    if (m) mission = `${m[1]}.${m[2]}`;
    for (const x of row.item.matchAll(ITEM_MARKER)) {
      const qualified = x[3] !== undefined;
      if (qualified) qualifiedMarkers++;
      found.push({
        number: Number(x[3] ?? x[4] ?? x[5]),
        missionCode: qualified ? `${x[1]}.${x[2]}` : mission,
      });
    }
    for (const x of row.item.matchAll(BARE_CODE)) {
      codes++;
      if (KIND_START.test(row.item.slice((x.index ?? 0) + x[0].length))) codesNamingKinds++;
    }
  }
  const codesAreProjects = found.length === 0 && codes > 0 && codesNamingKinds * 2 > codes;
  // A number that spells out its mission ("1.2.3)", "1.2.3 โครงการ") restarts in each mission by construction.
  const qualified = codesAreProjects || qualifiedMarkers * 2 > found.length;
  const scope = qualified ? 'mission' : detectNumbering(found);
  return { scope, codes: codesAreProjects ? 'project' : 'sub-mission' };
}
