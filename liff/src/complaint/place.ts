import { complaintLimits } from '../../../schema/contracts/complaint-rules';
import { h } from '../dom';
import { errorLine, textField } from './fields';

/** A position from the phone, rounded to about 10 cm (more digits only look precise). */
export interface Position {
  latitude: number;
  longitude: number;
  accuracy: number;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Where it happened: typed, and/or the phone's current position. No map: map tiles are not reachable
 * offline (development, tests) and each provider needs its own key and terms; a production build can put
 * a map here and fill the same two fields. The position is asked only on a tap, never on page load.
 */
export function placeField(): { element: HTMLElement; position(): Position | null } {
  let position: Position | null = null;
  const shown = h('p', { class: 'position', 'data-testid': 'position', hidden: true });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const clear = h('button', { type: 'button', class: 'link-button', hidden: true }, 'ไม่ใช้ตำแหน่งนี้');
  const locate = h('button', { type: 'button', class: 'button secondary' }, 'ใช้ตำแหน่งปัจจุบัน');

  const show = () => {
    shown.hidden = clear.hidden = position === null;
    shown.textContent = position
      ? `ละติจูด ${position.latitude.toFixed(5)}, ลองจิจูด ${position.longitude.toFixed(5)} (คลาดเคลื่อนประมาณ ${Math.round(position.accuracy)} เมตร)`
      : '';
  };
  clear.addEventListener('click', () => {
    position = null;
    status.textContent = '';
    show();
  });
  locate.addEventListener('click', () => {
    if (!navigator.geolocation) {
      status.textContent = 'อุปกรณ์นี้ระบุตำแหน่งไม่ได้ กรุณาพิมพ์ชื่อสถานที่แทน';
      return;
    }
    status.textContent = 'กำลังหาตำแหน่ง…';
    navigator.geolocation.getCurrentPosition(
      (found) => {
        const { latitude, longitude, accuracy } = found.coords;
        position = { latitude: round(latitude), longitude: round(longitude), accuracy };
        status.textContent = '';
        show();
      },
      () => {
        status.textContent = 'ระบุตำแหน่งไม่สำเร็จ (อาจยังไม่ได้อนุญาตให้ใช้ตำแหน่ง) กรุณาพิมพ์ชื่อสถานที่แทน';
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });

  return {
    element: h(
      'div',
      { class: 'form-group' },
      textField({
        name: 'placeText',
        field: 'place.text',
        label: 'สถานที่เกิดเหตุ (ถ้ามี)',
        hint: 'เช่น ชื่อถนน ซอย หมู่บ้าน หรือจุดสังเกต',
        max: complaintLimits.placeMax,
      }),
      h(
        'div',
        { class: 'form-field' },
        locate,
        h('p', { class: 'hint' }, 'ใช้เมื่ออยู่ที่จุดเกิดเหตุเท่านั้น ตำแหน่งจะถูกส่งไปกับเรื่องนี้'),
        shown,
        clear,
        status,
        errorLine('place'),
        errorLine('place.latitude'),
        errorLine('place.longitude'),
      ),
    ),
    position: () => position,
  };
}
