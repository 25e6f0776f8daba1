import type { StaffSettingsView } from '../../../schema/contracts/staff-members-api';
import { adminLimits, digestTimeList } from '../../../schema/contracts/staff-admin-rules';
import { h } from '../dom';
import { type AdminSetup, sectionMessage, setupForm } from './admin-setup';

/** The times of day (Bangkok) at which the digest policy sends its summary: 1 to 4, blanks ignored. */
export function digestEditor(s: AdminSetup, settings: StaffSettingsView): HTMLElement {
  const m = sectionMessage(s, 'digest');
  const current = settings.digestTimes.split(',');
  const inputs = Array.from({ length: adminLimits.digestTimesMax }, (_, i) =>
    h('input', {
      type: 'time',
      name: 'digest-time',
      value: current[i] ?? '',
      'aria-label': `เวลาที่ ${i + 1}`,
    }),
  );
  return setupForm(
    () => {
      const times = digestTimeList(inputs.map((i) => i.value).filter(Boolean));
      if (times.length === 0) return m.say('กรุณาระบุเวลาอย่างน้อยหนึ่งเวลา');
      return m.run(() => s.api.setDigestTimes(times), `ตั้งเวลาส่งสรุปเป็น ${times.join(', ')} น. แล้ว`);
    },
    h('h3', {}, 'เวลาส่งสรุป (แบบสรุปรวม)'),
    h('p', { class: 'muted' }, `เวลาประเทศไทย ตั้งได้ 1–${adminLimits.digestTimesMax} เวลา ช่องที่เว้นว่างไว้จะไม่ใช้`),
    h('div', { class: 'digest-times' }, inputs),
    h('button', { type: 'submit', class: 'button secondary' }, 'บันทึกเวลา'),
    m.line,
  );
}
