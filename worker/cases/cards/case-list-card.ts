import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDay } from '../../../lib/thai-date';
import type { LineMessage } from '../../line/gateway';
import { liffPath, liffUrl } from '../../line/liff-url';
import type { CaseRecord } from '../cases-data';

/** What a list card shows of a case. */
export type ListedCase = Pick<CaseRecord, 'id' | 'version' | 'code' | 'categoryName' | 'unitName'>;

export interface ListCardOptions<C extends ListedCase> {
  title: string;
  /** The grey line under the code (default: category · unit). */
  detail?: (c: C) => string;
  /** The page of the staff LIFF the footer opens (default: the case list). */
  listQuery?: Record<string, string>;
  footer?: string;
}
import { colors, column, linkButton, text } from '../../line/flex';
import type { CardLinks } from './case-card';
import { encodeStaffPostback } from './staff-postback';

const SHOWN = 10;

/** One message for many new grievances (the digest policy): a line and a "ดู" button per case. */
export function digestCard(cases: ListedCase[], links: CardLinks, now: number): LineMessage {
  return caseListCard(cases, links, now, { title: `สรุปเรื่องร้องทุกข์ใหม่ ${cases.length} เรื่อง` });
}

/** One message listing cases (digests, overdue reminders): a line and a "ดู" button per case. */
export function caseListCard<C extends ListedCase>(
  cases: C[],
  links: CardLinks,
  now: number,
  options: ListCardOptions<C>,
): LineMessage {
  const detail = options.detail ?? ((c: C) => `${c.categoryName} · ${c.unitName ?? 'ยังไม่ระบุหน่วยงาน'}`);
  const rows: messagingApi.FlexComponent[] = cases.slice(0, SHOWN).map((c) => ({
    type: 'box',
    layout: 'horizontal',
    spacing: 'sm',
    alignItems: 'center',
    contents: [
      column(
        [
          text(c.code, { weight: 'bold', color: colors.accent }),
          text(detail(c), { size: 'xs', color: colors.label }),
        ],
        { flex: 4, spacing: 'none' },
      ),
      {
        type: 'button',
        style: 'secondary',
        height: 'sm',
        flex: 2,
        action: {
          type: 'postback',
          label: 'ดู',
          data: encodeStaffPostback('view', c.id, c.version),
          displayText: `ดูเรื่อง ${c.code}`,
        },
      },
    ],
  }));
  if (cases.length > SHOWN) rows.push(text(`และอีก ${cases.length - SHOWN} เรื่อง`, { color: colors.label }));
  const list = liffUrl(
    links.env,
    links.liff,
    liffPath(['o', links.orgSlug, 'staff', 'cases'], options.listQuery ?? {}),
  );
  const title = options.title;
  return {
    type: 'flex',
    altText: title,
    contents: {
      type: 'bubble',
      header: column(
        [text(title, { weight: 'bold' }), text(formatThaiDay(now), { size: 'xs', color: colors.label })],
        {
          backgroundColor: colors.header,
          paddingAll: '12px',
        },
      ),
      body: column(rows, { paddingAll: '12px', spacing: 'md' }),
      footer: column([linkButton(options.footer ?? 'ดูรายการทั้งหมด', list)], { paddingAll: '12px' }),
    },
  };
}
