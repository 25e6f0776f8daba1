import { mapUrl } from '../../../lib/map-link';
import { reporterLabel } from '../../../lib/texts/reporter-label';
import type { messagingApi } from '@line/bot-sdk';
import { involvedRoleNames, trackNames } from '../../../schema/contracts/complaint';
import { finalStatuses, outcomeNames, statusNames } from '../../../schema/contracts/staff';
import { formatThaiDate, formatThaiDay } from '../../../lib/thai-date';
import type { Env } from '../../env';
import type { LineMessage } from '../../line/gateway';
import { liffPath, liffUrl } from '../../line/liff-url';
import type { CaseRecord } from '../cases-data';
import { involvementWarning } from '../../../lib/texts/involvement-warning';
import { escalationBarred } from '../involvement-policy';
import { colors, column, linkButton, row, text } from '../../line/flex';
import { fitLabel } from './label';
import { encodeStaffPostback, type StaffButton } from './staff-postback';
import type { LiffApp } from '../../../schema/contracts/liff-app';

/** Where the card's "details" button leads: the staff LIFF page of the case. */
export interface CardLinks {
  env: Pick<Env, 'APP_ORIGIN' | 'LIFF_URL_MODE'>;
  orgSlug: string;
  liff: LiffApp | null;
}

const DESCRIPTION_MAX = 400;

function button(c: CaseRecord, action: StaffButton, label: string, primary = false): messagingApi.FlexButton {
  return {
    type: 'button',
    style: primary ? 'primary' : 'secondary',
    ...(primary ? { color: colors.accent } : {}),
    height: 'sm',
    action: {
      type: 'postback',
      label,
      data: encodeStaffPostback(action, c.id, c.version),
      displayText: label,
    },
  };
}

/** Whose buttons a card carries: the handlers' actions, or an executive's instruction. */
export type CardViewer = 'handler' | 'executive';

/** The buttons a case's status offers (the server re-checks role, state and version on every press). */
function actionButtons(c: CaseRecord, viewer: CardViewer): messagingApi.FlexButton[] {
  if (viewer === 'executive') {
    return finalStatuses.includes(c.status) ? [] : [button(c, 'ins', 'สั่งการผู้รับผิดชอบ', true)];
  }
  if (finalStatuses.includes(c.status)) return [button(c, 'reo', 'เปิดเรื่องใหม่')];
  // A conflict of interest on a tip: the officer steps aside from the card (recusal.ts).
  const recuse = c.track === 'corruption' ? [button(c, 'rec', 'ถอนตัว (มีส่วนได้เสีย)')] : [];
  if (c.status === 'received') {
    return [
      button(c, 'acc', 'รับเรื่อง', true),
      button(c, 'asg', 'มอบหมาย'),
      button(c, 'cls', 'ปิดเรื่อง'),
      ...recuse,
    ];
  }
  const out = [button(c, 'upd', 'แจ้งความคืบหน้า', true)];
  if (c.status === 'accepted' || c.status === 'in_progress') {
    out.push(button(c, 'ask', 'ขอข้อมูลเพิ่ม'), button(c, 'fwd', 'ส่งต่อหน่วยงานภายนอก'));
  }
  out.push(button(c, 'asg', 'มอบหมาย'));
  // A tip about the executive or the clerk is never put to the executives (involvement-policy.ts).
  if (!escalationBarred(c.involvement)) out.push(button(c, 'esc', 'เสนอผู้บริหาร'));
  out.push(button(c, 'cls', 'ปิดเรื่อง'), ...recuse);
  return out;
}

// "เจ้าหน้าที่ในกอง/ฝ่าย (กองช่าง)": the role, and the unit when one is named.
const involvedLabel = (c: CaseRecord) =>
  `${involvedRoleNames[c.involvedRole!]}${c.involvedUnitName ? ` (${c.involvedUnitName})` : ''}`;

/** A short one-line description of a case for lists and alt texts. */
export const caseLine = (c: Pick<CaseRecord, 'code' | 'categoryName'>) => `${c.code} ${c.categoryName}`;

/**
 * The staff card of a case: what was reported (never who), where it stands, and its action buttons.
 * Sent to the staff desk, to officers 1:1 and as the answer to every staff action.
 */
