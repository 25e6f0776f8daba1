import type { messagingApi } from '@line/bot-sdk';
import { trackNames } from '../../../schema/contracts/complaint';
import type { LineMessage } from '../../line/gateway';
import { colors, column, text } from '../../line/flex';
import { postbackButton } from './buttons';
import { encodePostback } from './postback-data';
import { answerText, type StepView } from './step-view';

function field(label: string, value: string): messagingApi.FlexBox {
  return column([text(label, { size: 'xs', color: colors.label }), text(value)], { spacing: 'none' });
}

/** The summary before filing: every answer, and confirm / edit / cancel buttons. */
export function summaryCard(view: StepView): LineMessage {
  const { draft, categories } = view;
  const data = draft.data;
  const track = data.track ?? 'grievance';
  const answer = (step: Parameters<typeof answerText>[0]) =>
    answerText(step, data, categories, view.units) ?? '-';
  const identity =
    data.identity === 'anonymous'
      ? data.silent
        ? 'ไม่เปิดเผยตัวตน ไม่รับแจ้งทาง LINE (ติดตามด้วยเลขรับเรื่องและ PIN เท่านั้น)'
        : 'ไม่เปิดเผยตัวตน (ไม่เก็บชื่อและเบอร์โทร)'
      : data.identity === 'confidential'
        ? `แจ้งชื่อแบบลับ: ${view.identity?.name ?? ''} โทร ${view.identity?.phone ?? ''}`
        : view.identity?.phone
          ? `บัญชี LINE นี้ และโทร ${view.identity.phone}`
          : 'บัญชี LINE นี้';
  const fields = [
    field('ประเภท', trackNames[track].full),
    ...(data.relatedCode ? [field('เกี่ยวข้องกับเรื่อง', `${data.relatedCode} (ผู้แจ้งถูกกลั่นแกล้ง)`)] : []),
    field('หมวด', answer('category')),
    field('รายละเอียด', data.description ?? '-'),
    field('สถานที่', answer('place')),
    field('วันเวลา', answer('when')),
    field('หลักฐาน', view.attachments > 0 ? `${view.attachments} ไฟล์` : 'ไม่มี'),
    ...(track === 'corruption' ? [field('ผู้ถูกร้องเรียน', answer('involved'))] : []),
    field('การติดต่อกลับ', identity),
  ];
  const bubble: messagingApi.FlexBubble = {
    type: 'bubble',
    header: column([text('ตรวจสอบข้อมูลก่อนส่งเรื่อง', { weight: 'bold', color: colors.text })], {
      backgroundColor: colors.header,
      paddingAll: '12px',
    }),
    body: column(fields, { paddingAll: '12px', spacing: 'md' }),
    footer: column(
      [
        postbackButton(draft, 'ยืนยันส่งเรื่อง', 'confirm', 'primary'),
        ...optionalButtons(view),
        postbackButton(draft, 'แก้ไขข้อมูล', 'back', 'secondary'),
        postbackButton(draft, 'ยกเลิก', 'cancel', 'link'),
      ],
      { paddingAll: '12px' },
    ),
  };
  return { type: 'flex', altText: 'สรุปเรื่องก่อนส่ง กรุณาตรวจสอบและกดยืนยัน', contents: bubble };
}

// The optional answers are offered here rather than asked one by one on the way: a date picker, and
// on a grievance a call-back phone (a confidential tip asks for it on the way).
function optionalButtons(view: StepView): messagingApi.FlexButton[] {
  const { draft, today } = view;
  const out: messagingApi.FlexButton[] = [];
  if (draft.data.occurred === undefined)
    out.push({
      type: 'button',
      style: 'secondary',
      height: 'sm',
      action: {
        type: 'datetimepicker',
        label: 'ระบุวันที่เกิดเหตุ',
        data: encodePostback('date', draft.id, draft.version),
        mode: 'date',
        max: today,
      },
    });
  if (draft.data.track !== 'corruption' && draft.data.phoneGiven === undefined)
    out.push(postbackButton(draft, 'ขอให้โทรกลับ', 'edit', 'secondary', 'phone'));
  return out;
}
