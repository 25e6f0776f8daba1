import { notSentYetText, sendsLaterText } from '../../../lib/texts/complainant-delivery';
import { silentReporterNote } from '../../../lib/texts/reporter-label';
import { AFTER_PHOTO_TYPES, afterPhotoProblem, base64Of } from './after-photo-input';
import { caseOutcomes, outcomeNames, outsideBodies, outsideBodyNames } from '../../../schema/contracts/staff';
import type { CaseActionBody, CaseDetail } from '../../../schema/contracts/staff-api';
import { h } from '../dom';
import { ApiError } from '../api';
import { messageLine, type StaffPage } from './staff-page';

type Done = (next: CaseDetail, message: string) => void;

type Body = CaseActionBody extends infer T ? (T extends unknown ? Omit<T, 'version'> : never) : never;

const field = (label: string, control: HTMLElement) =>
  h('label', { class: 'field' }, h('span', {}, label), control);

/** The forms of the actions this staff member may take now; each sends the version it was drawn from. */
export function actionForms(p: StaffPage, d: CaseDetail, done: Done, reload: () => void): HTMLElement {
  const message = messageLine();
  const send = async (button: HTMLButtonElement, body: Body, ok: string) => {
    button.disabled = true;
    message.textContent = 'กำลังบันทึก…';
    try {
      const next = await p.api.act(d.case.id, { ...body, version: d.case.version } as CaseActionBody);
      const said = !next.case.reachInLine
        ? `${ok} (${silentReporterNote})`
        : next.sendsAt !== null
          ? `บันทึกแล้ว ${sendsLaterText(next.sendsAt)}`
          : next.delivered === false
            ? `${ok} (${notSentYetText})`
            : ok;
      done(next, next.notified ? `${said} ${next.notified}` : said);
    } catch (error) {
      button.disabled = false;
      message.textContent = (error as Error).message;
      if (error instanceof ApiError && error.status === 409) {
        message.append(
          ' ',
          h('button', { type: 'button', class: 'button secondary', onclick: reload }, 'โหลดข้อมูลล่าสุด'),
        );
      }
    }
  };
  const form: FormMaker = (title, controls, label, collect, ok) => {
    const button = h('button', { type: 'submit', class: 'button' }, label);
    const el = h(
      'form',
      { class: 'card action-form', 'data-action': title },
      h('h3', {}, title),
      ...controls,
      button,
    );
    el.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = await collect();
      if (typeof body === 'string') message.textContent = body;
      else void send(button, body, ok);
    });
    return el;
  };
  const text = (name: string) => h('textarea', { name, rows: 3, maxlength: 2000 });
  const forms: HTMLElement[] = [];
  const allowed = new Set(d.allowed);

  if (allowed.has('accept'))
    forms.push(form('รับเรื่อง', [], 'รับเรื่องนี้', () => ({ action: 'accept' }), 'รับเรื่องแล้ว'));
  for (const [action, title, label, button, ok] of messageActions) {
    if (!allowed.has(action)) continue;
    const t = text(action);
    forms.push(form(title, [field(label, t)], button, () => ({ action, message: t.value }), ok));
  }
  if (allowed.has('forward')) {
    const body = h(
      'select',
      { name: 'body' },
      outsideBodies.map((b) => h('option', { value: b }, outsideBodyNames[b])),
    );
    const agency = h('input', { name: 'agency', maxlength: 200 });
    const ref = h('input', { name: 'reference', maxlength: 100 });
    forms.push(
      form(
        'ส่งต่อหน่วยงานภายนอก',
        [field('ส่งถึง', body), field('ชื่อหน่วยงาน (กรณีหน่วยงานอื่น)', agency), field('เลขที่หนังสือ/เลขอ้างอิง', ref)],
        'บันทึกการส่งต่อ',
        () => ({
          action: 'forward',
          body: body.value as (typeof outsideBodies)[number],
          reference: ref.value,
          ...(agency.value.trim() ? { agencyName: agency.value } : {}),
        }),
        'บันทึกการส่งต่อแล้ว',
      ),
    );
  }
  if (allowed.has('close')) {
    const outcome = h(
      'select',
      { name: 'outcome' },
      caseOutcomes.map((o) => h('option', { value: o }, outcomeNames[o])),
    );
    const dup = h('input', { name: 'duplicate', placeholder: 'เช่น K7QM-4R9P', maxlength: 20 });
    const summary = text('summary');
    // The after photo: a grievance only (docs/staff.md); sent with the result when closed as resolved.
    const photo = h('input', { name: 'after-photo', type: 'file', accept: AFTER_PHOTO_TYPES.join(',') });
    const photoField =
      d.case.track === 'grievance' ? [field('รูปหลังแก้ไข (ถ้ามี เฉพาะผล "แก้ไขแล้ว" ไม่เกิน 1 MB)', photo)] : [];
    forms.push(
      form(
        'ปิดเรื่อง',
        [
          field('ผลการดำเนินการ', outcome),
          field('เลขรับเรื่องเดิม (กรณีซ้ำ)', dup),
          field('สรุปผลที่จะแจ้งผู้ร้องเรียน', summary),
          ...photoField,
        ],
        'ปิดเรื่อง',
        async () => {
          const file = photo.files?.[0];
          const chosen = outcome.value as (typeof caseOutcomes)[number];
          const problem = file ? afterPhotoProblem(file, chosen) : null;
          if (problem) return problem;
          return {
            action: 'close',
            outcome: chosen,
            summary: summary.value,
            ...(dup.value.trim() ? { duplicateOf: dup.value.trim().toUpperCase() } : {}),
            ...(file ? { afterPhoto: await base64Of(file) } : {}),
          };
        },
        'ปิดเรื่องแล้ว',
      ),
    );
  }
  if (allowed.has('reopen'))
    forms.push(form('เปิดเรื่องใหม่', [], 'เปิดเรื่องอีกครั้ง', () => ({ action: 'reopen' }), 'เปิดเรื่องอีกครั้งแล้ว'));
  if (allowed.has('assign')) forms.push(assignForm(p, d, form));
  return h(
    'section',
    { class: 'actions' },
    h('h2', {}, forms.length ? 'ดำเนินการ' : 'ท่านดูเรื่องนี้ได้อย่างเดียว'),
    message,
    ...forms,
  );
}

