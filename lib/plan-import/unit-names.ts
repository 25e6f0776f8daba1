import { collapseSpaces } from './normalize';

/**
 * Reading one responsible-unit cell ("ฝ่ายพัฒนารายได้ กองคลัง เทศบาลนครลำปาง", "สำนักคลัง สำนักการศึกษา") into
 * the division-level units it names, and the key under which spellings of one unit meet. Used by
 * ./unit-groups.ts; pure.
 */

/** Division-level words: a name starting with one is a unit of its own (รร. = โรงเรียน, expanded before). */
const DIVISION = /^(?:กอง|สำนัก|หน่วย|โรงเรียน)/;
/** Levels inside a division ("ฝ่าย…", "งาน…"): only the hierarchy when the cell also names the division. */
const SECTION = /^(?:ฝ่าย|งาน|กลุ่มงาน|ส่วน)/;
/** Words joining two units; before anything else they belong to the name ("กองยุทธศาสตร์ และงบประมาณ"). */
const JOINER = /^(?:และ|ร่วมกับ)$/;
/** The start of an organisation's name. */
const ORG_WORD = /^(?:เทศบาล|องค์การบริหารส่วน|อบต\.|อบจ\.|ทน\.|ทม\.|ทต\.)/;
/** A dotted abbreviation as written in remarks ("สป.", "กวช."). */
export const ABBREVIATION = /^[ก-ฮ]{1,6}\.(?:[ก-ฮ]{1,4}\.)*$/;

