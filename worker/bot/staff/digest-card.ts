import type { messagingApi } from '@line/bot-sdk';
import { formatThaiDay } from '../../../schema/thai-date';
import type { LineMessage } from '../../line/gateway';
import { liffPath, liffUrl } from '../../line/liff-url';
import type { CaseRecord } from '../../staff/cases-data';
import { colors, column, linkButton, text } from '../messages/flex';
import type { CardLinks } from './case-card';
import { encodeStaffPostback } from './postback-data';

const SHOWN = 10;

/** One message for many new grievances (the digest policy): a line and a "ดู" button per case. */
export function digestCard(cases: CaseRecord[], links: CardLinks, now: number): LineMessage {
  const rows: messagingApi.FlexComponent[] = cases.slice(0, SHOWN).map((c) => ({
    type: 'box',
    layout: 'horizontal',
    spacing: 'sm',
    alignItems: 'center',
    contents: [
      column(
        [
          text(c.code, { weight: 'bold', color: colors.accent }),
          text(`${c.categoryName} · ${c.unitName ?? 'ยังไม่ระบุหน่วยงาน'}`, { size: 'xs', color: colors.label }),
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
  const list = liffUrl(links.env, links.liffId, liffPath(['o', links.orgSlug, 'staff', 'cases']));
  const title = `สรุปเรื่องร้องทุกข์ใหม่ ${cases.length} เรื่อง`;
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
      footer: column([linkButton('ดูรายการทั้งหมด', list)], { paddingAll: '12px' }),
    },
  };
}
