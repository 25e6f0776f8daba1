import { formatThaiDate } from '../../../lib/thai-date';
import { involvedRoleNames } from '../../../schema/contracts/complaint';
import type { Category } from '../../complaints/categories-data';
import type { DraftData, Step } from '../../complaints/flow-steps';
import type { DraftRef } from './buttons';

/** What a step's question needs to know about the draft. */
export interface StepView {
  orgName: string;
  draft: DraftRef & { step: Step; data: DraftData };
  /** Categories of the draft's track. */
  categories: Category[];
  /** The organisation's units, when the involved step or the summary needs their names. */
  units: { id: number; name: string }[];
  attachments: number;
  /** Today in Thailand, "YYYY-MM-DD". */
  today: string;
  /** Opened identity values: only the summary shows them, to the reporter alone. */
  identity?: { name?: string; phone?: string };
  /** The summary's privacy notice: how long the organisation keeps a finished case's personal data. */
  retentionDays?: number;
}

export const stepTitles: Record<Step, string> = {
  offer: 'แจ้งเรื่อง',
  track: 'ประเภทเรื่อง',
  category: 'หมวดของเรื่อง',
  description: 'รายละเอียด',
  place: 'สถานที่',
  when: 'วันเวลา',
  evidence: 'หลักฐาน',
  involved: 'ผู้ถูกร้องเรียน',
  identity: 'การเปิดเผยตัวตน',
  name: 'ชื่อ',
  phone: 'เบอร์โทร',
  consent: 'ความยินยอม',
  summary: 'สรุป',
  edit: 'แก้ไข',
};

const shorten = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The earlier answer of a step, as the person gave it, for "keep it or type a new one". */
export function answerText(
  step: Step,
  data: DraftData,
  categories: Category[],
  units: { id: number; name: string }[] = [],
): string | null {
  switch (step) {
    case 'category':
      return categories.find((c) => c.code === data.categoryCode)?.name ?? null;
    case 'description':
      return data.description ? shorten(data.description) : null;
    case 'place':
      if (data.place === null) return 'ไม่ระบุ';
      if (!data.place) return null;
      return [data.place.text, data.place.address].filter(Boolean).join(' ') || 'ตำแหน่งที่ปักหมุดไว้';
    case 'when':
      if (data.occurred === null) return 'ไม่ระบุ';
      if (!data.occurred) return null;
      return data.occurred.date ? formatThaiDate(data.occurred.date) : (data.occurred.text ?? null);
    case 'involved': {
      const unit = units.find((u) => u.id === data.involvedUnitId)?.name;
      const role = data.involvedRole
        ? `${involvedRoleNames[data.involvedRole]}${unit ? ` (${unit})` : ''}`
        : null;
      const named =
        data.involved === null ? (role ? null : 'ไม่ทราบ') : data.involved ? shorten(data.involved) : null;
      return [role, named].filter(Boolean).join(': ') || null;
    }
    case 'identity':
      return data.identity === 'anonymous'
        ? data.silent
          ? 'ไม่เปิดเผยตัวตน ไม่รับแจ้งทาง LINE'
          : 'ไม่เปิดเผยตัวตน'
        : data.identity === 'confidential'
          ? 'แจ้งชื่อแบบลับ'
          : null;
    case 'name':
      return data.nameGiven ? 'บันทึกไว้แล้ว (เข้ารหัส)' : null;
    case 'phone':
      return data.phoneGiven ? 'บันทึกไว้แล้ว (เข้ารหัส)' : data.phoneGiven === null ? 'ไม่ระบุ' : null;
    default:
      return null;
  }
}
