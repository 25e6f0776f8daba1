import type { ComplaintTrack } from '../../schema/contracts/complaint';
import type { OrganizationInput, Statement } from './provision';
import { holidayUpsertStatements } from '../calendar/holiday-statements';
import { nationalHolidays } from '../calendar/thai-holidays';

/**
 * Default units and complaint categories of a new organisation, as plain statements (like
 * provisionStatements) so tests, the demo seed and operator commands share one path. `on conflict do
 * nothing`: re-running never overwrites what an organisation has changed since.
 */

interface UnitDefault {
  code: string;
  name: (kind: OrganizationInput['kind']) => string;
  handlesIntegrity?: boolean;
}

const clerkOffice = (kind: OrganizationInput['kind']) => (kind === 'sao' ? 'สำนักปลัด' : 'สำนักปลัดเทศบาล');

export const defaultUnits: UnitDefault[] = [
  {
    code: 'integrity',
    name: (kind) => `ศูนย์ปฏิบัติการต่อต้านการทุจริต (${clerkOffice(kind)})`,
    handlesIntegrity: true,
  },
  { code: 'clerk', name: clerkOffice },
  { code: 'finance', name: () => 'กองคลัง' },
  { code: 'engineering', name: () => 'กองช่าง' },
  { code: 'health', name: () => 'กองสาธารณสุขและสิ่งแวดล้อม' },
  { code: 'education', name: () => 'กองการศึกษา' },
  { code: 'welfare', name: () => 'กองสวัสดิการสังคม' },
];

interface CategoryDefault {
  track: ComplaintTrack;
  code: string;
  /** A button label: at most 20 characters. */
  name: string;
  description: string;
  unit: string;
}

export const defaultCategories: CategoryDefault[] = [
  {
    track: 'corruption',
    code: 'bribery',
    name: 'สินบน/เรียกรับเงิน',
    description: 'เรียกรับสินบนหรือผลประโยชน์ เรียกเก็บเงินโดยมิชอบ หรือข่มขู่เพื่อเอาทรัพย์สิน',
    unit: 'integrity',
  },
  {
    track: 'corruption',
    code: 'procurement',
    name: 'จัดซื้อจัดจ้าง',
    description: 'การจัดซื้อจัดจ้างไม่โปร่งใส ล็อกสเปก ฮั้วประมูล หรืองานไม่ตรงตามสัญญา',
    unit: 'integrity',
  },
  {
    track: 'corruption',
    code: 'abuse_of_power',
    name: 'ใช้อำนาจโดยมิชอบ',
    description: 'ใช้ตำแหน่งหน้าที่เอื้อประโยชน์ตนเองหรือพวกพ้อง หรือละเว้นการปฏิบัติหน้าที่',
    unit: 'integrity',
  },
  {
    track: 'corruption',
    code: 'personnel',
    name: 'การบริหารงานบุคคล',
    description: 'การบรรจุ แต่งตั้ง โยกย้าย หรือเลื่อนตำแหน่งที่ไม่เป็นธรรม',
    unit: 'integrity',
  },
  {
    track: 'corruption',
    code: 'public_property',
    name: 'ใช้ทรัพย์สินราชการ',
    description: 'นำรถ เครื่องมือ หรือทรัพย์สินของทางราชการไปใช้ประโยชน์ส่วนตัว',
    unit: 'integrity',
  },
  {
    track: 'corruption',
    code: 'other_misconduct',
    name: 'ประพฤติมิชอบอื่น ๆ',
    description: 'การทุจริตหรือประพฤติมิชอบเรื่องอื่น',
    unit: 'integrity',
  },
  {
    track: 'grievance',
    code: 'road',
    name: 'ถนน/ทางเท้า',
    description: 'ถนนชำรุด หลุมบ่อ ทางเท้า',
    unit: 'engineering',
  },
  {
    track: 'grievance',
    code: 'lighting',
    name: 'ไฟฟ้าส่องสว่าง',
    description: 'ไฟถนนดับ ไฟสาธารณะชำรุด',
    unit: 'engineering',
  },
  {
    track: 'grievance',
    code: 'waste',
    name: 'ขยะ/ความสะอาด',
    description: 'ขยะไม่ได้เก็บ ที่สาธารณะสกปรก',
    unit: 'health',
  },
  {
    track: 'grievance',
    code: 'water',
    name: 'น้ำประปา',
    description: 'น้ำไม่ไหล น้ำขุ่น ท่อประปารั่ว',
    unit: 'engineering',
  },
  {
    track: 'grievance',
    code: 'drainage',
    name: 'ท่อระบายน้ำ/น้ำท่วม',
    description: 'ท่ออุดตัน น้ำท่วมขัง',
    unit: 'engineering',
  },
  {
    track: 'grievance',
    code: 'nuisance',
    name: 'เสียงดัง/เหตุรำคาญ',
    description: 'เสียงดัง กลิ่น ควัน หรือเหตุรำคาญอื่น',
    unit: 'health',
  },
  {
    track: 'grievance',
    code: 'service',
    name: 'งานบริการประชาชน',
    description: 'การให้บริการของหน่วยงานและเจ้าหน้าที่',
    unit: 'clerk',
  },
  { track: 'grievance', code: 'other', name: 'เรื่องอื่น ๆ', description: 'เรื่องร้องทุกข์อื่น', unit: 'clerk' },
];

/** Statements that give an organisation the default units and categories (idempotent). */
export function complaintDefaultStatements(
  org: Pick<OrganizationInput, 'id' | 'kind'>,
  now: number,
): Statement[] {
  const units = defaultUnits.map((unit) => ({
    sql: `insert into units (org_id, code, name, handles_integrity, created_at) values (?, ?, ?, ?, ?)
      on conflict (org_id, code) do nothing`,
    params: [org.id, unit.code, unit.name(org.kind), unit.handlesIntegrity ? 1 : 0, now],
  }));
  const categories = defaultCategories.map((category, sort) => ({
    sql: `insert into complaint_categories (org_id, track, code, name, description, unit_id, sort, active)
      values (?, ?, ?, ?, ?, (select id from units where org_id = ? and code = ?), ?, 1)
      on conflict (org_id, code) do nothing`,
    params: [
      org.id,
      category.track,
      category.code,
      category.name,
      category.description,
      org.id,
      category.unit,
      sort,
    ],
  }));
  return [...units, ...categories];
}

/**
 * Statements that add the national holiday calendar of 2569–2570 BE (idempotent): the same rows as
 * migration 0008, for the demo seed and the test setup, which empties D1 after migrating.
 */
export function holidayStatements(): Statement[] {
  return holidayUpsertStatements(nationalHolidays);
}
