import {
  type NotifyPolicy,
  notifyPolicies,
  policyNames,
  roleNames,
  type StaffRole,
  staffRoles,
} from '../../../schema/staff';
import { formatThaiDay } from '../../../schema/thai-date';
import { h } from '../dom';
import { messageLine, type StaffPage, staffFrame } from './staff-page';

/** "/o/<org>/staff/admin": staff (invite, remove), the notification policy, and the audit log. */
export async function renderAdmin(p: StaffPage): Promise<void> {
  const [members, units, settings, audit] = await Promise.all([
    p.api.members(),
    p.api.units(),
    p.api.settings(),
    p.api.audit(),
  ]);
  const unitName = new Map(units.items.map((u) => [u.id, u.name]));
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

  const policy = h(
    'select',
    { name: 'policy' },
    notifyPolicies.map((v) => h('option', { value: v, selected: v === settings.policy }, policyNames[v])),
  );
  policy.addEventListener('change', async () => {
    try {
      const next = await p.api.setPolicy(policy.value as NotifyPolicy);
      message.textContent = `ตั้งค่าการแจ้งเตือนเป็น "${policyNames[next.policy]}" แล้ว`;
    } catch (error) {
      fail(error);
    }
  });

  const log = h(
    'ol',
    { class: 'audit' },
    audit.items.length === 0
      ? h('li', { class: 'muted' }, 'ยังไม่มีการเปิดดูเรื่องร้องเรียนการทุจริต')
      : audit.items.map((a) =>
          h(
            'li',
            {},
            `${formatThaiDay(a.at)} ${new Date(a.at).toLocaleTimeString('th-TH', { timeZone: 'Asia/Bangkok' })} · ${a.staffName} เปิดเรื่อง ${a.code} (${a.via === 'liff' ? 'หน้าเว็บ' : 'แชต'})`,
          ),
        ),
  );

  staffFrame(
    p,
    'จัดการเจ้าหน้าที่',
    h('h1', {}, 'จัดการเจ้าหน้าที่'),
    message,
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
    ),
    h('section', { class: 'card' }, h('h2', {}, 'บันทึกการเปิดดูเรื่องร้องเรียนการทุจริต'), log),
  );
}
