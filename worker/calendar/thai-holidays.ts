import type { HolidayRow } from '../../schema/contracts/holiday';

/**
 * Thai government (ราชการ) days off of 2569 and 2570 BE (2026, 2027): the national rows migration
 * 0008_holiday_calendar loads, and the test setup seeds (D1 is emptied before every test file). Later
 * years come from the operator (tools/holidays-load.ts). Each row names where its date comes from; a date
 * not yet confirmed by an announcement says so in its source, so the operator knows what to check.
 * Not here: 1 May (a private-sector holiday, not ราชการ), วันเด็ก (a Saturday observance), and วันพืชมงคล
 * 2570, whose date the Royal Household had not announced when this was written (load it when it is).
 */

// The standing list of annual government holidays, as reported from the Cabinet of 21 May 2019 (19 days).
const STANDING = 'มติคณะรัฐมนตรี 21 พ.ค. 2562 (วันหยุดราชการประจำปี)';
const SUBSTITUTION = 'substitution rule (มติคณะรัฐมนตรี: วันหยุดที่ตรงกับเสาร์หรืออาทิตย์ ให้หยุดชดเชยในวันทำการถัดไป)';
const LUNAR_2569 =
  'ปฏิทินจันทรคติ 2569 (ปีอธิกมาส): ตรงกันใน date-holidays (timeanddate) และ vacanza/holidays, ยังไม่ได้ตรวจกับประกาศสำนักนายกรัฐมนตรี';
const LUNAR_2570 =
  'คำนวณจากปฏิทินจันทรคติ (vacanza/holidays) รอยืนยันกับประกาศสำนักนายกรัฐมนตรี เรื่องวันหยุดราชการประจำปี 2570';

const row = (
  date: string,
  name: string,
  source: string,
  kind: HolidayRow['kind'] = 'holiday',
): HolidayRow => ({
  date,
  name,
  kind,
  source,
});
const substitute = (date: string, of: string) => row(date, `ชดเชย${of}`, SUBSTITUTION, 'substitution');

const year2569: HolidayRow[] = [
  row('2026-01-01', 'วันขึ้นปีใหม่', STANDING),
  row(
    '2026-01-02',
    'วันหยุดราชการเพิ่มเป็นกรณีพิเศษ',
    'มติคณะรัฐมนตรี วันหยุดพิเศษ 2569 (สำนักเลขาธิการคณะรัฐมนตรียืนยัน, ผู้จัดการออนไลน์ 6 พ.ย. 2568)',
    'special',
  ),
  row('2026-03-03', 'วันมาฆบูชา', `${STANDING}, ขึ้น 15 ค่ำ เดือน 4 (ปีอธิกมาส), ยืนยัน: The Thaiger 24 ก.พ. 2569`),
  row('2026-04-06', 'วันจักรี', STANDING),
  row('2026-04-13', 'วันสงกรานต์', STANDING),
  row('2026-04-14', 'วันสงกรานต์', STANDING),
  row('2026-04-15', 'วันสงกรานต์', STANDING),
  row('2026-05-04', 'วันฉัตรมงคล', STANDING),
  row(
    '2026-05-13',
    'วันพืชมงคล',
    'วันหยุดราชการ (ไม่ใช่วันหยุดธนาคาร), วันที่ตามสำนักพระราชวังกำหนด: ตาม vacanza/holidays และ thai_holidays, ยังไม่ได้ตรวจกับประกาศ',
  ),
  row('2026-05-31', 'วันวิสาขบูชา', LUNAR_2569),
  substitute('2026-06-01', 'วันวิสาขบูชา'),
  row('2026-06-03', 'วันเฉลิมพระชนมพรรษาสมเด็จพระราชินี', STANDING),
  row('2026-07-28', 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว', STANDING),
  row('2026-07-29', 'วันอาสาฬหบูชา', LUNAR_2569),
  row('2026-07-30', 'วันเข้าพรรษา', LUNAR_2569),
  row('2026-08-12', 'วันแม่แห่งชาติ', STANDING),
  row('2026-10-13', 'วันนวมินทรมหาราช', STANDING),
  row('2026-10-23', 'วันปิยมหาราช', STANDING),
  row('2026-12-05', 'วันพ่อแห่งชาติ', STANDING),
  substitute('2026-12-07', 'วันพ่อแห่งชาติ'),
  row('2026-12-10', 'วันรัฐธรรมนูญ', STANDING),
  row('2026-12-31', 'วันสิ้นปี', STANDING),
];

const year2570: HolidayRow[] = [
  row('2027-01-01', 'วันขึ้นปีใหม่', STANDING),
  row('2027-02-21', 'วันมาฆบูชา', LUNAR_2570),
  substitute('2027-02-22', 'วันมาฆบูชา'),
  row('2027-04-06', 'วันจักรี', STANDING),
  row('2027-04-13', 'วันสงกรานต์', STANDING),
  row('2027-04-14', 'วันสงกรานต์', STANDING),
  row('2027-04-15', 'วันสงกรานต์', STANDING),
  row('2027-05-04', 'วันฉัตรมงคล', STANDING),
  row('2027-05-20', 'วันวิสาขบูชา', LUNAR_2570),
  row('2027-06-03', 'วันเฉลิมพระชนมพรรษาสมเด็จพระราชินี', STANDING),
  row('2027-07-18', 'วันอาสาฬหบูชา', LUNAR_2570),
  row('2027-07-19', 'วันเข้าพรรษา', LUNAR_2570),
  // Asalha Bucha falls on a Sunday and the Monday is already Khao Phansa: the next working day is Tuesday.
  substitute('2027-07-20', 'วันอาสาฬหบูชา'),
  row('2027-07-28', 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว', STANDING),
  row('2027-08-12', 'วันแม่แห่งชาติ', STANDING),
  row('2027-10-13', 'วันนวมินทรมหาราช', STANDING),
  row('2027-10-23', 'วันปิยมหาราช', STANDING),
  substitute('2027-10-25', 'วันปิยมหาราช'),
  row('2027-12-05', 'วันพ่อแห่งชาติ', STANDING),
  substitute('2027-12-06', 'วันพ่อแห่งชาติ'),
  row('2027-12-10', 'วันรัฐธรรมนูญ', STANDING),
  row('2027-12-31', 'วันสิ้นปี', STANDING),
];

/** The national calendar of 2569–2570 BE, in date order. */
export const nationalHolidays: readonly HolidayRow[] = [...year2569, ...year2570];
