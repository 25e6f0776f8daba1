import { normalizeText } from '../text-router';
import { myDataWords } from '../commands/my-data';
import { entryPoints } from '../messages/welcome';
import { isReceiptRequest } from '../commands/liff-receipt';

/**
 * Words that mean the same everywhere, even in the middle of a complaint: the menu's chips, "เมนู" and
 * the LIFF form's receipt request. Inside a flow they are answered as outside it, and the draft waits
 * ("ทำต่อ"); they are never taken as the answer to the step (a description "ติดตามเรื่อง" helps nobody).
 */
const ASIDE_WORDS = new Set([entryPoints.track, entryPoints.plan, myDataWords.view, 'เมนู', 'menu']);

/** Is this typed text one of the words that mean the same everywhere? */
export function isAside(text: string): boolean {
  const normal = normalizeText(text);
  return ASIDE_WORDS.has(normal.toLowerCase()) || isReceiptRequest(normal);
}

// A greeting or a thanks on its own, with the particles people add; nothing else may follow it.
const THAI_GREETING = /^(สวัสดี|หวัดดี|ดี|ขอบคุณ|ขอบใจ|ขอบคุณมาก|โอเค)(ครับ|คับ|ค่ะ|คะ|จ้า|จ้ะ|จ๊ะ|นะ|ค่า|มาก|ๆ|\s)*$/;
const OTHER_GREETING = /^(hello|hi|hey|thanks|thank you|ok|okay)[!. ]*$/i;
const PARTICLE_ONLY = /^(ครับ|ค่ะ|คะ|คับ|จ้า|ok)[!. ]*$/i;

/**
 * Is this text a greeting, a thanks or a bare particle, and nothing else? Such a text cannot be the
 * answer to a step (a description, a place, a name): the step is asked again and nothing is stored.
 */
export function isGreetingOnly(text: string): boolean {
  const t = normalizeText(text);
  return THAI_GREETING.test(t) || OTHER_GREETING.test(t) || PARTICLE_ONLY.test(t);
}