// The actions that are one message: [action, form title, field label, button, done].
const messageActions: [MessageAction, string, string, string, string][] = [
  ['update', 'แจ้งความคืบหน้า', 'ข้อความถึงผู้ร้องเรียน', 'ส่งความคืบหน้า', 'ส่งความคืบหน้าแล้ว'],
  ['ask_info', 'ขอข้อมูลเพิ่มเติม', 'คำถามถึงผู้ร้องเรียน (ส่งในนามหน่วยงาน)', 'ส่งคำถาม', 'ส่งคำถามแล้ว'],
  ['escalate', 'เสนอผู้บริหาร', 'ประเด็นที่ขอให้ผู้บริหารพิจารณา (ผู้ร้องเรียนไม่เห็น)', 'เสนอผู้บริหาร', 'เสนอผู้บริหารแล้ว'],
  ['instruct', 'สั่งการ', 'ข้อสั่งการถึงผู้รับผิดชอบ (ผู้ร้องเรียนไม่เห็น)', 'บันทึกข้อสั่งการ', 'บันทึกข้อสั่งการแล้ว'],
];
type MessageAction = Extract<Body, { message: string }>['action'];

type FormMaker = (
  title: string,
  controls: HTMLElement[],
  label: string,
  collect: () => Body | string | Promise<Body | string>,
  ok: string,
) => HTMLElement;

// Integrity officers for a corruption case; officers and units for a grievance.
function assignForm(p: StaffPage, d: CaseDetail, form: FormMaker): HTMLElement {
  const target = h('select', { name: 'target' }, h('option', { value: '' }, 'กำลังโหลดรายชื่อ…'));
  void Promise.all([
    p.api.members(),
    d.case.track === 'grievance' ? p.api.units() : Promise.resolve({ items: [] }),
  ]).then(([members, units]) => {
    const role = d.case.track === 'corruption' ? 'integrity' : 'officer';
    target.replaceChildren(
      h('option', { value: '' }, 'เลือก…'),
      ...members.items
        .filter((m) => m.roles.includes(role))
        .map((m) => h('option', { value: `s${m.id}` }, m.displayName)),
      ...units.items
        .filter((u) => !u.handlesIntegrity)
        .map((u) => h('option', { value: `u${u.id}` }, `หน่วยงาน: ${u.name}`)),
    );
  });
  return form(
    'มอบหมาย',
    [field('มอบหมายให้', target)],
    'มอบหมาย',
    () => {
      const v = target.value;
      if (!v) return 'กรุณาเลือกผู้รับผิดชอบหรือหน่วยงาน';
      return v.startsWith('s')
        ? { action: 'assign', staffId: Number(v.slice(1)) }
        : { action: 'assign', unitId: Number(v.slice(1)) };
    },
    'มอบหมายแล้ว',
  );
}
