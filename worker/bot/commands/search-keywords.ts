import type { Db } from '../../db/client';
import { keywordsWithHits } from '../../plans/chat-data';

/**
 * Words residents might look for in an anti-corruption plan, offered as quick replies. Only those that
 * find something in the organisation's own plans are shown (each ≤ 20 characters: a quick-reply label).
 */
const EXAMPLE_KEYWORDS = [
  'ร้องเรียน',
  'คุณธรรม',
  'จัดซื้อจัดจ้าง',
  'เปิดเผยข้อมูล',
  'มีส่วนร่วม',
  'ผลประโยชน์ทับซ้อน',
  'จริยธรรม',
  'ตรวจสอบ',
  'เยาวชน',
  'อบรม',
];

/** Up to `max` example keywords that find at least one project of the organisation. */
export async function exampleKeywords(db: Db, orgId: number, max = 4): Promise<string[]> {
  return (await keywordsWithHits(db, orgId, EXAMPLE_KEYWORDS)).slice(0, max);
}
