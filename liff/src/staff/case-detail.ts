import { mapUrl } from '../../../lib/map-link';
import { reporterLabel } from '../../../lib/texts/reporter-label';
import { involvementWarning } from '../../../lib/texts/involvement-warning';
import { involvedRoleNames, trackNames } from '../../../schema/contracts/complaint-rules';
import { outcomeNames, outsideBodyNames, statusNames } from '../../../schema/contracts/staff';
import type { CaseDetail } from '../../../schema/contracts/staff-api';
import { formatThaiDate, formatThaiDay } from '../../../lib/thai-date';
import { h } from '../dom';
import { actionForms } from './case-actions';
import { recusalCard } from './recusal-card';
import { reporterContactCard } from './reporter-contact';
import { callbackPhoneCard } from './callback-phone';
import { type StaffPage, staffFrame, staffPaths } from './staff-page';

const actionNames: Record<string, string> = {
  submitted: 'ยื่นเรื่อง',
  accepted: 'รับเรื่อง',
  assigned: 'มอบหมาย',
  info_requested: 'ขอข้อมูลเพิ่มเติม',
  info_received: 'ผู้ร้องเรียนตอบกลับ',
  notice_failed: 'ส่งข้อความถึงผู้ร้องเรียนไม่สำเร็จ',
  reopened_not_fixed: 'ผู้ร้องเรียนแจ้งว่ายังไม่ได้แก้ไข (เปิดเรื่องอีกครั้ง)',
  progress_update: 'แจ้งความคืบหน้า',
  forwarded: 'ส่งต่อหน่วยงานภายนอก',
  closed: 'ปิดเรื่อง',
  reopened: 'เปิดเรื่องใหม่',
  escalated: 'เสนอผู้บริหาร',
  instructed: 'ผู้บริหารสั่งการ',
  evidence_added: 'ผู้ร้องเรียนส่งหลักฐานเพิ่ม',
  info_added: 'ผู้ร้องเรียนส่งข้อมูลเพิ่มเติม',
  after_photo_added: 'แนบรูปหลังแก้ไข',
  recused: 'ถอนตัว (มีส่วนได้เสีย)',
  plan_project_set: 'ระบุโครงการตามแผนป้องกันการทุจริต',
  erased: 'ลบข้อมูลส่วนบุคคลตามระยะเวลาเก็บรักษา',
};

const fact = (label: string, value: string | Node | null | false | undefined) =>
  value ? h('div', {}, h('dt', {}, label), h('dd', {}, value)) : null;

