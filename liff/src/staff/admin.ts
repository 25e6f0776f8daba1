import {
  notifyPolicies,
  policyNames,
  reminderPolicies,
  reminderPolicyNames,
  roleNames,
  type StaffRole,
  staffRoles,
} from '../../../schema/contracts/staff';
import { formatThaiDay } from '../../../lib/thai-date';
import { h } from '../dom';
import { auditSection } from './admin-audit';
import { categoriesSection } from './admin-categories';
import { daysOffSection } from './admin-days-off';
import { digestEditor } from './admin-digest';
import { officerUnitsEditor } from './admin-officers';
import type { AdminSetup, Flash } from './admin-setup';
import { unitsSection } from './admin-units';
import { usageBox } from './admin-usage';
import { currentPlanPrompt } from './admin-plan-status';
import { messageLine, type StaffPage, staffFrame, staffPaths } from './staff-page';

/**
 * "/o/<org>/staff/admin": staff (invite, remove, officers' units), the notification policy and digest
 * times, units and categories (./admin-units.ts, ./admin-categories.ts), days off (./admin-days-off.ts)
 * and the audit log. After a
 * setup change the whole page is reloaded with `flash` shown in the section that changed.
 */
export async function renderAdmin(p: StaffPage, flash: Flash | null = null): Promise<void> {
  const [members, units, settings, audit, categories, daysOff, plans] = await Promise.all([
    p.api.members(),
    p.api.units(),
    p.api.settings(),
    p.api.audit(),
    p.api.categories(),
    p.api.daysOff(),
    p.api.plans(),
  ]);
  const unitName = new Map(units.items.map((u) => [u.id, u.name]));
  const setup: AdminSetup = {
    api: p.api,
    units: units.items,
    flash,
    refresh: (next) => renderAdmin(p, next),
  };
  const message = messageLine();
  const fail = (error: unknown) => {
    message.textContent = (error as Error).message;
  };

  const people = h(
    'ul',
    { class: 'people' },
    members.items.map((m) =>
      h(
        'li',
        { 'data-staff': m.id },
        h('strong', {}, m.displayName),
        ` ${m.roles.map((r) => roleNames[r]).join(', ')}`,
        m.unitIds.length
          ? h('span', { class: 'muted' }, ` (${m.unitIds.map((id) => unitName.get(id)).join(', ')})`)
          : null,
        m.id === p.me.staff.id
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'button secondary small',
                onclick: async () => {
                  if (!confirm(`ลบ ${m.displayName} ออกจากเจ้าหน้าที่? สิทธิ์ทั้งหมดจะถูกยกเลิกทันที`)) return;
                  try {
                    await p.api.remove(m.id);
                    await renderAdmin(p);
                  } catch (error) {
                    fail(error);
                  }
                },
              },
              'ลบ',
            ),
        officerUnitsEditor(setup, m),
      ),
    ),
  );

  const role = h(
    'select',
    { name: 'role' },
    staffRoles.map((r) => h('option', { value: r }, roleNames[r])),
  );
  const unit = h(
    'select',
    { name: 'unit' },
    h('option', { value: '' }, 'ไม่ระบุ'),
    ...units.items.filter((u) => !u.handlesIntegrity).map((u) => h('option', { value: u.id }, u.name)),
  );
  const issued = h('div', { class: 'invite-issued', role: 'status' });
  const invite = h(
    'form',
    { class: 'card action-form' },
    h('h3', {}, 'เชิญเจ้าหน้าที่'),
    h('label', { class: 'field' }, h('span', {}, 'บทบาท'), role),
    h('label', { class: 'field' }, h('span', {}, 'หน่วยงาน (เจ้าหน้าที่รับเรื่อง)'), unit),
    h('button', { type: 'submit', class: 'button' }, 'สร้างรหัสเชิญ'),
    issued,
  );
  invite.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const code = await p.api.invite(role.value as StaffRole, unit.value ? Number(unit.value) : undefined);
      issued.replaceChildren(
        h('p', {}, `รหัสเชิญ ${code.code} ใช้ได้ครั้งเดียว ภายใน ${formatThaiDay(code.expiresAt)}`),
        h('p', {}, 'ให้ผู้ได้รับเชิญส่งข้อความนี้ถึงบัญชี LINE ของหน่วยงาน:'),
        h('p', { class: 'invite-command' }, code.command),
      );
    } catch (error) {
      fail(error);
    }
  });

  // A select that saves on change and says so.
  const saving = <T extends string>(
    name: string,
    values: readonly T[],
    names: Record<T, string>,
    current: T,
    save: (value: T) => Promise<unknown>,
    done: string,
  ) => {
    const select = h(
      'select',
      { name },
      values.map((v) => h('option', { value: v, selected: v === current }, names[v])),
    );
    select.addEventListener('change', async () => {
      try {
        await save(select.value as T);
        message.textContent = `${done} "${names[select.value as T]}" แล้ว`;
      } catch (error) {
        fail(error);
      }
    });
    return select;
  };
  const policy = saving(
    'policy',
    notifyPolicies,
    policyNames,
    settings.policy,
    (v) => p.api.setPolicy(v),
    'ตั้งค่าการแจ้งเตือนเป็น',
  );
  const reminders = saving(
    'reminder-policy',
    reminderPolicies,
    reminderPolicyNames,
    settings.reminderPolicy,
    (v) => p.api.setReminderPolicy(v),
    'ตั้งค่าการเตือนเรื่องเกินกำหนดเป็น',
  );

  staffFrame(
    p,
    'จัดการเจ้าหน้าที่',
    h('h1', {}, 'จัดการเจ้าหน้าที่'),
    message,
    currentPlanPrompt(plans),
    h('section', { class: 'card' }, h('h2', {}, `เจ้าหน้าที่ ${members.items.length} คน`), people),
    invite,
    h(
      'section',
      { class: 'card' },
      h('h2', {}, 'การแจ้งเรื่องร้องทุกข์ใหม่'),
      h(
        'label',
        { class: 'field' },
        h('span', {}, settings.deskBound ? 'มีกลุ่มรับเรื่องแล้ว' : 'ยังไม่ได้ผูกกลุ่มรับเรื่อง'),
        policy,
      ),
      h(
        'p',
        { class: 'muted' },
        'ข้อความแจ้งเตือนคิดค่าใช้จ่ายต่อผู้รับแต่ละคน (กลุ่ม 8 คน = 8 ข้อความ) เรื่องร้องเรียนการทุจริตแจ้งเฉพาะเจ้าหน้าที่ป้องกันการทุจริตเสมอ',
      ),
      usageBox(() => p.api.messageUsage()),
      digestEditor(setup, settings),
      h('label', { class: 'field' }, h('span', {}, 'เตือนเรื่องเกินกำหนด (เริ่ม 08:30 น. วันทำการ)'), reminders),
    ),
    unitsSection(setup),
    categoriesSection(setup, 'grievance', categories.items),
    categoriesSection(setup, 'corruption', categories.items),
    daysOffSection(setup, daysOff),
    h(
      'section',
      { class: 'card', id: 'plan' },
      h('h2', {}, 'แผนปฏิบัติการป้องกันการทุจริต'),
      h('p', { class: 'muted' }, 'อัปโหลดแผนจากไฟล์ Word หรือ PDF ตรวจก่อนเผยแพร่ และดูประวัติการเผยแพร่'),
      h('a', { class: 'button secondary', href: staffPaths.planAdmin(p.slug) }, 'จัดการแผน'),
    ),
    auditSection(p, audit.items),
  );
}
