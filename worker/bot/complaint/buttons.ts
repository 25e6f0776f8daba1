import type { messagingApi } from '@line/bot-sdk';
import { encodePostback, type PostbackAction } from './postback-data';

export type QuickItem = messagingApi.QuickReplyItem;

/** The draft a button acts on: its id and the version the button was made for. */
export interface DraftRef {
  id: string;
  version: number;
}

/** A postback chip; LINE shows the label as what the person "said". Labels ≤ 20 characters. */
export function chip(draft: DraftRef, label: string, action: PostbackAction, arg = ''): QuickItem {
  return {
    type: 'action',
    action: {
      type: 'postback',
      label,
      data: encodePostback(action, draft.id, draft.version, arg),
      displayText: label,
    },
  };
}

/** The chips every step ends with: keep the earlier answer (when there is one), go back, cancel. */
export function tailChips(draft: DraftRef, options: { keep?: boolean; back?: boolean } = {}): QuickItem[] {
  return [
    ...(options.keep ? [chip(draft, 'คงเดิม', 'keep')] : []),
    ...(options.back === false ? [] : [chip(draft, 'แก้ไข', 'back')]),
    chip(draft, 'ยกเลิก', 'cancel'),
  ];
}

/** LINE's own pickers as chips. */
export const pickers = {
  location: (): QuickItem => ({ type: 'action', action: { type: 'location', label: 'ส่งตำแหน่ง' } }),
  camera: (): QuickItem => ({ type: 'action', action: { type: 'camera', label: 'ถ่ายรูป' } }),
  cameraRoll: (): QuickItem => ({ type: 'action', action: { type: 'cameraRoll', label: 'เลือกรูป' } }),
  date: (draft: DraftRef, max: string): QuickItem => ({
    type: 'action',
    action: {
      type: 'datetimepicker',
      label: 'เลือกวันที่',
      data: encodePostback('date', draft.id, draft.version),
      mode: 'date',
      max,
    },
  }),
};

/** A Flex footer button that posts back (the summary's confirm / edit / cancel). */
export function postbackButton(
  draft: DraftRef,
  label: string,
  action: PostbackAction,
  style: 'primary' | 'secondary' | 'link',
  arg = '',
): messagingApi.FlexButton {
  return {
    type: 'button',
    style,
    height: 'sm',
    ...(style === 'primary' ? { color: '#06C755' } : {}),
    action: {
      type: 'postback',
      label,
      data: encodePostback(action, draft.id, draft.version, arg),
      displayText: label,
    },
  };
}
