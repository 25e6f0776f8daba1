import { type FieldHeading, type FieldKey, readFieldHeading, readResultSubHeading } from './detail-fields';
import { compactForCompare } from './normalize';
import { similarity } from './names';

export interface DetailSection {
  /** The "ลำดับที่" number, null for a section that starts with its name heading only. */
  number: number | null;
  line: number;
  dimension: number | null;
  missionCode: string | null;
  subMissionCode: string | null;
  fields: Partial<Record<FieldKey, string[]>>;
  /** Fields whose heading appears a second time in the section: the later copy, kept apart and not used. */
  duplicates: Partial<Record<FieldKey, string[]>>;
}

export interface DetailParse {
  sections: DetailSection[];
  /** Names the detail headings give dimensions ("มิติที่ 1 …") and missions/sub-missions ("1.1 …"). */
  dimensionNames: Map<number, string>;
  headingNames: Map<string, string>;
}

/** A mission or sub-mission the summary table names, to recognise its heading among the detail sections. */
export interface KnownHeading {
  code: string;
  name: string;
}

export interface DetailContext {
  dimensions: { number: number; name: string }[];
  headings: KnownHeading[];
}

const RESULT_FIELDS: FieldKey[] = ['results', 'outputs', 'outcomes', 'indicators'];
const SECTION = /^ลำดับที่\s*(\d{1,3})(?:\s|$)/;
const DIMENSION = /^(?:มิติ|มติ|มิตี|มีติ)ที่\s*(\d{1,2})\s*(.*)$/;
const CODE_HEADING = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?\s+(\S.*)$/;

function looksLikeHeadingTarget(lines: string[], from: number): boolean {
  for (let i = from; i < lines.length && i < from + 6; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '' || t === '#####') continue;
    return SECTION.test(t) || CODE_HEADING.test(t) || DIMENSION.test(t) || /^-?\s*ไม่มีโครงการ/.test(t);
  }
  return false;
}

/**
 * Reads the detail sections (ส่วนที่ 3: one section per project, "ลำดับที่ N" then numbered fields) from the
 * given lines. Dimension, mission and sub-mission headings between sections give each section its context;
 * a code heading counts only if the summary table knows it under a similar name or it is followed by a
 * section, so numbered list items inside a section ("3.1 เพื่อให้…") are not taken for headings.
 */
export function parseDetailSections(lines: string[], startLine: number, ctx: DetailContext): DetailParse {
  const sections: DetailSection[] = [];
  const dimensionNames = new Map<number, string>();
  const headingNames = new Map<string, string>();
  let target: string[] | null = null;
  let dimension: number | null = null;
  let missionCode: string | null = null;
  let subMissionCode: string | null = null;
  let current: DetailSection | null = null;
  let field: FieldKey | null = null;
  let nameOpen = false;

  const open = (number: number | null, line: number) => {
    current = { number, line, dimension, missionCode, subMissionCode, fields: {}, duplicates: {} };
    sections.push(current);
    field = null;
    target = null;
    nameOpen = false;
  };
  const setField = (key: FieldKey, inline: string) => {
    const section = current as DetailSection | null;
    if (!section) return;
    const fresh = inline === '' ? [] : [inline];
    if (section.fields[key] !== undefined) {
      section.duplicates[key] = [...(section.duplicates[key] ?? []), ...fresh];
      target = section.duplicates[key]!;
    } else {
      section.fields[key] = fresh;
      target = fresh;
    }
    field = key;
    nameOpen = key === 'name';
  };

  for (let i = startLine; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || /^#+$/.test(line)) {
      if (nameOpen && (current as DetailSection | null)?.fields.name?.length) nameOpen = false;
      continue;
    }
    const dim = DIMENSION.exec(line);
    if (dim && line.length < 200) {
      const known = ctx.dimensions.find((d) => d.number === Number(dim[1]));
      const rest = compactForCompare(dim[2] ?? '');
      if (!known || rest === '' || similarity(rest, compactForCompare(known.name)) >= 0.5) {
        dimension = Number(dim[1]);
        if ((dim[2] ?? '').trim() !== '' && !dimensionNames.has(dimension)) {
          dimensionNames.set(dimension, (dim[2] ?? '').trim());
        }
        missionCode = null;
        subMissionCode = null;
        current = null;
        continue;
      }
    }
    const section = SECTION.exec(line);
    if (section) {
      open(Number(section[1]), i);
      continue;
    }
    const code = CODE_HEADING.exec(line);
    if (code && line.length < 400) {
      const full = code[3] ? `${code[1]}.${code[2]}.${code[3]}` : `${code[1]}.${code[2]}`;
      const known = ctx.headings.find((h) => h.code === full);
      const fits = known
        ? similarity(compactForCompare(code[4] ?? ''), compactForCompare(known.name)) >= 0.5
        : dimension !== null && Number(code[1]) === dimension && looksLikeHeadingTarget(lines, i + 1);
      if (fits) {
        if (!headingNames.has(full)) headingNames.set(full, (code[4] ?? '').trim());
        if (code[3]) subMissionCode = full;
        else {
          missionCode = full;
          subMissionCode = null;
        }
        dimension ??= Number(code[1]);
        current = null;
        continue;
      }
    }
    const heading = readFieldHeading(line);
    if (heading?.key === 'name' && (!current || (current as DetailSection).fields.name !== undefined)) {
      open(null, i);
    }
    if (heading && current) {
      setField(heading.key, heading.inline);
      continue;
    }
    if (!current || field === null) continue;
    const inResults: boolean = RESULT_FIELDS.includes(field as FieldKey);
    const subHeading: FieldHeading | null = inResults ? readResultSubHeading(line) : null;
    if (subHeading) {
      const section: DetailSection = current;
      const store = section.fields[subHeading.key] === undefined ? section.fields : section.duplicates;
      const existing = store[subHeading.key] ?? [];
      if (subHeading.inline !== '') existing.push(subHeading.inline);
      store[subHeading.key] = existing;
      target = existing;
      field = subHeading.key;
      continue;
    }
    if (field === 'name' && !nameOpen) continue;
    (target as string[] | null)?.push(line);
  }
  return { sections, dimensionNames, headingNames };
}
