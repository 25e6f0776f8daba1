import type { PlanDocument } from '../../../schema/contracts/plan-document';
import type { PlanAdminView, PlanVersion } from '../../../schema/contracts/plan-upload';
import { formatThaiDay } from '../../../lib/thai-date';
import { defaultPlanKey } from '../../../lib/plan-preview';
import { h, replace } from '../dom';
import { formatNumber, yearSpan } from '../format';
import { paths } from '../routes';
import { readPlanFile } from './admin-plan-read';
import { planPreview } from './admin-plan-preview';
import { currentPlanPrompt } from './admin-plan-status';
import { messageLine, type StaffPage, staffFrame, staffPaths } from './staff-page';

type Flash = { ok: boolean; text: string } | null;

/** "2566–2570", as the plan pages write a plan's years. */
const spanOf = (doc: PlanDocument) => yearSpan(Math.min(...doc.fiscalYears), Math.max(...doc.fiscalYears));

function versionsSection(p: StaffPage, view: PlanAdminView, rerender: (f: Flash) => void): HTMLElement {
  // Who uploaded this version: its first publication (history is newest first).
  const publishedBy = (v: PlanVersion) =>
    [...view.history].reverse().find((e) => e.loadId === v.loadId && e.action === 'publish')?.by ?? null;
  const item = (v: PlanVersion) => {
    const span = yearSpan(v.firstYear, v.lastYear);
    const by = publishedBy(v);
    return h(
      'li',
      { 'data-plan': v.key, 'data-status': v.status },
      h('strong', {}, `${v.status === 'active' ? 'ฉบับที่เผยแพร่' : 'ฉบับก่อนหน้า'} ปีงบประมาณ ${span}`),
      ` · ${formatNumber(v.projects)} รายการ`,
      h(
        'span',
        { class: 'muted' },
        ` · ${v.source ?? 'ไม่ทราบชื่อไฟล์'} · ${formatThaiDay(v.loadedAt)}${by ? ` โดย ${by}` : ''}`,
      ),
      v.status === 'active'
        ? h('a', { class: 'button secondary small', href: paths.plan(p.slug, v.key) }, 'ดูหน้าสาธารณะ')
        : h(
            'button',
            {
              type: 'button',
              class: 'button secondary small',
              onclick: async () => {
                if (!confirm(`กลับไปใช้แผนฉบับก่อนหน้า (ปีงบประมาณ ${span})? ฉบับปัจจุบันจะถูกเก็บเป็นฉบับก่อนหน้าแทน`))
                  return;
                try {
                  await p.api.restorePlan(v.key);
                  rerender({ ok: true, text: `กลับไปใช้แผนฉบับก่อนหน้า ปีงบประมาณ ${span} แล้ว` });
                } catch (error) {
                  rerender({ ok: false, text: (error as Error).message });
                }
              },
            },
            'กลับไปใช้ฉบับนี้',
          ),
    );
  };
  return h(
    'section',
    { class: 'card plan-versions' },
    h('h2', {}, 'แผนของหน่วยงาน'),
    view.versions.length
      ? h('ul', { class: 'setup-list' }, view.versions.map(item))
      : h('p', { class: 'muted' }, 'ยังไม่มีแผน'),
    view.history.length
      ? h(
          'details',
          {},
          h('summary', {}, 'ประวัติการเผยแพร่'),
          h(
            'ul',
            { class: 'plan-history' },
            view.history.map((e) =>
              h(
                'li',
                {},
                `${formatThaiDay(e.at)} ${e.action === 'publish' ? 'เผยแพร่' : 'กลับไปใช้'}แผนปีงบประมาณ ` +
                  `${yearSpan(e.firstYear, e.lastYear)} (${formatNumber(e.projects)} รายการ) ` +
                  `${e.by ? `โดย ${e.by}` : 'โดยผู้ดูแลระบบ'}${e.source ? ` จากไฟล์ ${e.source}` : ''}`,
              ),
            ),
          ),
        )
      : null,
  );
}

