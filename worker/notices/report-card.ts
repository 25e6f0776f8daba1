import type { messagingApi } from '@line/bot-sdk';
import { trackNames } from '../../schema/contracts/complaint';
import {
  type CaseReport,
  onTimeRate,
  reportPeriodNames,
  SATISFACTION_TARGET,
  satisfactionRate,
} from '../../schema/contracts/staff-report';
import { formatThaiDate } from '../../lib/thai-date';
import { formatNumber } from '../../lib/thai-format';
import type { LineMessage } from '../line/gateway';
import { liffPath, liffUrl } from '../line/liff-url';
import { colors, column, linkButton, row, text } from '../line/flex';
import type { CardLinks } from '../cases/cards/case-card';

const n = (value: number) => `${formatNumber(value)} เรื่อง`;

/** The summary report as one Flex bubble (a reply when asked for; the monthly push to executives). */
export function reportCard(
  report: CaseReport,
  links: CardLinks,
  title = 'รายงานสรุปเรื่องร้องเรียน',
): LineMessage {
  const { period, received, closed, open } = report;
  const rate = onTimeRate(report);
  const satisfied = satisfactionRate(report);
  const body: messagingApi.FlexComponent[] = [
    text(
      `${reportPeriodNames[period.kind]} (${formatThaiDate(period.from)} – ${formatThaiDate(period.to)})`,
      {
        size: 'xs',
        color: colors.label,
      },
    ),
    row(`รับใหม่: ${trackNames.grievance.short}`, n(received.grievance)),
    row(`รับใหม่: ${trackNames.corruption.short}`, n(received.corruption)),
    row('ปิดเรื่อง', n(closed.total)),
    row('ปิดทันกำหนด', rate === null ? '-' : `${rate}%`),
    row(
      `พึงพอใจ (เป้าหมาย ${SATISFACTION_TARGET}%)`,
      satisfied === null ? '-' : `${satisfied}% จาก ${formatNumber(report.satisfaction.rated)} คน`,
    ),
    row('แจ้งว่ายังไม่ได้แก้ไข', n(report.satisfaction.notFixed)),
    { type: 'separator', margin: 'md' },
    row('ค้างดำเนินการ (ทั้งหมด)', n(open.total)),
    row('เกินกำหนดแจ้งผล', n(open.overdue)),
    row('ยังไม่รับเรื่องเกินกำหนด', n(open.unacknowledged)),
  ];
  const top = report.byCategory.slice(0, 3);
  if (top.length > 0) {
    body.push(
      { type: 'separator', margin: 'md' },
      text('เรื่องที่ร้องมากที่สุด', { size: 'xs', color: colors.label }),
      ...top.map((c) => row(c.name, n(c.count))),
    );
  }
  const late = report.byUnit.filter((u) => u.overdue > 0).slice(0, 3);
  if (late.length > 0) {
    body.push(
      text('หน่วยงานที่มีเรื่องเกินกำหนด', { size: 'xs', color: colors.label }),
      ...late.map((u) => row(u.name, n(u.overdue))),
    );
  }
  const full = liffUrl(
    links.env,
    links.liff,
    liffPath(['o', links.orgSlug, 'staff', 'report'], { period: period.kind }),
  );
  return {
    type: 'flex',
    altText: `${title} ${reportPeriodNames[period.kind]}`,
    contents: {
      type: 'bubble',
      header: column([text(title, { weight: 'bold' })], {
        backgroundColor: colors.header,
        paddingAll: '12px',
      }),
      body: column(body, { paddingAll: '12px' }),
      footer: column([linkButton('ดูรายงานฉบับเต็ม', full)], { paddingAll: '12px' }),
    },
  };
}