/** Spelt-out and abbreviated kinds of local government, to recognise the organisation's own name. */
const ORG_KINDS: [string, string][] = [
  ['เทศบาลนคร', 'ทน.'],
  ['เทศบาลเมือง', 'ทม.'],
  ['เทศบาลตำบล', 'ทต.'],
  ['องค์การบริหารส่วนตำบล', 'อบต.'],
  ['องค์การบริหารส่วนจังหวัด', 'อบจ.'],
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Converted documents wrap names anywhere, so a name may have a space between any two characters.
const spaced = (s: string) => [...s].map(escapeRegExp).join('\\s*');

/**
 * The organisation's own name ("เทศบาลเมืองจันทบุรี", "ทม.จันทบุรี") with the word linking it to a unit
 * ("ของ", "ใน"); null without a name. A unit "of this organisation" is the same unit.
 */
export function ownNamePattern(orgName: string | null): RegExp | null {
  const compact = orgName?.replace(/\s+/g, '') ?? '';
  if (compact === '') return null;
  const names = [spaced(compact)];
  const kind = ORG_KINDS.find(([full]) => compact.startsWith(full) && compact.length > full.length);
  if (kind) names.push(`${spaced(kind[1])}\\s*${spaced(compact.slice(kind[0].length))}`);
  // "ใน" links only when it is not the end of a name ("หน่วยตรวจสอบภายใน เทศบาล…").
  return new RegExp(`\\s*(?:ของ|(?<!ภาย)ใน)?\\s*(?:${names.join('|')})`, 'g');
}

/** What a cell names: every unit of the organisation, some units, or nothing readable. */
export type CellUnits = { all: true } | { all: false; parts: string[] };

/** Thai consonants only: abbreviations and typos ("สว้สฯ" for "สวัสฯ") keep those. */
export const skeleton = (s: string) => s.replace(/[^ก-ฮ]/g, '');

function tokens(text: string): string[] {
  return text
    .replace(/\s*[/,]\s*/g, ' / ')
    .replace(/(^|\s)(และ|ร่วมกับ)(?=กอง|สำนัก|หน่วย|โรงเรียน|รร\.)/g, '$1$2 ')
    .split(' ')
    .filter((t) => t !== '' && t !== '-')
    .map((t) => t.replace(/^รร\./, 'โรงเรียน'));
}

/**
 * The units a cell names, in order, each without spaces (a wrapped "กองยุทธศาสตร์ และงบประมาณ" is one name).
 * The organisation's own name and "ฯ" standing for it ("เทศบาลฯ") are dropped; sections before or after a
 * division ("ฝ่ายพัฒนารายได้ กองคลัง") leave only the division; "/", ",", "และ"/"ร่วมกับ" before a division
 * or two divisions side by side separate units. "ทุก…" ("ทุกส่วนราชการ", "ทุกสำนัก/กอง") is every unit.
 */
export function cellUnits(cell: string, ownName: RegExp | null): CellUnits {
  let text = collapseSpaces(ownName ? cell.replace(ownName, ' ') : cell);
  text = collapseSpaces(
    text.replace(/(เทศบาล|อบต\.)ฯ/g, '$1').replace(/(^|\s)(?:เทศบาล|อบต\.)(?=\s|$)/g, ' '),
  );
  if (/^ทุก/.test(text)) return { all: true };
  const parts: string[][] = [];
  let current: string[] = [];
  let division = false;
  let skipping = false;
  let joiner: string | null = null;
  const flush = () => {
    if (current.length > 0) parts.push(division ? current : [current.join(' ')]);
    current = [];
    division = false;
    skipping = false;
  };
  for (const token of tokens(text)) {
    if (token === '/') {
      flush();
      joiner = null;
      continue;
    }
    if (JOINER.test(token)) {
      joiner = token;
      continue;
    }
    if (DIVISION.test(token)) {
      if (division) flush();
      else current = [];
      division = true;
      skipping = false;
      current.push(token);
    } else if (division && SECTION.test(token)) {
      skipping = true;
    } else if (!skipping) {
      if (joiner) current.push(joiner);
      // Another organisation's name stays apart from the unit it follows ("กองคลัง เทศบาลนครลำปาง").
      current.push(division && ORG_WORD.test(token) ? ` ${token}` : token);
    }
    joiner = null;
  }
  flush();
  return { all: false, parts: parts.map((p) => p.join('')).filter((n) => n !== '') };
}

/**
 * The key under which spellings of one unit meet: no spaces, punctuation or "และ", "สำนักงาน" ≈ "สำนัก",
 * "หน่วยงาน" ≈ "หน่วย", "การ" after the division word dropped ("สำนักการคลัง" ≈ "สำนักคลัง"), and
 * "สำนักปลัด" with or without "เทศบาล"/"อบต.".
 */
export function unitKey(name: string): string {
  return name
    .replace(/[\s.,;:()"'“”‘’\-–—ฯ]/g, '')
    .replace(/^สำนักงาน/, 'สำนัก')
    .replace(/^หน่วยงาน/, 'หน่วย')
    .replace(/^(กอง|สำนัก|หน่วย)การ/, '$1')
    .replace(/^สำนักปลัด(?:เทศบาล|องค์การบริหารส่วน(?:ตำบล|จังหวัด)|อบต|อบจ)$/, 'สำนักปลัด')
    .replace(/และ/g, '');
}

/** A unit written short: an abbreviation ("กวช."), cut off with "ฯ" ("สวัสดิฯ") or without its division word ("คลัง"). */
export function isShortForm(name: string): boolean {
  return ABBREVIATION.test(name) || name.endsWith('ฯ') || !(DIVISION.test(name) || SECTION.test(name));
}

/** The name after its division word and a following "การ": "คลัง" in "สำนักการคลัง". */
function distinctive(name: string): string {
  return name.replace(/^(?:สำนักงาน|หน่วยงาน|กอง|สำนัก|หน่วย|โรงเรียน)(?:การ)?/, '');
}

/**
 * Whether `short` can stand for the full name `full`. An abbreviation takes the division word's first letter,
 * then the first letter of the rest, then letters of the rest in order ("กวช." = กองวิชาการและแผนงาน); a cut or
 * bare form must begin the rest, consonants compared ("สว้สฯ", "สวัสดิฯ" = กองสวัสดิการสังคม; "คลัง" = กองคลัง).
 */
export function abbreviates(short: string, full: string): boolean {
  if (!DIVISION.test(full)) return false;
  const rest = skeleton(distinctive(full));
  if (ABBREVIATION.test(short)) {
    const letters = skeleton(short);
    if (letters.length < 2 || letters[0] !== full[0] || letters[1] !== rest[0]) return false;
    let at = 1;
    for (const letter of letters.slice(2)) {
      at = rest.indexOf(letter, at);
      if (at < 0) return false;
      at++;
    }
    return true;
  }
  const stem = skeleton(distinctive(short.replace(/ฯ$/, '')));
  return stem.length >= 2 && rest.startsWith(stem);
}
