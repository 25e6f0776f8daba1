import type { PlanDimension } from '../../schema/contracts/plan-document';
import { collapseSpaces } from './normalize';
import { STANDARD_UNIT_ABBREVIATIONS } from './unit-abbreviations';
import { ABBREVIATION, abbreviates, cellUnits, isShortForm, ownNamePattern, unitKey } from './unit-names';

/** What the grouping reads of one project. */
export interface UnitSource {
  /** The unit the project carries (the table's remark as written, else the detail section's). */
  unit: string | null;
  /** The document's own definition of an abbreviated unit (`expandAbbreviation`). */
  unitExpanded: string | null;
  /** The detail section's responsible unit, whose wording often spells out the table's short form. */
  responsible: string | null;
}

/** The group of a cell naming every unit ("ทุกส่วนราชการในเทศบาล…", "ทุกสำนัก/กอง"). */
export const ALL_UNITS = 'ทุกส่วนราชการ';

type Tally = Map<string, Map<string, number>>;

function count(tally: Tally, key: string, name: string): void {
  const names = tally.get(key) ?? new Map<string, number>();
  names.set(name, (names.get(name) ?? 0) + 1);
  tally.set(key, names);
}

/**
 * The most used name; on a tie the one the whole plan (detail sections too) uses most, then the longer
 * (fuller) one, then the first seen.
 */
function best(names: Map<string, number> | undefined, plan?: Map<string, number>): string | null {
  const rank = (name: string, n: number) => [n, plan?.get(name) ?? 0, name.length];
  let chosen: { name: string; rank: number[] } | null = null;
  for (const [name, n] of names ?? []) {
    const r = rank(name, n);
    const i = chosen ? r.findIndex((v, k) => v !== chosen!.rank[k]) : 0;
    if (!chosen || (i >= 0 && r[i]! > chosen.rank[i]!)) chosen = { name, rank: r };
  }
  return chosen?.name ?? null;
}

const fullParts = (parts: string[]) => [...new Set(parts.filter((p) => !isShortForm(p)))];

/**
 * The full unit a short form stands for, by the document first: its definition, then the full names the
 * detail sections of the same projects give (the most common that fits), then the only full name in the
 * whole plan that fits, then the standard abbreviations. Null when nothing says.
 */
function expandShort(
  short: string,
  own: { definitions: string[]; evidence: string[][] },
  planNames: Tally,
): string | null {
  const defined = own.definitions[0];
  if (defined) return defined;
  const votes: Tally = new Map();
  for (const names of own.evidence) {
    for (const name of names) if (abbreviates(short, name)) count(votes, unitKey(name), name);
  }
  const voted = [...votes].sort((a, b) => total(b[1]) - total(a[1]))[0];
  if (voted) return best(voted[1]);
  const fitting = [...planNames].filter(([, names]) => [...names.keys()].some((n) => abbreviates(short, n)));
  if (fitting.length === 1) return best(fitting[0]![1]);
  return STANDARD_UNIT_ABBREVIATIONS[short] ?? null;
}

const total = (names: Map<string, number>) => [...names.values()].reduce((a, b) => a + b, 0);

/**
 * The canonical responsible unit of each project of one plan, from all its unit names: spellings of one unit
 * ("สำนักงานการศึกษา", "สำนักการศึกษา"; "หน่วยงานตรวจสอบภายใน เทศบาลเมืองจันทบุรี", "หน่วยตรวจสอบภายใน")
 * meet under one name, the most used full spelling without the organisation's name; short forms ("กวช.",
 * "สวัสดิฯ", "คลัง") take the full name they stand for (`expandShort`). A cell naming several units is a
 * group of its own, "A / B" in a fixed order, so it never counts as one of them; "every unit" cells are
 * `ALL_UNITS`. Null where the project names no unit.
 */
export function groupUnits(projects: readonly UnitSource[], orgName: string | null): (string | null)[] {
  const own = ownNamePattern(orgName);
  const cells = projects.map((p) => (p.unit === null ? null : cellUnits(p.unit, own)));
  const evidence = projects.map((p) => {
    const cell = p.responsible ? cellUnits(p.responsible, own) : null;
    return cell && !cell.all ? fullParts(cell.parts) : [];
  });
  const planNames: Tally = new Map();
  const written: Tally = new Map();
  for (const [i, cell] of cells.entries()) {
    for (const name of cell && !cell.all ? fullParts(cell.parts) : []) {
      count(planNames, unitKey(name), name);
      count(written, unitKey(name), name);
    }
    for (const name of evidence[i]!) count(planNames, unitKey(name), name);
  }

  const expanded = new Map<string, string | null>();
  const expand = (short: string) => {
    if (!expanded.has(short)) {
      const users = projects.flatMap((p, i) => {
        const cell = cells[i];
        return cell && !cell.all && cell.parts.includes(short)
          ? [{ p, single: cell.parts.length === 1, i }]
          : [];
      });
      const definitions = users.flatMap(({ p, single }) =>
        single && p.unitExpanded ? [p.unitExpanded] : [],
      );
      const found = expandShort(
        short,
        { definitions, evidence: users.map((u) => evidence[u.i]!) },
        planNames,
      );
      expanded.set(short, found);
      if (found && !written.has(unitKey(found))) count(written, unitKey(found), found);
      if (found && !planNames.has(unitKey(found))) count(planNames, unitKey(found), found);
    }
    return expanded.get(short) ?? null;
  };
  // Abbreviations first: a unit they stand for ("กค." = กองคลัง) is one a bare word ("คลัง") may name.
  for (const cell of cells) {
    for (const part of cell && !cell.all ? cell.parts : []) if (ABBREVIATION.test(part)) expand(part);
  }
  const keysOf = cells.map((cell) => {
    if (!cell || cell.all) return null;
    const keys = cell.parts.map((part) => unitKey(isShortForm(part) ? (expand(part) ?? part) : part));
    return [...new Set(keys)].sort();
  });

  return projects.map((p, i) => {
    const cell = cells[i];
    if (!cell) return null;
    if (cell.all) return ALL_UNITS;
    const keys = keysOf[i]!;
    if (keys.length === 0) return collapseSpaces(p.unit ?? '') || null;
    return keys
      .map((key) => best(written.get(key), planNames.get(key)) ?? shortName(cell.parts, key))
      .join(' / ');
  });
}

/** A short form nothing expands, shown as written. */
function shortName(parts: string[], key: string): string {
  return parts.find((p) => unitKey(p) === key) ?? key;
}

/** The plan's dimensions with each project's `unitGroup` (see `groupUnits`) filled in. */
export function withUnitGroups(dimensions: PlanDimension[], orgName: string | null): PlanDimension[] {
  const projects = dimensions.flatMap((d) => d.missions.flatMap((m) => m.projects));
  const groups = groupUnits(
    projects.map((p) => ({ unit: p.unit, unitExpanded: p.unitExpanded, responsible: p.details.responsible })),
    orgName,
  );
  projects.forEach((p, i) => {
    p.unitGroup = groups[i] ?? null;
  });
  return dimensions;
}
