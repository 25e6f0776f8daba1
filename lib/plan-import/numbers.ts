import type { KindCounts } from '../../schema/contracts/plan-document';

/**
 * Phrases that mean "no budget": "ไม่ใช้งบประมาณ", "ไม่ใช่ งบประมาณ" (a common typo), "ไม่มีงบประมาณ",
 * "ไม่ได้ตั้งงบประมาณ", "ไม่ใช้งบประมาณดำเนินการ", and the short "ไม่ใช้งบ" / "ไม่ใช้งบฯ".
 */
const NO_BUDGET = /ไม่\s*(?:ได้\s*)?(?:ใช้|ใช่|มี|ตั้ง)\s*งบ(?:\s*ประมาณ(?:\s*ดำเนินการ)?|ฯ)?/g;
const DASH = /^[-–—‐−_]+$/;

/** Parses one amount written with optional thousands separators ("3,000,000", "1,500.00"); null if not a number. */
export function parseAmount(token: string): number | null {
  const cleaned = token.replace(/บาท/g, '').replace(/[\s,]/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned));
}

/**
 * Splits one year cell of the summary table into its figures. A cell may hold several figures, one per project
 * of a merged cell ("- 100,000 500,000 -"). "-" and the no-budget phrases count as 0; words are ignored.
 * Returns [] for an empty cell.
 */
export function parseBudgetCell(cell: string): number[] {
  const text = cell
    .replace(NO_BUDGET, ' - ')
    .replace(/บาท/g, ' ')
    // "3, 000,000": a thousands group split by conversion noise.
    .replace(/(\d),\s+(?=\d{3}(?:\D|$))/g, '$1,');
  const values: number[] = [];
  for (const raw of text.split(/\s+/)) {
    // "200,000.-" is a common way of writing a whole-baht amount.
    const token = /^\d/.test(raw) ? raw.replace(/\.?-+$/, '') : raw;
    if (token === '') continue;
    if (DASH.test(token)) {
      values.push(0);
      continue;
    }
    const amount = parseAmount(token);
    if (amount !== null) values.push(amount);
  }
  return values;
}

/** True when the text says there is no budget ("-", "ไม่ใช้งบประมาณ", …). */
export function saysNoBudget(text: string): boolean {
  const trimmed = text.trim();
  NO_BUDGET.lastIndex = 0;
  const found = DASH.test(trimmed) || NO_BUDGET.test(trimmed);
  NO_BUDGET.lastIndex = 0;
  return found;
}

export interface CountPhrase {
  total: number;
  /** Set only when the phrase counts by kind ("4 โครงการ 3 กิจกรรม"). */
  byKind: KindCounts | null;
}

const KIND_WORDS: Record<string, keyof KindCounts> = {
  โครงการ: 'project',
  กิจกรรม: 'activity',
  มาตรการ: 'measure',
};

/**
 * Reads a stated count: "จำนวน 10 โครงการ" is a total of all kinds; "4 โครงการ 3 กิจกรรม" counts by kind;
 * "10 โครงการ/กิจกรรม/มาตรการ" is a total. Returns null when the text states no count.
 */
export function parseCountPhrase(text: string): CountPhrase | null {
  const matches = [
    ...text.matchAll(/(\d+)\s*(โครงการ|กิจกรรม|มาตรการ)((?:\s*\/\s*(?:โครงการ|กิจกรรม|มาตรการ))*)/g),
  ];
  if (matches.length === 0) return null;
  const first = matches[0]!;
  if (matches.length === 1 && (first[2] === 'โครงการ' || (first[3] ?? '') !== '')) {
    return { total: Number(first[1]), byKind: null };
  }
  const byKind: KindCounts = { project: 0, activity: 0, measure: 0 };
  for (const m of matches) {
    const kind = KIND_WORDS[m[2] ?? ''];
    if (kind) byKind[kind] += Number(m[1]);
  }
  return { total: byKind.project + byKind.activity + byKind.measure, byKind };
}

export interface DetailAmount {
  /** The single amount stated (0 for "no budget"); null when the text gives no figure. */
  amount: number | null;
  /** Amounts the text gives per named fiscal year ("ปี 2566 50,000 บาท"), else null. */
  perYear: Record<string, number> | null;
}

/**
 * Reads the budget paragraph of a detail section. "ปีงบประมาณละ 100,000 บาท" → 100,000; "10 แห่งๆ ละ 500,000
 * บาท เป็นเงิน 5,000,000 บาท" → 5,000,000 (the last amount in baht is the total the sentence arrives at);
 * "ไม่ใช้งบประมาณ" or "-" → 0; a text with no amount in baht → null.
 */
export function parseDetailBudget(text: string): DetailAmount {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return { amount: null, perYear: null };
  const perYear: Record<string, number> = {};
  for (const m of flat.matchAll(
    /(?:ปี(?:งบประมาณ)?\s*(?:พ\.ศ\.)?\s*)(25\d\d)\s*(?:จำนวน|=|:)?\s*([\d,]+(?:\.\d+)?)\s*บาท/g,
  )) {
    const amount = parseAmount(m[2] ?? '');
    if (amount !== null) perYear[m[1]!] = amount;
  }
  const amounts = [...flat.matchAll(/(\d{1,3}(?:,\s?\d{3})+|\d+)(?:\.\d+)?\s*บาท/g)]
    .map((m) => parseAmount(m[1] ?? ''))
    .filter((a): a is number => a !== null);
  const perYearFound = Object.keys(perYear).length >= 2 ? perYear : null;
  if (amounts.length > 0) return { amount: amounts[amounts.length - 1]!, perYear: perYearFound };
  if (saysNoBudget(flat) || /^-/.test(flat)) return { amount: 0, perYear: null };
  const bare = parseAmount(flat);
  return { amount: bare, perYear: null };
}
