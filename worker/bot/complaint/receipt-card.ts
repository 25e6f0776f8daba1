import type { messagingApi } from '@line/bot-sdk';
import { trackNames } from '../../../schema/contracts/complaint';
import { formatThaiDay } from '../../../lib/thai-date';
import { deadlineLines, pinAdvice, progressChannelLine } from '../../../lib/texts/receipt-lines';
import type { SubmitResult } from '../../complaints/submit';
import type { LineMessage } from '../../line/gateway';
import { colors, column, row, text } from '../../line/flex';
import { entryPoints } from '../messages/welcome';

/** The Flex receipt: tracking code, date (BE), track, category and the deadlines committed to. */
export function receiptCard(result: SubmitResult): LineMessage {
  const bubble: messagingApi.FlexBubble = {
    type: 'bubble',
    header: column([text('รับเรื่องเรียบร้อยแล้ว', { weight: 'bold', color: colors.text })], {
      backgroundColor: colors.header,
      paddingAll: '12px',
    }),
    body: column(
      [
        text('เลขรับเรื่อง', { size: 'xs', color: colors.label }),
        text(result.code, { size: 'xxl', weight: 'bold', color: colors.accent }),
        { type: 'separator', margin: 'md' },
        row('วันที่รับเรื่อง', formatThaiDay(result.createdAt)),
        row('ประเภท', trackNames[result.track].short),
        row('หมวด', result.categoryName),
        { type: 'separator', margin: 'md' },
        ...deadlineLines(result).map((line) => text(line)),
        text(progressChannelLine(result), { size: 'xs', color: colors.label }),
      ],
      { paddingAll: '12px' },
    ),
  };
  return { type: 'flex', altText: `รับเรื่องแล้ว เลขรับเรื่อง ${result.code}`, contents: bubble };
}

/** Receipt messages: the card, the one-time PIN (anonymous), a thank-you with the main menu. */
export function receiptMessages(result: SubmitResult, pin: string | undefined, lead?: string): LineMessage[] {
  const out: LineMessage[] = [];
  if (lead) out.push({ type: 'text', text: lead });
  out.push(receiptCard(result));
  if (pin) {
    out.push({
      type: 'text',
      text: [`รหัสลับ (PIN) ของเรื่อง ${result.code}`, pin, ...pinAdvice].join('\n'),
    });
  }
  out.push({
    type: 'text',
    text: `ขอบคุณที่แจ้งเรื่อง ติดตามความคืบหน้าได้ด้วยเลขรับเรื่อง ${result.code}`,
    quickReply: {
      items: Object.values(entryPoints).map((label) => ({
        type: 'action',
        action: { type: 'message', label, text: label },
      })),
    },
  });
  return out;
}
