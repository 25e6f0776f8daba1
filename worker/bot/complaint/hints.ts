import { complaintLimits } from '../../../schema/contracts/complaint';
import type { Hint } from '../../complaints/flow-types';
import type { Step } from '../../complaints/flow-steps';

// Shared with the LIFF form; re-exported so the chat keeps one place for its Thai lines.
export { refusalText } from '../../../lib/texts/evidence-refusals';

const n = (value: number) => value.toLocaleString('en-US');

/** One short Thai line for an input the current step cannot take; the step's question follows it. */
export function hintText(hint: Hint | 'stale_button' | 'video' | 'audio', step: Step): string {
  switch (hint) {
    case 'first_step':
      return 'นี่คือขั้นตอนแรกแล้ว';
    case 'choose_track':
      return 'กรุณาเลือกประเภทเรื่องจากปุ่มด้านล่าง';
    case 'choose_category':
      return 'กรุณาเลือกหมวดของเรื่องจากปุ่มด้านล่าง';
    case 'description_short':
      return `รายละเอียดสั้นเกินไป กรุณาเล่าอย่างน้อย ${complaintLimits.descriptionMin} ตัวอักษร`;
    case 'description_long':
      return `รายละเอียดยาวเกิน ${n(complaintLimits.descriptionMax)} ตัวอักษร กรุณาสรุปให้สั้นลง`;
    case 'text_too_long': {
      const max =
        step === 'place'
          ? complaintLimits.placeMax
          : step === 'when'
            ? complaintLimits.occurredMax
            : complaintLimits.involvedMax;
      return `ข้อความยาวเกิน ${n(max)} ตัวอักษร กรุณาพิมพ์ให้สั้นลง`;
    }
    case 'date_invalid':
      return 'วันที่ไม่ถูกต้อง (เลือกวันที่ล่วงหน้าไม่ได้)';
    case 'evidence_expected':
      return 'ขั้นตอนนี้รับรูปภาพหรือไฟล์ หากไม่มีหรือส่งครบแล้ว กรุณากด "เสร็จแล้ว"';
    case 'media_not_here':
      return 'ยังไม่ถึงขั้นตอนแนบหลักฐาน กรุณาส่งรูปหรือไฟล์อีกครั้งเมื่อถึงขั้นตอนนั้น';
    case 'choose_identity':
      return 'กรุณาเลือกการเปิดเผยตัวตนจากปุ่มด้านล่าง';
    case 'name_invalid':
      return `กรุณาพิมพ์ชื่อ-นามสกุล (${complaintLimits.nameMin}–${complaintLimits.nameMax} ตัวอักษร)`;
    case 'phone_invalid':
      return 'เบอร์โทรศัพท์ไม่ถูกต้อง กรุณาพิมพ์เป็นตัวเลข เช่น 0812345678';
    case 'phone_required':
      return 'การแจ้งชื่อแบบลับต้องมีเบอร์โทรศัพท์ เพื่อให้เจ้าหน้าที่ติดต่อกลับได้';
    case 'consent_declined':
      return 'ขออภัย ระบบจะส่งเรื่องได้เมื่อท่านยินยอมเท่านั้น หากไม่ประสงค์ส่งเรื่อง กด "ยกเลิก" ได้ หรือติดต่อหน่วยงานด้วยตนเอง';
    case 'consent_expected':
      return 'กรุณากด "ยินยอม" หรือ "ไม่ยินยอม"';
    case 'confirm_or_edit':
      return 'กรุณาตรวจสอบข้อมูล แล้วกด "ยืนยันส่งเรื่อง" หรือ "แก้ไขข้อมูล"';
    case 'choose_field':
      return 'กรุณาเลือกส่วนที่ต้องการแก้ไขจากปุ่มด้านล่าง';
    case 'unsupported':
      return 'ขออภัย ระบบรับเฉพาะข้อความ ตำแหน่งที่ตั้ง รูปภาพ และไฟล์ PDF';
    case 'video':
    case 'audio':
      return 'ขออภัย ระบบยังไม่รับวิดีโอและไฟล์เสียง กรุณาส่งเป็นรูปภาพหรือไฟล์ PDF';
    case 'nothing_to_keep':
      return 'ขั้นตอนนี้ยังไม่มีข้อมูลเดิม';
    case 'cannot_skip':
      return 'ขั้นตอนนี้ข้ามไม่ได้';
    case 'text_expected':
      return 'กรุณาพิมพ์เป็นข้อความ';
    case 'choose_unit':
      return 'กรุณาเลือกกอง/ฝ่ายจากปุ่มด้านล่าง หรือกด "ไม่ทราบ"';
    case 'stale_button':
      return 'ปุ่มนี้ใช้ไม่ได้แล้ว ขอแสดงขั้นตอนปัจจุบันอีกครั้ง';
  }
}
