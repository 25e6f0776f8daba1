import { type HolidayRow, holidayRow } from '../../schema/contracts/holiday';
import { addWorkingDays, isWorkingDay } from '../../worker/calendar/working-days';

const COLUMNS = ['date', 'name', 'kind', 'source'] as const;

/** Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes and newlines). */
export function splitCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const end = () => {
    fields.push(field);
    field = '';
  };
  const s = text.replace(/^\uFEFF/, ''); // spreadsheet exports start with a byte order mark
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') end();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      end();
      if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
      fields = [];
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted) throw new Error(`line ${start}: a quoted field is not closed`);
  end();
  if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
  return records;
}

/**
 * Reads a holiday calendar CSV (header `date,name,kind,source`, any order) into validated rows, or
 * throws one Error listing every problem with its line number.
 */
export function parseHolidayCsv(text: string): HolidayRow[] {
  const [header, ...records] = splitCsv(text);
  if (!header) throw new Error('the file is empty: expected a header line "date,name,kind,source"');
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length > 0 ? `missing column(s): ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown column(s): ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    throw new Error(`line ${header.line}: the header must be "date,name,kind,source" (${parts.join('; ')})`);
  }
  if (records.length === 0) throw new Error('the file has a header but no holidays');
  const rows: HolidayRow[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of records) {
    if (fields.length !== names.length) {
      problems.push(`line ${line}: expected ${names.length} fields, found ${fields.length}`);
      continue;
    }
    const raw = Object.fromEntries(names.map((n, i) => [n, fields[i]!.trim()]));
    const parsed = holidayRow.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`line ${line}: ${issue.message}`);
      continue;
    }
    const earlier = seen.get(parsed.data.date);
    if (earlier !== undefined) {
      problems.push(`line ${line}: ${parsed.data.date} is already on line ${earlier} (one row per date)`);
      continue;
    }
    seen.set(parsed.data.date, line);
    rows.push(parsed.data);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Holidays on a Saturday or Sunday without a substitution row on the next free working day (rows in date
 * order): a reminder to check the Cabinet's announcement, printed as a warning since the Cabinet decides.
 */
export function missingSubstitutions(
  rows: readonly HolidayRow[],
): { date: string; name: string; expected: string }[] {
  const taken = new Set(rows.filter((r) => r.kind !== 'substitution').map((r) => r.date));
  const substitutions = new Set(rows.filter((r) => r.kind === 'substitution').map((r) => r.date));
  const out: { date: string; name: string; expected: string }[] = [];
  for (const r of rows) {
    if (r.kind === 'substitution' || isWorkingDay(r.date, new Set())) continue;
    // Two days off on one weekend substitute on Monday and Tuesday.
    const expected = addWorkingDays(r.date, 1, taken);
    taken.add(expected);
    if (!substitutions.has(expected)) out.push({ date: r.date, name: r.name, expected });
  }
  return out;
}
