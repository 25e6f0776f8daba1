import { bangkokTime } from '../../../lib/thai-date';
import { lockedText, notFoundText } from '../../../lib/texts/tracking-texts';
import {
  CAROUSEL_MAX,
  type TrackLinks,
  trackedCaseCard,
  trackedCasesCarousel,
} from '../../cases/cards/tracked-case-card';
import type { TrackedCaseSummary } from '../../../schema/contracts/tracking';
import type { LineMessage } from '../../line/gateway';
import { liffPath, liffUrl } from '../../line/liff-url';
import type { BotContext } from '../context';
import { entryPoints } from '../messages/welcome';

/** The chat's tracking answers (Thai), kept apart from the decisions in track-case.ts. */

const chips = (labels: string[]) => ({
  items: labels.map((label) => ({
    type: 'action' as const,
    action: { type: 'message' as const, label, text: label },
  })),
});

const anonymousHint = 'เรื่องที่แจ้งแบบไม่เปิดเผยตัวตนจะไม่แสดงในรายการ พิมพ์เลขรับเรื่องแล้วระบบจะขอรหัส PIN';

/** Links for cards: the organisation's LIFF app. */
export function trackLinks(ctx: BotContext): TrackLinks {
  return { env: ctx.env, orgSlug: ctx.org.slug, liff: ctx.liff };
}

/** "ติดตามเรื่อง": the person's cases as a carousel, or how to find one when there is none. */
export function caseListReply(links: TrackLinks, cases: TrackedCaseSummary[], more: number): LineMessage[] {
  if (cases.length === 0) {
    return [
      {
        type: 'text',
        text: ['ยังไม่พบเรื่องที่ท่านแจ้งโดยระบุตัวตนผ่าน LINE นี้', anonymousHint].join('\n'),
        quickReply: chips([entryPoints.grievance, entryPoints.corruption]),
      },
    ];
  }
  const lines = [anonymousHint];
  if (more > 0) {
    const all = liffUrl(links.env, links.liff, liffPath(['o', links.orgSlug, 'track']));
    lines.unshift(`แสดง ${CAROUSEL_MAX} เรื่องล่าสุด ยังมีอีก ${more} เรื่อง ดูทั้งหมดได้ที่ ${all}`);
  }
  return [trackedCasesCarousel(cases, links), { type: 'text', text: lines.join('\n') }];
}

/**
 * One opened case; with the open question when this person may answer it (the tracker keeps it only
 * for them), and how: their next text is the answer.
 */
export const caseReply = (
  links: TrackLinks,
  c: TrackedCaseSummary & { question?: { text: string } | null },
): LineMessage[] => [
  trackedCaseCard(c, links),
  ...(c.question
    ? [{ type: 'text' as const, text: `คำถามจากเจ้าหน้าที่: ${c.question.text}\nพิมพ์คำตอบในข้อความถัดไปได้เลย` }]
    : []),
];

/** A code that is not the person's own case: its PIN, in the next message. */
export const askPinReply = (code: string): LineMessage[] => [
  { type: 'text', text: `กรุณาพิมพ์รหัส PIN 6 หลักของเรื่อง ${code} ในข้อความถัดไป` },
];

/** Every refusal: the same words whatever the reason; and, when it locked, the lock. */
export function refusedReply(lockedUntil: number | null): LineMessage[] {
  if (lockedUntil) return lockedReply(lockedUntil);
  return [{ type: 'text', text: notFoundText, quickReply: chips([entryPoints.track]) }];
}

/** Opening by code and PIN is locked for now. */
export const lockedReply = (until: number): LineMessage[] => [
  { type: 'text', text: lockedText(bangkokTime(until)), quickReply: chips([entryPoints.track]) },
];
