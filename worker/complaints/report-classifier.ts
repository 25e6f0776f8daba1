import type { ComplaintTrack } from '../../schema/contracts/complaint';
import { categoryKeywords, problemWords } from './report-keywords';

/** What a message typed outside any conversation seems to be (pure; see report-keywords.ts). */
export interface ReportGuess {
  /** Reads like a report: worth asking "ต้องการแจ้งเรื่องนี้ไหม". */
  isReport: boolean;
  track?: ComplaintTrack;
  categoryCode?: string;
  /** The corruption words found: they suggest the protected track, never file there by themselves. */
  corruptionWords: string[];
}

export interface CategoryName {
  track: ComplaintTrack;
  code: string;
  name: string;
}

// A question that asks rather than tells ("ติดต่อได้กี่โมงครับ", "มีแผนอะไรบ้าง?").
const QUESTION =
  /(\?|ไหม|มั้ย|หรือเปล่า|หรือไม่|อย่างไร|ยังไง|เมื่อไร|เมื่อไหร่|ที่ไหน|กี่โมง|อะไรบ้าง|ได้ไหม|บ้าง)\s*(ครับ|คะ|ค่ะ|คับ|จ๊ะ|จ้ะ|นะ)?\s*[?]*$/;
// Short texts count only when they name both the matter and what is wrong with it ("ไฟดับ").
const MIN_SHORT = 4;
const MIN_REPORT = 10;
const MIN_UNLABELLED = 20;

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, '');

// Words of an organisation's own category names ("ตลาด/แผงลอย" → ตลาด, แผงลอย), long enough to mean something.
function nameWords(name: string): string[] {
  return name
    .split(/[/,()\s]+|และ|หรือ/)
    .map(squash)
    .filter((w) => w.length >= 3 && !/^(อื่น|เรื่อง|งาน)/.test(w));
}

interface Hit {
  track: ComplaintTrack;
  code: string;
  word: string;
  at: number;
}

function findHits(text: string, categories: CategoryName[]): Hit[] {
  const known = new Set(categories.map((c) => `${c.track}:${c.code}`));
  const tables = [
    ...categoryKeywords,
    ...categories.map((c) => ({ track: c.track, code: c.code, words: nameWords(c.name) })),
  ];
  const hits: Hit[] = [];
  for (const { track, code, words } of tables) {
    // A default category the organisation retired still tells the track, not the category.
    const usable = known.size === 0 || known.has(`${track}:${code}`);
    for (const word of words) {
      const at = text.indexOf(squash(word));
      if (at >= 0) hits.push({ track, code: usable ? code : '', word, at });
    }
  }
  return hits;
}

// The matter is usually named first ("ขยะไม่ได้เก็บ … ส่งกลิ่นเหม็น"): the earliest hit wins, the longer at a tie.
function firstHit(hits: Hit[]): Hit | undefined {
  return [...hits].sort((a, b) => a.at - b.at || b.word.length - a.word.length)[0];
}

/**
 * Guesses whether `text` is a report and of which track and category. Corruption words make the
 * guess the corruption track (whatever else is said); otherwise a category word, or words of
 * something wrong in a long enough text, make it a grievance. Greetings and questions without such
 * words are not reports. `categories` are the organisation's active ones (codes are only suggested
 * from these).
 */
export function classifyReport(text: string, categories: CategoryName[] = []): ReportGuess {
  const flat = squash(text);
  const none: ReportGuess = { isReport: false, corruptionWords: [] };
  if (flat.length < MIN_SHORT) return none;
  const hits = findHits(flat, categories);
  const problem = problemWords.some((w) => flat.includes(squash(w)));
  if (flat.length < MIN_REPORT && !(hits.length > 0 && problem)) return none;
  const corruption = hits.filter((h) => h.track === 'corruption');
  if (corruption.length > 0) {
    const hit = firstHit(corruption)!;
    return {
      isReport: true,
      track: 'corruption',
      categoryCode: hit.code || undefined,
      corruptionWords: [...new Set(corruption.map((h) => h.word))],
    };
  }
  const asks = QUESTION.test(text.trim()) && !problem;
  const hit = firstHit(hits);
  if (hit && !asks)
    return { isReport: true, track: 'grievance', categoryCode: hit.code || undefined, corruptionWords: [] };
  if (problem && flat.length >= MIN_UNLABELLED)
    return { isReport: true, track: 'grievance', categoryCode: undefined, corruptionWords: [] };
  return none;
}