/**
 * "/o/<org>/staff/admin/plan" (admins): the organisation's plan versions and who published them, and the
 * upload: the file is read and parsed here in the browser, shown with its reconciliation and as the public
 * will see it, and published only when the admin confirms.
 */
export async function renderPlanAdmin(p: StaffPage, flash: Flash = null): Promise<void> {
  const view = await p.api.plans();
  const rerender = (next: Flash) => void renderPlanAdmin(p, next);
  const message = messageLine();
  if (flash) {
    message.textContent = flash.text;
    message.classList.add(flash.ok ? 'ok' : 'error');
  }
  const preview = h('div', { class: 'plan-preview' });
  const status = h('p', { class: 'form-message', role: 'status', 'aria-live': 'polite' });
  const input = h('input', { type: 'file', name: 'plan-file', accept: '.docx,.pdf,.txt' });

  const publishButton = (doc: PlanDocument, source: string, key: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button',
        onclick: async (event) => {
          const button = event.currentTarget as HTMLButtonElement;
          const replaces = view.versions.some((v) => v.key === key && v.status === 'active');
          if (replaces && !confirm(`แผนนี้จะแทนที่แผนปีงบประมาณ ${spanOf(doc)} ที่เผยแพร่อยู่ ยืนยันการเผยแพร่?`)) return;
          button.disabled = true;
          try {
            await p.api.publishPlan({ document: doc, source });
            rerender({ ok: true, text: `เผยแพร่แผนปีงบประมาณ ${spanOf(doc)} แล้ว` });
          } catch (error) {
            button.disabled = false;
            status.className = 'form-message error';
            status.textContent = (error as Error).message;
          }
        },
      },
      'เผยแพร่แผนนี้',
    );

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    replace(preview);
    if (!file) return;
    status.className = 'form-message';
    status.textContent = `กำลังอ่านไฟล์ ${file.name} …`;
    const read = await readPlanFile(file).catch(
      (error: unknown) => ({ ok: false, title: 'อ่านไฟล์นี้ไม่ได้', detail: String(error) }) as const,
    );
    if (!read.ok) {
      status.className = 'form-message error';
      status.textContent = read.title;
      replace(preview, h('pre', { class: 'card read-problem' }, read.detail));
      return;
    }
    const key = defaultPlanKey(read.doc);
    status.className = 'form-message ok';
    status.textContent =
      `อ่านแผนปีงบประมาณ ${spanOf(read.doc)} จากไฟล์ ${file.name} แล้ว ตรวจดูด้านล่างก่อนเผยแพร่ ` +
      `(อ่าน ${Math.round(read.readMs + read.parseMs)} มิลลิวินาที)`;
    const org = { slug: p.slug, name: p.orgName };
    replace(preview, ...planPreview(read.doc, org, key), h('p', {}, publishButton(read.doc, file.name, key)));
  });

  staffFrame(
    p,
    'แผนป้องกันการทุจริต',
    h('p', {}, h('a', { href: staffPaths.admin(p.slug) }, '← กลับไปหน้าจัดการ')),
    h('h1', {}, 'แผนปฏิบัติการป้องกันการทุจริต'),
    message,
    currentPlanPrompt(view),
    versionsSection(p, view, rerender),
    h(
      'section',
      { class: 'card plan-upload' },
      h('h2', {}, 'อัปโหลดแผน'),
      h(
        'p',
        { class: 'muted' },
        'เลือกไฟล์แผน (Word .docx, PDF ที่มีข้อความ หรือ .txt) ระบบจะอ่านไฟล์ในเครื่องนี้ แสดงผลให้ตรวจก่อน แล้วจึงเผยแพร่เมื่อกดยืนยัน',
      ),
      h('label', {}, 'ไฟล์แผน ', input),
      status,
    ),
    preview,
  );
}
