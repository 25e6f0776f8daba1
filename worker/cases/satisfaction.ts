import { keyedHashes } from '../crypto/keyed-hash';
import type { Keyring } from '../crypto/secret-box';
import type { messagingApi } from '@line/bot-sdk';

/**
 * The question a complainant gets with the result of their case (plans: satisfaction ≥ 80%): was it
 * really fixed (only when closed as resolved), then a rating of the handling from 1 to 5. Answers are
 * quick-reply postbacks (a reply to them is free). The postback names the case and the closing it is
 * about, with a keyed tag so that nobody can answer for a case they did not receive the result of.
 */
export type RatingAnswer = 'fixed' | 'not_fixed' | 1 | 2 | 3 | 4 | 5;

export interface RatingPostback {
  caseId: number;
  closedVersion: number;
  tag: string;
  answer: RatingAnswer;
}

const PREFIX = 'rate:';
const pattern = /^rate:([1-9]\d{0,11}):([1-9]\d{0,8}):([A-Za-z0-9_-]{16}):(fixed|not_fixed|[1-5])$/;

/** Reads a rating postback's data; null when it is not one (or malformed). */
export function parseRatingPostback(data: string): RatingPostback | null {
  const m = pattern.exec(data);
  if (!m) return null;
  const raw = m[4]!;
  const answer = raw === 'fixed' || raw === 'not_fixed' ? raw : (Number(raw) as 1 | 2 | 3 | 4 | 5);
  return { caseId: Number(m[1]), closedVersion: Number(m[2]), tag: m[3]!, answer };
}

/** Is this postback data ours (so that no other handler claims it)? */
export const isRatingPostback = (data: string) => data.startsWith(PREFIX);

/** The keyed tag of one closing of one case (first 16 characters of a keyed hash, base64url). */
export async function ratingTag(
  keyring: Keyring,
  orgId: number,
  caseId: number,
  closedVersion: number,
): Promise<string[]> {
  const hashes = await keyedHashes(keyring, 'case-rating', `${orgId}:${caseId}:${closedVersion}`);
  return hashes.map((h) => h.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, 16));
}

export const scoreLabels: Record<1 | 2 | 3 | 4 | 5, string> = {
  5: '5 ดีมาก',
  4: '4 ดี',
  3: '3 พอใช้',
  2: '2 ควรปรับปรุง',
  1: '1 ไม่พอใจ',
};

type QuickReply = messagingApi.QuickReply;

function choices(at: Omit<RatingPostback, 'answer'>, items: [RatingAnswer, string][]): QuickReply {
  return {
    items: items.map(([answer, label]) => ({
      type: 'action' as const,
      action: {
        type: 'postback' as const,
        label,
        data: `${PREFIX}${at.caseId}:${at.closedVersion}:${at.tag}:${answer}`,
        displayText: label,
      },
    })),
  };
}

/** Quick replies asking for a 1–5 rating. */
export const scoreChoices = (at: Omit<RatingPostback, 'answer'>): QuickReply =>
  choices(
    at,
    ([5, 4, 3, 2, 1] as const).map((s) => [s, scoreLabels[s]]),
  );

/** What the result message asks: fixed or not when it was closed as resolved, else the rating. */
export function resultQuestion(
  at: Omit<RatingPostback, 'answer'>,
  resolved: boolean,
): { line: string; quickReply: QuickReply } {
  return resolved
    ? {
        line: 'ปัญหาได้รับการแก้ไขแล้วจริงหรือไม่ แตะตอบด้านล่างได้เลย',
        quickReply: choices(at, [
          ['fixed', 'แก้ไขแล้วจริง'],
          ['not_fixed', 'ยังไม่ได้แก้ไข'],
        ]),
      }
    : { line: 'ท่านพึงพอใจการดำเนินการเรื่องนี้เพียงใด แตะให้คะแนนด้านล่างได้เลย', quickReply: scoreChoices(at) };
}

/** The result message with the question attached (its text gains the question's line). */
export async function withResultQuestion(
  keyring: Keyring,
  at: { orgId: number; caseId: number; closedVersion: number; resolved: boolean },
  message: messagingApi.TextMessage,
): Promise<messagingApi.TextMessage> {
  const [tag] = await ratingTag(keyring, at.orgId, at.caseId, at.closedVersion);
  const question = resultQuestion(
    { caseId: at.caseId, closedVersion: at.closedVersion, tag: tag! },
    at.resolved,
  );
  return { ...message, text: `${message.text}\n\n${question.line}`, quickReply: question.quickReply };
}
