import { formatBaht, kindName, yearSpan } from '../../../lib/thai-format';
import type { LineMessage } from '../../line/gateway';
import { nearestYear } from '../../../lib/fiscal-year';
import type { ProjectHit } from '../../plans/chat-data';
import { entryPoints } from './welcome';
import { card, linkButton, row, text } from '../../line/flex';

/** Room in one carousel (12 bubbles): ten results and a "see all" bubble. */
export const MAX_RESULTS = 10;

/** Quotes what someone typed back to them, cut short so a pasted essay does not fill the chat. */
export const quoteQuery = (query: string) => `“${query.length > 40 ? `${query.slice(0, 40)}…` : query}”`;

export interface ProjectResultsInput {
  orgName: string;
  query: string;
  hits: ProjectHit[];
  total: number;
  currentYear: number;
  /** Whether the organisation has more than one plan (then each bubble names its plan's years). */
  severalPlans: boolean;
  detailUrl: (hit: ProjectHit) => string;
  /** The LIFF list searching the same words, when more matched than fit. */
  allUrl: string | null;
}

function resultBubble(hit: ProjectHit, input: ProjectResultsInput) {
  const year = nearestYear(hit.fiscalYears, input.currentYear) ?? input.currentYear;
  const plan = input.severalPlans
    ? ` · แผน ${yearSpan(hit.fiscalYears[0]!, hit.fiscalYears[hit.fiscalYears.length - 1]!)}`
    : '';
  return card({
    header: `${kindName(hit.kind)}ที่ ${hit.ref}${plan}`,
    body: [
      text(hit.name, { weight: 'bold', size: 'md', maxLines: 5 }),
      row('มิติ / ภารกิจ', `มิติที่ ${hit.dimension} / ${hit.mission}`),
      row('ผู้รับผิดชอบ', hit.unit ?? 'ไม่ระบุ'),
      row(`งบประมาณปี ${year}`, formatBaht(hit.budget[String(year)] ?? 0)),
    ],
    footer: [linkButton('ดูรายละเอียด', input.detailUrl(hit))],
  });
}

/** The best-matching projects as a carousel, after one line saying how many matched. */
export function projectResultsMessages(input: ProjectResultsInput): LineMessage[] {
  const shown = input.hits.slice(0, MAX_RESULTS);
  const bubbles = shown.map((hit) => resultBubble(hit, input));
  if (input.total > shown.length && input.allUrl) {
    bubbles.push(
      card({
        header: 'ผลการค้นหาทั้งหมด',
        body: [text(`พบทั้งหมด ${input.total} รายการ ดูรายการทั้งหมดพร้อมตัวกรองได้ในหน้าแผน`)],
        footer: [linkButton('ดูทั้งหมด', input.allUrl)],
      }),
    );
  }
  const more = input.total > shown.length ? ` แสดง ${shown.length} รายการที่ตรงที่สุด` : '';
  return [
    { type: 'text', text: `พบ ${input.total} รายการที่ตรงกับ ${quoteQuery(input.query)}${more}` },
    {
      type: 'flex',
      altText: `ผลการค้นหาโครงการ ${quoteQuery(input.query)}: พบ ${input.total} รายการ`,
      contents: { type: 'carousel', contents: bubbles },
    },
  ];
}

/** Quick replies that search example words known to find something, and (optionally) the plan itself. */
export function suggestionReplies(
  keywords: string[],
  withPlan = true,
): NonNullable<LineMessage['quickReply']> {
  const items: NonNullable<LineMessage['quickReply']>['items'] = keywords.map((keyword) => ({
    type: 'action',
    action: { type: 'message', label: keyword, text: `โครงการ ${keyword}` },
  }));
  if (withPlan)
    items.push({
      type: 'action',
      action: { type: 'message', label: entryPoints.plan, text: entryPoints.plan },
    });
  return { items };
}

/** Nothing matched: say so kindly and offer words that do find projects. */
export function notFoundMessage(orgName: string, query: string, keywords: string[]): LineMessage {
  return {
    type: 'text',
    text: [
      `ไม่พบโครงการที่ตรงกับ ${quoteQuery(query)} ในแผนป้องกันการทุจริตของ${orgName}`,
      keywords.length > 0
        ? 'ลองใช้คำที่สั้นลงหรือคำอื่น หรือแตะคำค้นตัวอย่างด้านล่างได้เลย'
        : 'ลองใช้คำที่สั้นลงหรือคำอื่น หรือดูโครงการทั้งหมดจากแผนป้องกันการทุจริต',
    ].join('\n'),
    quickReply: suggestionReplies(keywords),
  };
}

/** "โครงการ" alone: explain how to search. */
export function searchHelpMessage(keywords: string[]): LineMessage {
  return {
    type: 'text',
    text: [
      'พิมพ์ “โครงการ” ตามด้วยคำที่ต้องการค้นหา เช่น “โครงการ คุณธรรม”',
      'ระบบจะแสดงโครงการ กิจกรรม และมาตรการในแผนป้องกันการทุจริตที่ตรงกับคำค้น',
    ].join('\n'),
    quickReply: suggestionReplies(keywords),
  };
}
