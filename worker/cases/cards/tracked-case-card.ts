import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDate, formatThaiDay } from '../../../lib/thai-date';
import { trackNames } from '../../../schema/contracts/complaint-rules';
import type { TrackedCaseSummary } from '../../../schema/contracts/tracking';
import type { Env } from '../../env';
import { colors, column, linkButton, row, text } from '../../line/flex';
import type { LineMessage } from '../../line/gateway';
import { liffPath, liffUrl } from '../../line/liff-url';
import type { LiffApp } from '../../../schema/contracts/liff-app';

/** Where "ดูรายละเอียด" leads: the organisation's LIFF tracker. */
export interface TrackLinks {
  env: Pick<Env, 'APP_ORIGIN' | 'LIFF_URL_MODE'>;
  orgSlug: string;
  liff: LiffApp | null;
}

/** LINE's most bubbles in one carousel. */
export const CAROUSEL_MAX = 12;

const MESSAGE_MAX = 300;

const INFO_PREFIX = 'track|info|';

/** The postback of "ส่งข้อมูลเพิ่มเติม" on the card of an open case. */
export const infoPostback = (code: string) => `${INFO_PREFIX}${code}`;

/** The case code of a "ส่งข้อมูลเพิ่มเติม" postback, or null for any other postback. */
export const readInfoPostback = (data: string) =>
  data.startsWith(INFO_PREFIX) ? data.slice(INFO_PREFIX.length) : null;

// Shown only on an open case: the tap is checked again (own, or opened with code and PIN here).
const infoButton = (code: string): messagingApi.FlexButton => ({
  type: 'button',
  style: 'secondary',
  height: 'sm',
  action: {
    type: 'postback',
    label: 'ส่งข้อมูลเพิ่มเติม',
    data: infoPostback(code),
    displayText: 'ส่งข้อมูลเพิ่มเติม',
  },
});

const dueText = (c: TrackedCaseSummary) => {
  const due = c.nextDue;
  if (!due) return null;
  const late = due.state === 'overdue' ? ' (เลยกำหนดแล้ว)' : '';
  return `${due.label}ภายใน ${formatThaiDate(due.dueOn)}${late}`;
};

/**
 * One case as a bubble for its complainant: code, track, category, status in plain Thai, the next
 * committed date and the organisation's last message. The details button opens the LIFF page of the
 * case; for an anonymous case the page asks for the PIN again (it never travels in a URL). An open case
 * also has "ส่งข้อมูลเพิ่มเติม" (a postback: the next messages go to the case).
 */
export function trackedCaseBubble(c: TrackedCaseSummary, links: TrackLinks): messagingApi.FlexBubble {
  const due = dueText(c);
  const message = c.lastMessage;
  const path = c.anonymous
    ? liffPath(['o', links.orgSlug, 'track'], { code: c.code })
    : liffPath(['o', links.orgSlug, 'track', c.code]);
  const photo = message?.photoUrl?.startsWith('https://') ? message.photoUrl : null;
  return {
    type: 'bubble',
    size: 'kilo',
    // The result's after photo (a grievance closed as resolved), when the card is built with links to it.
    ...(photo
      ? { hero: { type: 'image', url: photo, size: 'full', aspectRatio: '20:13', aspectMode: 'cover' } }
      : {}),
    header: column(
      [
        text('เลขรับเรื่อง', { size: 'xs', color: colors.label }),
        text(c.code, { size: 'xl', weight: 'bold', color: colors.accent }),
      ],
      { backgroundColor: colors.header, paddingAll: '12px', spacing: 'none' },
    ),
    body: column(
      [
        row('ประเภท', trackNames[c.track].short),
        row('หมวด', c.categoryName),
        row('แจ้งเมื่อ', formatThaiDay(c.createdAt)),
        text(c.statusText, { weight: 'bold', color: c.open ? colors.text : colors.label, margin: 'md' }),
        ...(due ? [text(due, { size: 'xs' })] : []),
        ...(message
          ? [
              { type: 'separator', margin: 'md' } as const,
              text(`ข้อความล่าสุด (${formatThaiDay(message.at)})`, { size: 'xs', color: colors.label }),
              text(clip([message.title, message.detail].filter(Boolean).join(': '))),
            ]
          : []),
      ],
      { paddingAll: '12px' },
    ),
    footer: column(
      [
        linkButton('ดูรายละเอียด', liffUrl(links.env, links.liff, path)),
        ...(c.open ? [infoButton(c.code)] : []),
      ],
      { paddingAll: '12px' },
    ),
  };
}

function clip(value: string): string {
  return value.length <= MESSAGE_MAX ? value : `${value.slice(0, MESSAGE_MAX - 1)}…`;
}

/** The person's cases as one carousel (at most CAROUSEL_MAX; the caller says when there are more). */
export function trackedCasesCarousel(cases: TrackedCaseSummary[], links: TrackLinks): LineMessage {
  const shown = cases.slice(0, CAROUSEL_MAX);
  return {
    type: 'flex',
    altText: `เรื่องของท่าน ${shown.length} เรื่อง: ${shown.map((c) => c.code).join(', ')}`.slice(0, 400),
    contents: { type: 'carousel', contents: shown.map((c) => trackedCaseBubble(c, links)) },
  };
}

/** One case as a card message. */
export function trackedCaseCard(c: TrackedCaseSummary, links: TrackLinks): LineMessage {
  return {
    type: 'flex',
    altText: `เรื่อง ${c.code}: ${c.statusText}`,
    contents: trackedCaseBubble(c, links),
  };
}
