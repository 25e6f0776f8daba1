import { describe, expect, it } from 'vitest';
import { type CategoryName, classifyReport } from '../../worker/complaints/report-classifier';
import { defaultCategories } from '../../worker/orgs/defaults';

const defaults: CategoryName[] = defaultCategories.map(({ track, code, name }) => ({ track, code, name }));

// Phrasings as residents type them in LINE: the problem in their own words, first thing in the chat.
const reports: [string, 'grievance' | 'corruption', string | undefined][] = [
  ['ขยะไม่ได้เก็บมา 1 สัปดาห์แล้ว ซอยสุขุมวิท 5 ส่งกลิ่นเหม็นมาก', 'grievance', 'waste'],
  ['ไฟถนนดับทั้งซอย หน้าวัดมืดมาก', 'grievance', 'lighting'],
  ['ถนนเป็นหลุมเป็นบ่อ รถล้มไปสองคันแล้ว', 'grievance', 'road'],
  ['น้ำประปาไม่ไหลตั้งแต่เมื่อวาน', 'grievance', 'water'],
  ['ท่อระบายน้ำตันหน้าบ้าน ฝนตกทีน้ำท่วมขัง', 'grievance', 'drainage'],
  ['ข้างบ้านเปิดคาราโอเกะเสียงดังทุกคืนจนตีสอง', 'grievance', 'nuisance'],
  ['หมาจรจัดไล่กัดเด็กแถวตลาด', 'grievance', 'nuisance'],
  ['ไปติดต่อขอใบอนุญาตรอนานมาก เจ้าหน้าที่พูดจาไม่สุภาพ', 'grievance', 'service'],
  ['ต้นไม้ล้มขวางทางเข้าหมู่บ้าน ช่วยมาดูหน่อยครับ', 'grievance', undefined],
  ['ทำไมขยะไม่มาเก็บเลยคะ', 'grievance', 'waste'],
  ['เจ้าหน้าที่กองช่างเรียกเงิน 5,000 บาท เพื่อเร่งออกใบอนุญาตก่อสร้าง', 'corruption', 'bribery'],
  ['มีการฮั้วประมูลโครงการถนนคอนกรีตหมู่ 3', 'corruption', 'procurement'],
  ['ต้องจ่ายเงินใต้โต๊ะถึงจะได้ใบอนุญาต', 'corruption', 'bribery'],
  ['ปลัดเอารถหลวงไปใช้ส่วนตัวทุกเสาร์อาทิตย์', 'corruption', 'public_property'],
  ['ผู้รับเหมาทำถนนไม่ตรงตามสัญญา ยางบางมาก', 'corruption', 'procurement'],
  ['สอบบรรจุพนักงานจ้างมีเด็กฝากของนายก', 'corruption', 'personnel'],
  ['นายกเอื้อประโยชน์ให้บริษัทของญาติ', 'corruption', 'abuse_of_power'],
  ['หัวหน้ากองยักยอกเงินค่าเบี้ยยังชีพผู้สูงอายุ', 'corruption', 'other_misconduct'],
  ['ถ้าเจ้าหน้าที่เรียกรับเงินต้องแจ้งที่ไหนครับ', 'corruption', 'bribery'],
  ['ไฟดับ', 'grievance', 'lighting'],
  ['แจ้งท่อตัน', 'grievance', 'drainage'],
];

const notReports = [
  'สวัสดีครับ',
  'ขอบคุณค่ะ',
  'โอเค',
  '555555555',
  'สำนักงานเปิดกี่โมงครับ',
  'แผนปีนี้มีโครงการอะไรบ้าง',
  'ถนนเส้นนี้ใครดูแลครับ?',
  'อยากทราบเบอร์โทรกองช่าง',
  'ทดสอบระบบ',
  'ขยะเยอะ',
];

describe('classifyReport: what a first message outside any conversation seems to be', () => {
  it.each(reports)('"%s" → %s / %s', (text, track, code) => {
    const guess = classifyReport(text, defaults);
    expect(guess).toMatchObject({ isReport: true, track, categoryCode: code });
    expect(guess.corruptionWords.length > 0).toBe(track === 'corruption');
  });

  it.each(notReports)('"%s" is not a report', (text) => {
    expect(classifyReport(text, defaults)).toEqual({ isReport: false, corruptionWords: [] });
  });

  it("matches an organisation's own category by the words of its name, before a default's word", () => {
    const own = [...defaults, { track: 'grievance' as const, code: 'market', name: 'ตลาด/แผงลอย' }];
    expect(classifyReport('แผงลอยตั้งขายบนทางเท้า เดินไม่ได้เลย', own)).toMatchObject({
      track: 'grievance',
      categoryCode: 'market',
    });
  });

  it('suggests no category the organisation retired, but still the track', () => {
    const noLighting = defaults.filter((c) => c.code !== 'lighting');
    expect(classifyReport('ไฟถนนดับทั้งซอย หน้าวัดมืดมาก', noLighting)).toMatchObject({
      isReport: true,
      track: 'grievance',
      categoryCode: undefined,
    });
  });
});