export function caseCard(
  c: CaseRecord,
  links: CardLinks,
  title?: string,
  viewer: CardViewer = 'handler',
): LineMessage {
  const description =
    c.description.length > DESCRIPTION_MAX ? `${c.description.slice(0, DESCRIPTION_MAX)}…` : c.description;
  const place = c.placeText ?? c.placeAddress ?? (c.latitude !== null ? 'มีพิกัดแผนที่' : null);
  const occurred = c.occurredOn ? formatThaiDate(c.occurredOn) : c.occurredText;
  const heading = title ?? (c.track === 'corruption' ? 'เรื่องร้องเรียนการทุจริต' : 'เรื่องร้องทุกข์');
  const body: messagingApi.FlexComponent[] = [
    text(c.code, { size: 'xl', weight: 'bold', color: colors.accent }),
    row('ประเภท', trackNames[c.track].short),
    row('หมวด', c.categoryName),
    row('รับเรื่อง', formatThaiDay(c.createdAt)),
    row('สถานะ', statusNames[c.status]),
    row('หน่วยงาน', c.unitName ?? 'ยังไม่ระบุ'),
    row('ผู้รับผิดชอบ', c.assigneeName ?? 'ยังไม่มี'),
    // Until someone accepts or assigns it, the nearer deadlines are the ones that matter.
    ...(c.status === 'received' && c.unitId === null && c.forwardDueOn
      ? [row('ส่งต่อภายใน', formatThaiDate(c.forwardDueOn))]
      : []),
    ...(c.status === 'received' ? [row('ตอบรับภายใน', formatThaiDate(c.acknowledgeDueOn))] : []),
    row('แจ้งผลภายใน', formatThaiDate(c.resultDueOn)),
    { type: 'separator', margin: 'md' },
    text(description),
  ];
  if (place) body.push(row('สถานที่', place));
  // A pinned location opens in the map app (staff go there).
  if (c.latitude !== null && c.longitude !== null)
    body.push(
      text('เปิดแผนที่ตำแหน่งที่แจ้ง', {
        color: colors.accent,
        align: 'end',
        decoration: 'underline',
        action: { type: 'uri', label: 'เปิดแผนที่', uri: mapUrl(c.latitude, c.longitude) },
      }),
    );
  if (occurred) body.push(row('เมื่อ', occurred));
  if (c.involvedRole) body.push(row('ผู้ถูกร้อง', involvedLabel(c)));
  if (c.involved) body.push(row('ผู้เกี่ยวข้อง', c.involved));
  const warning = involvementWarning(c.involvedRole, c.involvedUnitName);
  if (warning) body.push(text(warning, { weight: 'bold', margin: 'md' }));
  if (c.attachmentCount > 0) body.push(row('หลักฐาน', `${c.attachmentCount} ไฟล์`));
  body.push(row('ผู้แจ้ง', reporterLabel(c)));
  if (c.handling.outcome) body.push(row('ผล', outcomeNames[c.handling.outcome]));
  const details = liffUrl(links.env, links.liff, liffPath(['o', links.orgSlug, 'staff', 'cases', c.id]));
  const bubble: messagingApi.FlexBubble = {
    type: 'bubble',
    header: column([text(heading, { weight: 'bold', size: 'sm' })], {
      backgroundColor: colors.header,
      paddingAll: '12px',
    }),
    body: column(body, { paddingAll: '12px' }),
    footer: column([...actionButtons(c, viewer), linkButton('ดูรายละเอียด', details, false)], {
      paddingAll: '12px',
    }),
  };
  return { type: 'flex', altText: `${heading} ${caseLine(c)}`, contents: bubble };
}

/** Quick-reply chips (≤ 13) that post back a staff button each. */
export function choiceMessage(
  lead: string,
  c: Pick<CaseRecord, 'id' | 'version'>,
  choices: { action: StaffButton; arg: string; label: string }[],
): LineMessage {
  const items = [...choices.slice(0, 12), { action: 'cancel' as const, arg: '', label: 'ยกเลิก' }].map(
    (ch) => ({
      type: 'action' as const,
      action: {
        type: 'postback' as const,
        label: fitLabel(ch.label),
        data: encodeStaffPostback(ch.action, c.id, c.version, ch.arg),
        displayText: ch.label,
      },
    }),
  );
  return { type: 'text', text: lead, quickReply: { items } };
}
