export type FieldKey =
  | 'name'
  | 'rationale'
  | 'objectives'
  | 'targetGroup'
  | 'area'
  | 'methods'
  | 'period'
  | 'budget'
  | 'responsible'
  | 'results'
  | 'outputs'
  | 'outcomes'
  | 'indicators';

/** Field headings of the detail template, by the words they start with (numbers and order vary by plan). */
const FIELDS: { key: FieldKey; head: RegExp }[] = [
  { key: 'rationale', head: /^(?:หลักการ\s*(?:และ)?\s*เหตุผล|ที่มา(?:และความสำคัญ)?|ความเป็นมา)/ },
  { key: 'objectives', head: /^วัตถุประสงค์/ },
  { key: 'targetGroup', head: /^(?:กลุ่ม)?เป้าหมาย/ },
  { key: 'area', head: /^(?:พื้นที่|สถานที่)\s*(?:ดำเนินการ|ดำเนินงาน|ในการดำเนินการ)?/ },
  { key: 'methods', head: /^(?:วิธี|ขั้นตอน)\s*(?:การ)?\s*ดำเนิน/ },
  { key: 'period', head: /^ระยะเวลา/ },
  { key: 'budget', head: /^งบประมาณ/ },
  { key: 'responsible', head: /^(?:ผู้รับผิดชอบ|หน่วยงาน(?:ที่)?\s*รับผิดชอบ|ส่วนราชการ(?:ที่)?\s*รับผิดชอบ)/ },
  { key: 'indicators', head: /^ตัวชี้วัด/ },
  { key: 'results', head: /^(?:ผลผลิต|ผลลัพธ์)/ },
  { key: 'outcomes', head: /^ผลที่คาดว่าจะได้รับ/ },
];

const NAME_HEAD =
  /^ชื่อ\s*(?:โครงการ|กิจกรรม|มาตรการ)(?:\s*\/\s*(?:โครงการ|กิจกรรม|มาตรการ))*\s*(?:[:：]|\.{2,}|…+)?\s*(.*)$/;

export interface FieldHeading {
  key: FieldKey;
  /** Content written on the heading line itself ("ชื่อโครงการ : X", "งบประมาณ : 50,000 บาท"). */
  inline: string;
}

/**
 * Recognises a numbered field heading of a detail section ("2. หลักการและเหตุผล/ที่มาของโครงการ", "7. งบประมาณ
 * ดำเนินการ", "1. ชื่อกิจกรรม : X"). Body lines that merely start with a field word are rejected: the words after
 * the field name must be a short qualifier without figures (except a budget's own amount).
 */
export function readFieldHeading(line: string): FieldHeading | null {
  // Field headings are numbered "N." (never "N)", which numbers list items, nor "N.N", a sub-item).
  const numbered = /^[-–•*\s]*(\d{1,2})\s*\.(?!\d)\s*(.+)$/.exec(line);
  const body = (numbered ? numbered[2]! : line).trim();
  const name = NAME_HEAD.exec(body);
  if (name && (numbered || /^ชื่อ\S*\s*[:：]/.test(body))) return { key: 'name', inline: name[1] ?? '' };
  if (!numbered) return null;
  const colon = body.search(/[:：]/);
  const head = (colon >= 0 ? body.slice(0, colon) : body).trim();
  const inline = colon >= 0 ? body.slice(colon + 1).trim() : '';
  for (const field of FIELDS) {
    const m = field.head.exec(head);
    if (!m) continue;
    const tail = head.slice(m[0].length);
    if (field.key === 'budget' && /\d/.test(tail) && /บาท|^\s*[-\d]/.test(tail)) {
      return { key: 'budget', inline: [tail.trim(), inline].filter((s) => s !== '').join(' ') };
    }
    if (tail.length > 30 || /\d/.test(tail)) return null;
    return { key: field.key, inline };
  }
  return null;
}

/**
 * Recognises the unnumbered "ผลผลิต" / "ผลลัพธ์" / "ตัวชี้วัด" sub-headings inside a results field, with any
 * content on the same line.
 */
export function readResultSubHeading(line: string): FieldHeading | null {
  const m = /^[-–•\s]*(ผลผลิต|ผลลัพธ์|ตัวชี้วัด)\s*(?:\([^)]*\))?\s*(?:[:：]\s*(.*)|$)/.exec(line);
  if (!m) return null;
  const key: FieldKey = m[1] === 'ผลผลิต' ? 'outputs' : m[1] === 'ผลลัพธ์' ? 'outcomes' : 'indicators';
  return { key, inline: (m[2] ?? '').trim() };
}

const ITEM_MARKER = /^(?:[-–•*●○▪]\s*)?(?:\d{1,2}(?:\.\d{1,2})+\)?\s+|\(?\d{1,2}\s*[.)]\)?\s*)?/;

/**
 * Splits a field's lines into list items: a line with a bullet or number starts an item; an unmarked line
 * continues the previous item once the list has markers (a sentence wrapped onto the next line), otherwise it
 * is an item of its own.
 */
export function listItems(lines: string[]): string[] {
  const items: string[] = [];
  let marked = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const marker = ITEM_MARKER.exec(line)?.[0] ?? '';
    const text = line.slice(marker.length).trim();
    if (text === '') continue;
    if (marker.trim() !== '') {
      marked = true;
      items.push(text);
    } else if (marked && items.length > 0) {
      items[items.length - 1] = `${items[items.length - 1]} ${text}`;
    } else items.push(text);
  }
  return items;
}

/** Joins a field's lines into one text, paragraphs separated by a newline; null when empty. */
export function paragraph(lines: string[] | undefined): string | null {
  const text = (lines ?? [])
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
  return text === '' ? null : text;
}
