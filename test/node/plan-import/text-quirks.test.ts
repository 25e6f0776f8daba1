import { describe, expect, it } from 'vitest';
import {
  cleanFieldText,
  cleanName,
  normalizeDocument,
  removePlaceholders,
  stripHtml,
  thaiDigitsToArabic,
} from '../../../lib/plan-import/normalize';
import { kindOfName, splitAlternateNames } from '../../../lib/plan-import/names';

describe('Thai digits', () => {
  it.each([
    ['๐๑๒๓๔๕๖๗๘๙', '0123456789'],
    ['ปี ๒๕๖๖', 'ปี 2566'],
    ['๓,๐๐๐,๐๐๐ บาท', '3,000,000 บาท'],
    ['mixed ๑2๓', 'mixed 123'],
  ])('%s → %s', (input, expected) => {
    expect(thaiDigitsToArabic(input)).toBe(expected);
  });
});

describe('HTML fragments', () => {
  it.each([
    ['<p>1) โครงการ ก</p> <p>2) โครงการ ข</p>', ' 1) โครงการ ก   2) โครงการ ข '],
    ['<ul style="list-style-type: disc"><li>ข้อ</li></ul>', '  ข้อ  '],
    ['A&nbsp;&amp;&nbsp;B', 'A & B'],
    ['ค่า < 5 และ > 2', 'ค่า < 5 และ > 2'],
  ])('%s', (input, expected) => {
    expect(stripHtml(input)).toBe(expected);
  });

  it('keeps a cell on its row (tags never become newlines) and drops markdown bold', () => {
    const doc = normalizeDocument('ก\t<p>x</p><p>y</p>\tข\r\n**1. ชื่อโครงการ :** ค');
    expect(doc.split('\n')).toEqual(['ก\t x  y \tข', '1. ชื่อโครงการ : ค']);
  });
});

describe('unfilled template placeholders', () => {
  it.each([
    [
      'โครงการสร้างภูมิคุ้มกันทางสังคมให้เด็กและเยาวชนระบุนี้องค์กรปกครองส่วนท้องถิ่น',
      'โครงการสร้างภูมิคุ้มกันทางสังคมให้เด็กและเยาวชน',
    ],
    ['มาตรการจัดการเรื่องร้องทุกข์/ร้องเรียนของระบุชื่อองค์กร ปกครองส่วนท้องถิ่น', 'มาตรการจัดการเรื่องร้องทุกข์/ร้องเรียน'],
    [
      'ส่งเสริมการมีส่วนร่วมของประชาชนในการบริหารกิจการของระบุ ชื่อองค์กรปกครองส่วนท้องถิ่น',
      'ส่งเสริมการมีส่วนร่วมของประชาชนในการบริหารกิจการ',
    ],
    ['มาตรการป้องกันผลประโยชน์ทับซ้อนของระบุนิติบุคคลปกครองส่วนท้องถิ่น', 'มาตรการป้องกันผลประโยชน์ทับซ้อน'],
    ['เกี่ยวกับการทุจริตของระบบซื้อองค์กรปกครองส่วนท้องถิ่น', 'เกี่ยวกับการทุจริต'],
    [
      'มาตรการ “ส่งเสริมการปฏิบัติงานตามประมวลจริยธรรมของระบุงค์องค์กรปกครองส่วนท้องถิ่น”',
      'มาตรการ “ส่งเสริมการปฏิบัติงานตามประมวลจริยธรรม”',
    ],
    ['กิจการของระบุงู๋องค์กรปกครองส่วนท้องถิ่น', 'กิจการ'],
  ])('%s', (input, expected) => {
    expect(removePlaceholders(input)).toBe(expected);
  });

  it('leaves real text that merely resembles a placeholder', () => {
    const text = 'ความสำคัญต่อระบบการปกครองส่วนท้องถิ่นอย่างยิ่ง';
    expect(removePlaceholders(text)).toBe(text);
  });

  it('drops a field that is only a template instruction', () => {
    expect(cleanFieldText('ระบุหน่วยงานที่รับผิดชอบดำเนินการ')).toBeNull();
    expect(cleanFieldText('สำนักปลัดเทศบาล')).toBe('สำนักปลัดเทศบาล');
  });
});

describe('names', () => {
  it.each([
    ['  โครงการ ก  ข  ', 'โครงการ ก ข'],
    ['...กิจกรรมการจัดการและแจ้งผลข้อร้องเรียน', 'กิจกรรมการจัดการและแจ้งผลข้อร้องเรียน'],
    ['โครงการเสริมสร้างพลเมืองดีวิถีไทย.', 'โครงการเสริมสร้างพลเมืองดีวิถีไทย'],
    ['การส่งเสริมให้ประชาชนมีส่วนร่วมบริหารจัดการกิจการของ อปท.', 'การส่งเสริมให้ประชาชนมีส่วนร่วมบริหารจัดการกิจการของ อปท.'],
    ['กิจกรรมการใช้บัตรคิวในการติดต่อราชการ”', 'กิจกรรมการใช้บัตรคิวในการติดต่อราชการ'],
    ['ผ่านทาง website...facebook', 'ผ่านทาง website facebook'],
  ])('cleanName(%s)', (input, expected) => {
    expect(cleanName(input)).toBe(expected);
  });

  it.each([
    [
      'โครงการโรงเรียนคุณธรรม *(กิจกรรมอบรมเสริมสร้างคุณธรรมนักเรียน)',
      'โครงการโรงเรียนคุณธรรม',
      ['กิจกรรมอบรมเสริมสร้างคุณธรรมนักเรียน'],
    ],
    [
      'มาตรการกระจายอำนาจ *(กิจกรรมลดขั้นตอน (การขออนุญาตก่อสร้าง))',
      'มาตรการกระจายอำนาจ',
      ['กิจกรรมลดขั้นตอน (การขออนุญาตก่อสร้าง)'],
    ],
    ['มาตรการกระจายอำนาจ * กิจกรรมลดขั้นตอน', 'มาตรการกระจายอำนาจ', ['กิจกรรมลดขั้นตอน']],
    ['โครงการ ก *(ข) *(ค)', 'โครงการ ก', ['ข', 'ค']],
    [
      'กิจกรรมการมอบประกาศเกียรติคุณ (ภายใต้โครงการพัฒนาศักยภาพ)',
      'กิจกรรมการมอบประกาศเกียรติคุณ (ภายใต้โครงการพัฒนาศักยภาพ)',
      [],
    ],
  ])('alternate names in %s', (input, name, alternates) => {
    expect(splitAlternateNames(input)).toEqual({ name, alternateNames: alternates });
  });

  it.each([
    ['โครงการจัดเวทีประชาคม', 'project'],
    ['กิจกรรม “วิเคราะห์ผลการจัดซื้อจัดจ้างประจำปี”', 'activity'],
    ['มาตรการ NO Gift Policy', 'measure'],
    ['“มาตรการ ก”', 'measure'],
    ['ส่งเสริมการมีส่วนร่วมของประชาชน', null],
  ])('kind of %s', (name, kind) => {
    expect(kindOfName(name)).toBe(kind);
  });
});
