import { trackNames } from '../../../schema/contracts/complaint';
import { chip, type QuickItem } from './buttons';
import { trackArg } from './postback-data';
import type { StepView } from './step-view';

/** What the offer has received so far, in a short line ("ข้อความ · รูปภาพ/ไฟล์ 2 ไฟล์ · ตำแหน่ง"). */
function receivedLine(view: StepView): string | null {
  const { data } = view.draft;
  const parts = [
    data.description ? 'ข้อความ' : null,
    view.attachments > 0 ? `รูปภาพ/ไฟล์ ${view.attachments} ไฟล์` : null,
    data.place ? 'ตำแหน่ง' : null,
  ].filter(Boolean);
  return parts.length > 0 ? `ได้รับแล้ว: ${parts.join(' · ')}` : null;
}

/**
 * "ต้องการแจ้งเรื่องนี้กับ<org>ไหม": asked when someone outside any conversation sends what reads like
 * a report (their words, a photo, a file, a location). With a suggestion (track, category) the
 * person confirms it or picks another; without one they tell more or pick a track. Nothing is filed
 * here, and a corruption suggestion is only ever a suggestion.
 */
export function offerQuestion(view: StepView): { body: string; chips: QuickItem[] } {
  const { draft, orgName } = view;
  const suggested = draft.data.suggested;
  const no = chip(draft, 'ไม่แจ้ง', 'cancel', 'y');
  const head = [`ต้องการแจ้งเรื่องนี้กับ${orgName}ไหม`, receivedLine(view)];
  const more = 'ส่งรูปภาพ ไฟล์ หรือตำแหน่งเพิ่มได้ตลอด ระบบยังไม่ส่งเรื่องจนกว่าท่านจะยืนยัน';
  if (!suggested?.track) {
    return {
      body: [...head, 'กรุณาเล่าสั้น ๆ ว่าเกิดอะไรขึ้น หรือเลือกประเภทเรื่องจากปุ่มด้านล่าง', more]
        .filter(Boolean)
        .join('\n'),
      chips: [
        chip(draft, trackNames.grievance.short, 'track', trackArg.grievance),
        chip(draft, 'แจ้งเบาะแสทุจริต', 'track', trackArg.corruption),
        no,
      ],
    };
  }
  const category = view.categories.find((c) => c.code === suggested.categoryCode)?.name;
  const corruption = suggested.track === 'corruption';
  return {
    body: [
      ...head,
      `ประเภท: ${trackNames[suggested.track].full}${category ? `\nหมวด: ${category}` : ''}`,
      corruption ? 'ข้อความนี้อาจเกี่ยวกับการทุจริต จึงแนะนำช่องทางแจ้งเบาะแสที่ปกป้องผู้แจ้ง ท่านเลือกไม่เปิดเผยตัวตนได้' : null,
      more,
    ]
      .filter(Boolean)
      .join('\n'),
    chips: [chip(draft, 'แจ้งเรื่องนี้', 'offer', 'y'), chip(draft, 'เลือกประเภทอื่น', 'offer', 'other'), no],
  };
}