function body(d: CaseDetail): Node[] {
  const c = d.case;
  const referral = c.referralBody
    ? `${c.referralAgency ?? outsideBodyNames[c.referralBody]} (${c.referralRef ?? '-'})`
    : null;
  const facts = h(
    'dl',
    { class: 'facts' },
    fact('ประเภท', trackNames[c.track].full),
    fact('หมวด', c.categoryName),
    fact('เกี่ยวข้องกับเรื่อง', c.relatedCode ? `${c.relatedCode} (ผู้แจ้งถูกกลั่นแกล้งหลังแจ้งเรื่อง)` : null),
    fact('สถานะ', statusNames[c.status]),
    fact('รับเรื่อง', formatThaiDay(c.createdAt)),
    fact('ตอบรับภายใน', formatThaiDate(c.acknowledgeDueOn)),
    fact('แจ้งผลภายใน', `${formatThaiDate(c.resultDueOn)}${c.overdue ? ' (เกินกำหนด)' : ''}`),
    fact('หน่วยงาน', c.unitName ?? 'ยังไม่ระบุ'),
    fact('ผู้รับผิดชอบ', c.assigneeName ?? 'ยังไม่มี'),
    fact('ผู้แจ้ง', reporterLabel(c)),
    fact('สถานที่', [c.placeText, c.placeAddress].filter(Boolean).join(' · ') || null),
    fact(
      'พิกัด',
      c.latitude !== null &&
        c.longitude !== null &&
        h(
          'a',
          { href: mapUrl(c.latitude, c.longitude), target: '_blank', rel: 'noopener' },
          `${c.latitude}, ${c.longitude} (เปิดแผนที่)`,
        ),
    ),
    fact('เมื่อ', c.occurredOn ? formatThaiDate(c.occurredOn) : c.occurredText),
    fact(
      'ผู้ถูกร้อง',
      c.involvedRole
        ? `${involvedRoleNames[c.involvedRole]}${c.involvedUnitName ? ` (${c.involvedUnitName})` : ''}`
        : null,
    ),
    fact('ผู้เกี่ยวข้อง', c.involved),
    fact('ส่งต่อ', referral),
    fact('ผล', c.outcome ? outcomeNames[c.outcome] : null),
    fact('ซ้ำกับเรื่อง', c.duplicateOfCode),
  );
  const warning = involvementWarning(c.involvedRole, c.involvedUnitName);
  const timeline = h(
    'ol',
    { class: 'timeline' },
    d.timeline.map((e) =>
      h(
        'li',
        {},
        h(
          'span',
          { class: 'muted' },
          `${formatThaiDay(e.at)} ${new Date(e.at).toLocaleTimeString('th-TH', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Bangkok' })}`,
        ),
        h('strong', {}, ` ${actionNames[e.action] ?? e.action}`),
        ` โดย ${e.actor}`,
        e.note && e.action !== 'submitted' ? h('p', { class: 'note' }, e.note) : null,
      ),
    ),
  );
  const files =
    d.attachments.length > 0
      ? h(
          'div',
          { class: 'evidence' },
          d.attachments.map((a) =>
            a.kind === 'image'
              ? h(
                  'a',
                  { href: a.url, target: '_blank', rel: 'noopener' },
                  h('img', {
                    src: a.url,
                    alt: a.purpose === 'after' ? 'รูปหลังแก้ไข' : 'รูปหลักฐาน',
                    loading: 'lazy',
                  }),
                )
              : h(
                  'a',
                  { class: 'button secondary', href: a.url, target: '_blank', rel: 'noopener' },
                  'เปิดไฟล์หลักฐาน',
                ),
          ),
        )
      : null;
  return [
    h(
      'section',
      { class: 'card' },
      h('h2', {}, 'รายละเอียด'),
      h('p', { class: 'description' }, c.description),
      facts,
      // Who will not see this case, told plainly (the same line as the chat card's).
      warning ? h('p', { class: 'note', 'data-testid': 'involvement-warning' }, warning) : null,
    ),
    files ? h('section', { class: 'card' }, h('h2', {}, `หลักฐาน ${d.attachments.length} ไฟล์`), files) : null,
    h('section', { class: 'card' }, h('h2', {}, 'ความเคลื่อนไหว'), timeline),
    d.ratingComments.length > 0
      ? h(
          'section',
          { class: 'card' },
          h('h2', {}, 'ความเห็นของผู้ร้องเรียนต่อผลการดำเนินการ'),
          h(
            'ul',
            { class: 'rating-comments' },
            d.ratingComments.map((r) =>
              h(
                'li',
                {},
                h('time', {}, formatThaiDay(r.at)),
                r.score === null ? null : ` คะแนน ${r.score}/5`,
                h('p', { class: 'note' }, r.comment),
              ),
            ),
          ),
        )
      : null,
  ].filter((n): n is HTMLElement => n !== null);
}

/** Integrity officers on a tip: the plan project card, a chunk of its own that only they download. */
function planProjectSlot(p: StaffPage, d: CaseDetail, show: (next: CaseDetail, message: string) => void) {
  if (!p.me.staff.roles.includes('integrity') || d.case.track !== 'corruption') return null;
  const slot = h('section', { class: 'card' }, h('p', { class: 'muted' }, 'กำลังโหลด…'));
  import('./plan-project-card')
    .then(({ planProjectCard }) => planProjectCard(p, d, show))
    .then((card) => slot.replaceWith(card))
    .catch((error: Error) => slot.replaceChildren(h('p', { class: 'error' }, error.message)));
  return slot;
}

/** "/o/<org>/staff/cases/<id>": the case, its timeline and evidence, and the actions allowed now. */
export async function renderCaseDetail(p: StaffPage, id: number, flash?: string): Promise<void> {
  const detail = await p.api.case(id);
  const show = (d: CaseDetail, message?: string) =>
    staffFrame(
      p,
      d.case.code,
      h('a', { class: 'muted', href: staffPaths.cases(p.slug) }, '‹ กลับไปรายการ'),
      h('h1', {}, `เรื่อง ${d.case.code}`),
      message ? h('p', { class: 'form-message ok', role: 'status' }, message) : null,
      ...body(d),
      reporterContactCard(p, d),
      callbackPhoneCard(p, d),
      planProjectSlot(p, d, (next, text) => show(next, text)),
      recusalCard(p, d),
      actionForms(
        p,
        d,
        (next, text) => show(next, text),
        () => renderCaseDetail(p, id),
      ),
    );
  show(detail, flash);
}
