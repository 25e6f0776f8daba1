import { complaintLimits, type ComplaintTrack, trackNames } from '../../../schema/contracts/complaint';
import type { Step } from '../../complaints/flow-steps';
import type { LineMessage } from '../../line/gateway';
import { entryPoints } from '../messages/welcome';
import { chip, type DraftRef, pickers, tailChips } from './buttons';
import { trackArg } from './postback-data';
import { stepTitles } from './step-view';

const menu = () => ({
  items: Object.values(entryPoints).map((label) => ({
    type: 'action' as const,
    action: { type: 'message' as const, label, text: label },
  })),
});

/** Asked after a long silence, or when a new complaint is started over an unfinished one. */
export function resumeQuestion(
  draft: DraftRef & { step: Step; track?: ComplaintTrack },
  restartTrack?: ComplaintTrack,
): LineMessage {
  const about = draft.track ? `เรื่อง${trackNames[draft.track].short} ` : '';
  return {
    type: 'text',
    text: `มีเรื่องที่ยังไม่เสร็จ ต้องการทำต่อหรือเริ่มใหม่?\n(${about}ค้างอยู่ที่ขั้นตอน "${stepTitles[draft.step]}")`,
    quickReply: {
      items: [
        chip(draft, 'ทำต่อ', 'resume'),
        chip(draft, 'เริ่มใหม่', 'restart', restartTrack ? trackArg[restartTrack] : ''),
        chip(draft, 'ยกเลิก', 'cancel'),
      ],
    },
  };
}

/** After "ยกเลิก": the draft is deleted only when the person confirms. */
export function cancelQuestion(draft: DraftRef): LineMessage {
  return {
    type: 'text',
    text: 'ต้องการยกเลิกเรื่องนี้ใช่ไหม\nข้อมูลที่กรอกไว้และไฟล์ที่แนบจะถูกลบทั้งหมด',
    quickReply: { items: [chip(draft, 'ยืนยันยกเลิก', 'cancel', 'y'), chip(draft, 'ทำต่อ', 'resume')] },
  };
}

/** After "ยกเลิก": the draft and its files are gone; the main menu comes back. */
export function cancelledMessage(): LineMessage {
  return {
    type: 'text',
    text: 'ยกเลิกเรื่องเรียบร้อยแล้ว ข้อมูลที่กรอกไว้และไฟล์ที่แนบถูกลบแล้ว\nหากต้องการแจ้งเรื่องใหม่ เลือกจากเมนูด้านล่างได้เลย',
    quickReply: menu(),
  };
}

/** A button of a draft that no longer exists (cancelled or expired). */
export function goneMessage(): LineMessage {
  return {
    type: 'text',
    text: 'เรื่องนี้ถูกยกเลิกหรือหมดอายุแล้ว หากต้องการแจ้งเรื่องใหม่ เลือกจากเมนูด้านล่างได้เลย',
    quickReply: menu(),
  };
}

/** A short answer to each photo or file at the evidence step, with the evidence chips. */
export function evidenceReply(draft: DraftRef, line: string, count: number): LineMessage {
  const more =
    count >= complaintLimits.attachmentsMax
      ? 'แนบครบจำนวนแล้ว กด "เสร็จแล้ว" เพื่อไปขั้นตอนถัดไป'
      : 'ส่งเพิ่มได้ หรือกด "เสร็จแล้ว" เมื่อส่งครบ';
  return {
    type: 'text',
    text: `${line}\n(แนบแล้ว ${count} จาก ${complaintLimits.attachmentsMax} ไฟล์) ${more}`,
    quickReply: {
      items: [
        pickers.camera(),
        pickers.cameraRoll(),
        chip(draft, count > 0 ? 'เสร็จแล้ว' : 'ไม่มีหลักฐาน', 'done'),
        ...tailChips(draft),
      ],
    },
  };
}
