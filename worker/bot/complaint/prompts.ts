import {
  complaintLimits,
  involvedRoleNames,
  involvedRoles,
  trackNames,
} from '../../../schema/contracts/complaint';
import { fitLabel } from '../../cases/cards/label';
import { editableSteps, isAnswered, progress } from '../../complaints/flow-steps';
import type { LineMessage } from '../../line/gateway';
import { chip, pickers, type QuickItem, tailChips } from './buttons';
import { trackArg } from './postback-data';
import { privacyNotice, privacyNoticeBeforeConfirm } from '../../../lib/texts/privacy-notice';
import { answerText, type StepView, stepTitles } from './step-view';
import { offerQuestion } from './offer-prompt';
import { summaryCard } from './summary-card';

const MB = 1024 * 1024;

/** The question of the draft's current step (text with chips, or the summary card), after `lead`. */
export function stepMessages(view: StepView, lead?: string): LineMessage[] {
  const { draft } = view;
  if (draft.step === 'summary') {
    // The notice sits above the card whose confirm is the consent to it.
    const notice = privacyNoticeBeforeConfirm(
      view.orgName,
      draft.data.track ?? 'grievance',
      draft.data.identity ?? 'identified',
      view.retentionDays,
    );
    const text = [lead, notice].filter(Boolean).join('\n\n');
    return [{ type: 'text', text }, summaryCard(view)];
  }
  const { body, chips } = question(view);
  const at = progress(draft.data, draft.step);
  const header = at ? `ขั้นที่ ${at.n}/${at.total} · ${stepTitles[draft.step]}` : null;
  const earlier = answerText(draft.step, draft.data, view.categories, view.units);
  const keep = draft.step !== 'evidence' && isAnswered(draft.step, draft.data);
  const text = [
    lead,
    header,
    body,
    keep && earlier ? `ข้อมูลเดิม: ${earlier}\nกด "คงเดิม" หากไม่ต้องการแก้ไข` : null,
  ]
    .filter(Boolean)
    .join('\n\n');
  const tail =
    draft.step === 'edit'
      ? [chip(draft, 'ยกเลิก', 'cancel')]
      : draft.step === 'offer'
        ? []
        : tailChips(draft, { keep, back: draft.step !== 'track' });
  return [{ type: 'text', text, quickReply: { items: [...chips, ...tail] } }];
}

// Roles first (they decide who must not see the tip), then the optional name; staff of a unit: which unit.
function involvedQuestion(view: StepView): { body: string; chips: QuickItem[] } {
  const { draft } = view;
  const role = draft.data.involvedRole;
  if (role === 'unit_staff' && draft.data.involvedUnitId === undefined)
    return {
      body: 'ผู้ถูกร้องเรียนเป็นเจ้าหน้าที่ของกอง/ฝ่ายใด\nเจ้าหน้าที่ของกอง/ฝ่ายที่เลือกจะไม่เห็นเรื่องนี้ หากไม่ทราบ กด "ไม่ทราบ"',
      chips: [
        ...view.units.slice(0, 8).map((u) => chip(draft, fitLabel(u.name), 'unit', String(u.id))),
        chip(draft, 'ไม่ทราบ', 'skip'),
      ],
    };
  const roles = involvedRoles.map((r) => chip(draft, involvedRoleNames[r], 'role', r));
  if (role)
    return {
      body: `ผู้ถูกร้องเรียน: ${involvedRoleNames[role]}\nพิมพ์ชื่อหรือตำแหน่งเพิ่มเติม (ไม่เกิน ${complaintLimits.involvedMax} ตัวอักษร) หรือกด "ข้าม"`,
      chips: [chip(draft, 'ข้าม', 'skip'), ...roles],
    };
  return {
    body: [
      'ผู้ถูกร้องเรียนคือใคร',
      'เลือกตำแหน่งจากปุ่มด้านล่าง ผู้ที่ถูกร้องเรียนและผู้เกี่ยวข้องจะไม่เห็นเรื่องของท่าน',
      `หรือพิมพ์ชื่อ ตำแหน่ง หรือหน่วยงาน (ไม่เกิน ${complaintLimits.involvedMax} ตัวอักษร)`,
      'หากไม่ทราบ กด "ไม่ทราบ"',
    ].join('\n'),
    chips: [...roles, chip(draft, 'ไม่ทราบ', 'skip')],
  };
}

