import type { DiscrepancyItem } from '../../../schema/contracts/plan-api';
import { h } from '../dom';
import { formatNumber } from '../format';

/** Thai wording of each kind of contradiction the importer reports (its own texts are English). */
const kindText: Record<string, string> = {
  'project-count': 'จำนวนรายการที่เอกสารระบุไม่ตรงกับรายการในตาราง',
  'kind-count': 'จำนวนโครงการ/กิจกรรม/มาตรการที่เอกสารระบุไม่ตรงกับรายการในตาราง',
  'budget-total': 'ยอดรวมงบประมาณที่เอกสารระบุไม่ตรงกับผลรวมของรายการ',
  'stated-inconsistent': 'ตัวเลขสรุปในเอกสารขัดแย้งกันเอง',
  'grouped-budget': 'งบประมาณระบุรวมไว้สำหรับหลายรายการ',
  'detail-budget': 'งบประมาณในส่วนรายละเอียดไม่ตรงกับตารางสรุป',
  'unattributed-budget': 'มีงบประมาณที่ไม่สามารถระบุได้ว่าเป็นของรายการใด',
  numbering: 'ลำดับเลขรายการในเอกสารข้ามหรือซ้ำกัน',
  'missing-from-summary': 'รายการนี้มีในส่วนรายละเอียดแต่ไม่อยู่ในตารางสรุป',
  'missing-detail': 'ไม่พบส่วนรายละเอียดของรายการในเอกสาร',
  'detail-structure': 'ส่วนรายละเอียดของรายการมีหัวข้อไม่ครบหรือไม่เป็นไปตามแบบ',
  'kind-mismatch': 'ประเภทรายการ (โครงการ/กิจกรรม/มาตรการ) ในตารางกับรายละเอียดไม่ตรงกัน',
  'period-outside-plan': 'ระยะเวลาดำเนินการอยู่นอกช่วงปีของแผน',
  'fiscal-years': 'ปีงบประมาณที่ระบุในส่วนต่าง ๆ ของเอกสารไม่ตรงกัน',
};

const isYearMap = (v: unknown): v is Record<string, number> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((n) => typeof n === 'number');

/** "เอกสารระบุ X · นับได้ Y" for counts, per differing year for budgets; null for other shapes. */
function figures(d: DiscrepancyItem): string | null {
  if (typeof d.stated === 'number' && typeof d.parsed === 'number') {
    return `เอกสารระบุ ${formatNumber(d.stated)} · นับจากรายการได้ ${formatNumber(d.parsed)}`;
  }
  if (isYearMap(d.stated) && isYearMap(d.parsed)) {
    const stated = d.stated;
    const parsed = d.parsed;
    const years = Object.keys(stated).filter((y) => stated[y] !== parsed[y]);
    if (years.length === 0) return null;
    return years
      .map(
        (y) =>
          `ปี ${y}: เอกสารระบุ ${formatNumber(stated[y]!)} บาท · รวมได้ ${formatNumber(parsed[y] ?? 0)} บาท`,
      )
      .join('\n');
  }
  return null;
}

/** One finding as a list item in Thai: what kind, where, and the figures when they are simple. */
export function discrepancyItem(d: DiscrepancyItem): HTMLElement {
  const where = [
    d.dimension !== null ? `มิติที่ ${d.dimension}` : null,
    d.mission ? `ภารกิจ ${d.mission}` : null,
    d.projects.length > 0
      ? `รายการที่ ${d.projects.slice(0, 8).join(', ')}${d.projects.length > 8 ? ' …' : ''}`
      : null,
  ].filter(Boolean);
  const numbers = figures(d);
  return h(
    'li',
    {},
    h('strong', {}, kindText[d.kind] ?? 'ข้อมูลในเอกสารไม่สอดคล้องกัน'),
    where.length > 0 ? h('span', { class: 'muted' }, ` (${where.join(' / ')})`) : null,
    numbers ? h('span', { class: 'figures' }, numbers) : null,
  );
}

/** The findings section, or null when the document is consistent. */
export function discrepancySection(
  items: DiscrepancyItem[],
  title = 'ข้อสังเกตจากเอกสารต้นฉบับ',
): HTMLElement | null {
  if (items.length === 0) return null;
  return h(
    'section',
    { class: 'card notes' },
    h('h2', {}, title),
    h(
      'p',
      { class: 'muted' },
      'ระบบอ่านข้อมูลจากเอกสารแผนที่เผยแพร่ และพบจุดที่ตัวเลขหรือโครงสร้างในเอกสารไม่สอดคล้องกัน ดังนี้',
    ),
    h('ul', {}, items.map(discrepancyItem)),
  );
}
