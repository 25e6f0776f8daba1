import type { DimensionSummary, PlanSummary } from '../../../schema/contracts/plan-api';
import { formatBaht, kindBreakdown, yearSpan } from '../../../lib/thai-format';
import type { LineMessage } from '../../line/gateway';
import { card, linkButton, row, text } from '../../line/flex';

/** LINE shows at most 12 bubbles in a carousel: one overview, then up to 11 dimensions. */
const MAX_DIMENSIONS = 11;

export interface PlanCarouselInput {
  orgName: string;
  summary: Pick<PlanSummary, 'plan' | 'dimensions' | 'totals'>;
  /** The fiscal year containing today, and the year whose budget is shown (the nearest the plan has). */
  currentYear: number;
  shownYear: number;
  overviewUrl: string;
  dimensionUrl: (dimension: number) => string;
  searchHint: LineMessage['quickReply'];
}

function dimensionBubble(dimension: DimensionSummary, year: number, url: string) {
  return card({
    header: `มิติที่ ${dimension.number}`,
    body: [
      text(dimension.name, { weight: 'bold', size: 'md' }),
      row('จำนวน', kindBreakdown(dimension.kinds)),
      row(`งบประมาณปี ${year}`, formatBaht(dimension.budget[String(year)] ?? 0)),
    ],
    footer: [linkButton('ดูโครงการในมิตินี้', url)],
  });
}

/**
 * The answer to "แผนป้องกันการทุจริต": one bubble for the plan as a whole and one per dimension with its
 * project count and this fiscal year's budget, each opening the LIFF app there. When the plan does not
 * cover this fiscal year, a short notice first says which year is shown instead.
 */
export function planCarouselMessages(input: PlanCarouselInput): LineMessage[] {
  const { plan, dimensions, totals } = input.summary;
  const span = yearSpan(plan.firstYear, plan.lastYear);
  const year = input.shownYear;
  const overview = card({
    header: `แผนป้องกันการทุจริต ปีงบประมาณ ${span}`,
    body: [
      text(input.orgName, { weight: 'bold', size: 'md' }),
      row('จำนวนมิติ', `${dimensions.length} มิติ`),
      row('ทั้งหมด', kindBreakdown(totals.kinds)),
      row(`งบประมาณปี ${year}`, formatBaht(totals.budget[String(year)] ?? 0)),
      row('งบประมาณทั้งแผน', formatBaht(totals.budgetTotal)),
    ],
    footer: [linkButton('ดูภาพรวมแผน', input.overviewUrl)],
  });
  const bubbles = [
    overview,
    ...dimensions.slice(0, MAX_DIMENSIONS).map((d) => dimensionBubble(d, year, input.dimensionUrl(d.number))),
  ];
  const messages: LineMessage[] = [];
  if (input.shownYear !== input.currentYear) {
    messages.push({
      type: 'text',
      text:
        `แผนป้องกันการทุจริตของ${input.orgName}ที่มีในระบบครอบคลุมปีงบประมาณ ${span} ` +
        `ยังไม่มีแผนสำหรับปีงบประมาณ ${input.currentYear} จึงแสดงงบประมาณปี ${year} ซึ่งเป็นปีที่ใกล้ที่สุดแทน`,
    });
  }
  messages.push({
    type: 'flex',
    altText: `แผนป้องกันการทุจริตของ${input.orgName} ปีงบประมาณ ${span}: ${dimensions.length} มิติ ${totals.projects} รายการ`,
    contents: { type: 'carousel', contents: bubbles },
    ...(input.searchHint ? { quickReply: input.searchHint } : {}),
  });
  return messages;
}

/** Said when the organisation has published no plan in the system yet. */
export function noPlanMessage(orgName: string): LineMessage {
  return {
    type: 'text',
    text: `ขณะนี้${orgName}ยังไม่ได้เผยแพร่แผนป้องกันการทุจริตในระบบนี้ ขออภัยในความไม่สะดวก`,
  };
}