function question(view: StepView): { body: string; chips: QuickItem[] } {
  const { draft, orgName } = view;
  const corruption = draft.data.track === 'corruption';
  switch (draft.step) {
    case 'offer':
      return offerQuestion(view);
    case 'track':
      return {
        body: [
          'ต้องการแจ้งเรื่องประเภทใด',
          '• ร้องเรียนการทุจริต: การทุจริตและประพฤติมิชอบ ระบบปกป้องข้อมูลผู้แจ้ง',
          '• ร้องทุกข์ทั่วไป: ถนน ไฟฟ้า ขยะ น้ำ ท่อระบายน้ำ เสียงดัง และบริการอื่น',
        ].join('\n'),
        chips: (['corruption', 'grievance'] as const).map((t) =>
          chip(draft, trackNames[t].short, 'track', trackArg[t]),
        ),
      };
    case 'category':
      return {
        body: [
          corruption
            ? `เรื่อง${trackNames.corruption.full}ถึง${orgName}\nข้อมูลของผู้แจ้งได้รับการปกป้อง และท่านเลือกไม่เปิดเผยตัวตนได้`
            : `เรื่องร้องทุกข์ถึง${orgName}`,
          'กรุณาเลือกหมวดของเรื่อง',
          ...view.categories.map((c) => `• ${c.name}: ${c.description}`),
        ].join('\n'),
        chips: view.categories.map((c) => chip(draft, c.name, 'cat', c.code)),
      };
    case 'description':
      return {
        body: [
          'กรุณาเล่าเหตุการณ์ที่เกิดขึ้น: เกิดอะไรขึ้น กับใคร อย่างไร',
          `พิมพ์ได้ ${complaintLimits.descriptionMin}–${complaintLimits.descriptionMax.toLocaleString('en-US')} ตัวอักษร`,
          ...(corruption ? ['ไม่จำเป็นต้องใส่ชื่อหรือข้อมูลส่วนตัวของท่านในข้อความนี้'] : []),
        ].join('\n'),
        chips: [],
      };
    case 'place':
      return {
        body: `เกิดเหตุที่ไหน\nกด "ส่งตำแหน่ง" เพื่อปักหมุด หรือพิมพ์ชื่อสถานที่ (ไม่เกิน ${complaintLimits.placeMax} ตัวอักษร)\nหากไม่ต้องการระบุ กด "ข้าม"`,
        chips: [pickers.location(), chip(draft, 'ข้าม', 'skip')],
      };
    case 'when':
      return {
        body: `เกิดเหตุเมื่อไร\nกด "เลือกวันที่" หรือพิมพ์ช่วงเวลา เช่น "ทุกคืนวันเสาร์" (ไม่เกิน ${complaintLimits.occurredMax} ตัวอักษร)\nหากไม่ทราบ กด "ข้าม"`,
        chips: [pickers.date(draft, view.today), chip(draft, 'ข้าม', 'skip')],
      };
    case 'evidence':
      return {
        body: [
          'มีรูปภาพหรือเอกสารประกอบหรือไม่',
          `ส่งได้ไม่เกิน ${complaintLimits.attachmentsMax} ไฟล์: รูปภาพ JPG/PNG ไม่เกิน ${complaintLimits.imageMaxBytes / MB} MB หรือไฟล์ PDF ไม่เกิน ${complaintLimits.fileMaxBytes / MB} MB (ยังไม่รับวิดีโอและไฟล์เสียง)`,
          'ระบบลบข้อมูลตำแหน่งและกล้องที่ติดมากับรูปภาพให้อัตโนมัติ',
          ...(corruption ? ['ไฟล์ PDF อาจมีชื่อผู้จัดทำแฝงอยู่ หากไม่ต้องการเปิดเผยตัวตน แนะนำให้ถ่ายภาพเอกสารส่งแทน'] : []),
          view.attachments > 0
            ? `แนบแล้ว ${view.attachments} ไฟล์ ส่งเพิ่มได้ หรือกด "เสร็จแล้ว"`
            : 'หากไม่มี กด "ไม่มีหลักฐาน"',
        ].join('\n'),
        chips: [
          pickers.camera(),
          pickers.cameraRoll(),
          chip(draft, view.attachments > 0 ? 'เสร็จแล้ว' : 'ไม่มีหลักฐาน', 'done'),
        ],
      };
    case 'involved':
      return involvedQuestion(view);
    case 'identity':
      return {
        body: [
          'ท่านต้องการเปิดเผยตัวตนหรือไม่',
          '• ไม่เปิดเผยตัวตน: ไม่เก็บชื่อและเบอร์โทร ท่านติดตามเรื่องด้วยเลขรับเรื่องและรหัสลับ (PIN) ที่แสดงเพียงครั้งเดียว ความคืบหน้าจะส่งทาง LINE นี้ผ่านระบบปิดลับที่เจ้าหน้าที่เปิดดูไม่ได้',
          '• ไม่รับแจ้งทาง LINE: ไม่เปิดเผยตัวตน และไม่เก็บบัญชี LINE ของท่านไว้กับเรื่องนี้เลย จะไม่มีข้อความแจ้งเตือนเด้งขึ้นบนโทรศัพท์ ท่านเปิดดูความคืบหน้าเองด้วยเลขรับเรื่องและ PIN (เหมาะหากผู้อื่นอาจเห็นโทรศัพท์ของท่าน)',
          '• แจ้งชื่อแบบลับ: ชื่อและเบอร์โทรถูกเข้ารหัส เปิดดูได้เฉพาะเจ้าหน้าที่ที่ได้รับมอบหมายดูแลเรื่องทุจริต เพื่อสอบถามข้อมูลเพิ่มเติม',
        ].join('\n'),
        chips: [
          chip(draft, 'ไม่เปิดเผยตัวตน', 'id', 'anon'),
          chip(draft, 'ไม่รับแจ้งทาง LINE', 'id', 'silent'),
          chip(draft, 'แจ้งชื่อแบบลับ', 'id', 'conf'),
        ],
      };
    case 'name':
      return {
        body: 'กรุณาพิมพ์ชื่อ-นามสกุลของท่าน\nข้อมูลนี้ถูกเข้ารหัสทันที และเปิดดูได้เฉพาะเจ้าหน้าที่ที่ได้รับมอบหมาย',
        chips: [],
      };
    case 'phone':
      return draft.data.identity === 'confidential'
        ? { body: 'กรุณาพิมพ์เบอร์โทรศัพท์ที่ติดต่อได้ เช่น 0812345678\nข้อมูลนี้ถูกเข้ารหัสเช่นเดียวกับชื่อ', chips: [] }
        : {
            body: 'ต้องการให้เจ้าหน้าที่โทรกลับหรือไม่\nพิมพ์เบอร์โทรศัพท์ เช่น 0812345678 หรือกด "ข้าม" (ความคืบหน้าจะแจ้งทาง LINE นี้อยู่แล้ว)',
            chips: [chip(draft, 'ข้าม', 'skip')],
          };
    case 'consent':
      return {
        body: privacyNotice(orgName, draft.data.track ?? 'grievance', draft.data.identity ?? 'identified'),
        chips: [chip(draft, 'ยินยอม', 'consent', 'y'), chip(draft, 'ไม่ยินยอม', 'consent', 'n')],
      };
    default:
      return {
        body: 'ต้องการแก้ไขส่วนใด',
        chips: [
          ...editableSteps(draft.data).map((s) => chip(draft, stepTitles[s], 'edit', s)),
          chip(draft, 'กลับไปหน้าสรุป', 'edit', 'summary'),
        ],
      };
  }
}
