import { describe, expect, it } from 'vitest';
import { ALL_UNITS, groupUnits, type UnitSource } from '../../../lib/plan-import/unit-groups';
import { abbreviates, cellUnits, ownNamePattern, unitKey } from '../../../lib/plan-import/unit-names';

const chanthaburi = ownNamePattern('เทศบาลเมืองจันทบุรี');
const parts = (cell: string, own = chanthaburi) => {
  const read = cellUnits(cell, own);
  return read.all ? 'all' : read.parts;
};

describe('the units one cell names', () => {
  it.each([
    ['หน่วยงานตรวจสอบภายใน เทศบาลเมืองจันทบุรี', ['หน่วยงานตรวจสอบภายใน']],
    ['หน่วยตรวจสอบภายในเทศบาลเมืองจันทบุรี', ['หน่วยตรวจสอบภายใน']],
    ['กองคลัง ทม.จันทบุรี', ['กองคลัง']],
    ['กองคลัง เทศบาลนครลำปาง', ['กองคลัง เทศบาลนครลำปาง']],
    ['สำนักปลัดเทศบาลฯ', ['สำนักปลัดเทศบาล']],
    ['กองยุทธศาสตร์ และงบประมาณ', ['กองยุทธศาสตร์และงบประมาณ']],
    ['สำนักคลัง สำนักการศึกษา', ['สำนักคลัง', 'สำนักการศึกษา']],
    ['กองคลัง/กองช่าง', ['กองคลัง', 'กองช่าง']],
    ['กองการเจ้าหน้าที่ และสำนักปลัดเทศบาล', ['กองการเจ้าหน้าที่', 'สำนักปลัดเทศบาล']],
    ['สำนักช่าง ร่วมกับ กองการเจ้าหน้าที่', ['สำนักช่าง', 'กองการเจ้าหน้าที่']],
    ['สำนักการศึกษา/ รร.สังกัดเทศบาลฯ', ['สำนักการศึกษา', 'โรงเรียนสังกัดเทศบาล']],
    ['ฝ่ายพัฒนารายได้ กองคลัง', ['กองคลัง']],
    ['งานขออนุญาตอาคาร ฝ่ายควบคุมอาคาร ส่วนควบคุมอาคารและผังเมือง สำนักช่าง', ['สำนักช่าง']],
    ['กองคลัง ฝ่ายพัสดุ', ['กองคลัง']],
    ['งานพัสดุ', ['งานพัสดุ']],
    ['กวช.', ['กวช.']],
    ['ทุกส่วนราชการในเทศบาลเมืองจันทบุรี', 'all'],
    ['ทุกสำนัก/กอง ของเทศบาลเมืองจันทบุรี', 'all'],
    ['-', []],
  ])('%s', (cell, expected) => {
    expect(parts(cell)).toEqual(expected);
  });

  it('leaves names alone without the organisation’s name', () => {
    expect(parts('หน่วยงานตรวจสอบภายใน เทศบาลเมืองจันทบุรี', null)).toEqual([
      'หน่วยงานตรวจสอบภายใน เทศบาลเมืองจันทบุรี',
    ]);
  });
});

describe('keys of unit names', () => {
  it.each([
    ['สำนักการศึกษา', 'สำนักงานการศึกษา', true],
    ['สำนักงานศึกษา', 'สำนักการศึกษา', true],
    ['หน่วยตรวจสอบภายใน', 'หน่วยงานตรวจสอบภายใน', true],
    ['สำนักปลัด', 'สำนักปลัดเทศบาล', true],
    ['สำนักปลัดองค์การบริหารส่วนตำบล', 'สำนักปลัด อบต.', true],
    ['กองยุทธศาสตร์ งบประมาณ', 'กองยุทธศาสตร์และงบประมาณ', true],
    ['สำนักการคลัง', 'สำนักคลัง', true],
    ['กองการศึกษา', 'สำนักการศึกษา', false],
    ['กองคลัง', 'กองช่าง', false],
    ['สำนักปลัดเทศบาล', 'สำนักช่าง', false],
  ])('%s ≈ %s: %s', (a, b, same) => {
    expect(unitKey(a) === unitKey(b)).toBe(same);
  });
});

describe('short forms and the full names they stand for', () => {
  it.each([
    ['กวช.', 'กองวิชาการและแผนงาน', true],
    ['สป.', 'สำนักปลัดเทศบาล', true],
    ['กศ.', 'กองการศึกษา', true],
    ['กสธ.', 'กองสาธารณสุขและสิ่งแวดล้อม', true],
    ['กศ.', 'กองยุทธศาสตร์และงบประมาณ', false],
    ['กวช.', 'กองคลัง', false],
    ['สวัสดิฯ', 'กองสวัสดิการสังคม', true],
    ['สว้สฯ', 'กองสวัสดิการสังคม', true],
    ['ศึกษา', 'สำนักงานการศึกษา', true],
    ['คลัง', 'กองคลัง', true],
    ['คลัง', 'กองวิชาการและแผนงาน', false],
    ['สป.', 'ฝ่ายปกครอง', false],
  ])('%s = %s: %s', (short, full, expected) => {
    expect(abbreviates(short, full)).toBe(expected);
  });
});

const src = (unit: string | null, responsible: string | null = null, unitExpanded: string | null = null) =>
  ({ unit, responsible, unitExpanded }) satisfies UnitSource;

describe('one name per unit across a plan', () => {
  it('merges Chanthaburi’s spellings and keeps joint and all-unit cells apart', () => {
    const names = [
      'สำนักปลัดเทศบาล',
      'สำนักการศึกษา',
      'สำนักงานการศึกษา',
      'สำนักคลัง สำนักการศึกษา',
      'สำนักคลัง',
      'หน่วยตรวจสอบภายใน',
      'หน่วยงานตรวจสอบภายใน เทศบาลเมืองจันทบุรี',
      'ทุกสำนัก/กอง ของเทศบาลเมืองจันทบุรี',
      'ทุกส่วนราชการในเทศบาลเมืองจันทบุรี',
      null,
    ];
    expect(
      groupUnits(
        names.map((n) => src(n)),
        'เทศบาลเมืองจันทบุรี',
      ),
    ).toEqual([
      'สำนักปลัดเทศบาล',
      'สำนักการศึกษา',
      'สำนักการศึกษา',
      'สำนักคลัง / สำนักการศึกษา',
      'สำนักคลัง',
      'หน่วยงานตรวจสอบภายใน',
      'หน่วยงานตรวจสอบภายใน',
      ALL_UNITS,
      ALL_UNITS,
      null,
    ]);
  });

  it('prefers the most used spelling, then the one the detail sections use', () => {
    const groups = groupUnits(
      [
        src('สำนักงานการศึกษา', 'สำนักการศึกษา'),
        src('สำนักการศึกษา', 'สำนักการศึกษา เทศบาลนครลำปาง'),
        src('กองยุทธศาสตร์ งบประมาณ'),
        src('กองยุทธศาสตร์ และงบประมาณ'),
        src('กองยุทธศาสตร์และงบประมาณ'),
      ],
      'เทศบาลนครลำปาง',
    );
    expect(groups).toEqual([
      'สำนักการศึกษา',
      'สำนักการศึกษา',
      'กองยุทธศาสตร์และงบประมาณ',
      'กองยุทธศาสตร์และงบประมาณ',
      'กองยุทธศาสตร์และงบประมาณ',
    ]);
  });

  it('gives one name to a joint cell whichever order it lists its units in', () => {
    const groups = groupUnits([src('กองคลัง/กองช่าง'), src('กองช่าง กองคลัง'), src('กองคลัง')], null);
    expect(groups[0]).toBe(groups[1]);
    expect(groups[0]).toMatch(/^กอง(คลัง|ช่าง) \/ กอง(คลัง|ช่าง)$/);
    expect(groups[2]).toBe('กองคลัง');
  });

  it('spells out short forms from the detail sections (Trang), the majority winning', () => {
    const groups = groupUnits(
      [
        src('กวช.', 'ฝ่ายบริการและเผยแพร่วิชาการ กองวิชาการและแผนงาน'),
        src('กวช.', 'ฝ่ายนิติการ กองวิชาการและแผนงาน เทศบาลนครตรัง'),
        src('กวช.', 'กองคลัง เทศบาลนครตรัง'),
        src('สป.', 'เจ้าหน้าที่รับเรื่องราวร้องทุกข์ สำนักปลัดเทศบาลนครตรัง'),
        src('สป.', 'สำนักปลัดเทศบาล เทศบาลนครตรัง'),
        src('สวัสดิฯ', 'งานพัฒนาชุมชน ฝ่ายพัฒนาชุมชน กองสวัสดิการสังคม'),
        src('สว้สฯ', 'งานพัฒนาชุมชน กองสวัสดิการสังคม เทศบาลนครตรัง'),
        src('ศึกษา', 'งานโรงเรียน สำนักงานการศึกษา'),
        // Its own detail section names another unit: the only full name in the plan it fits is used.
        src('คลัง', 'ฝ่ายบริการและเผยแพร่วิชาการ กองวิชาการและแผนงาน'),
      ],
      'เทศบาลนครตรัง',
    );
    expect(groups).toEqual([
      'กองวิชาการและแผนงาน',
      'กองวิชาการและแผนงาน',
      'กองวิชาการและแผนงาน',
      'สำนักปลัดเทศบาล',
      'สำนักปลัดเทศบาล',
      'กองสวัสดิการสังคม',
      'กองสวัสดิการสังคม',
      'สำนักงานการศึกษา',
      'กองคลัง',
    ]);
  });

  it('uses the document’s definition first, then the standard abbreviations, else the written form', () => {
    const groups = groupUnits(
      [
        src('กศ.', null, 'กองส่งเสริมการศึกษา'),
        src('กค.'),
        src('กช.'),
        src('สป.'),
        src('กสธ.'),
        src('ผอ.'),
        src('คลัง'),
      ],
      'องค์การบริหารส่วนตำบลหนองบัว',
    );
    expect(groups).toEqual([
      'กองส่งเสริมการศึกษา',
      'กองคลัง',
      'กองช่าง',
      'สำนักปลัด',
      'กองสาธารณสุขและสิ่งแวดล้อม',
      'ผอ.',
      'กองคลัง',
    ]);
  });

  it('merges a short form with the same unit written in full', () => {
    expect(
      groupUnits([src('สป.'), src('สำนักปลัด อบต.หนองบัว'), src('สำนักปลัด')], 'องค์การบริหารส่วนตำบลหนองบัว'),
    ).toEqual(['สำนักปลัด', 'สำนักปลัด', 'สำนักปลัด']);
  });

  it('leaves an ambiguous bare word as written', () => {
    expect(groupUnits([src('ศึกษา'), src('กองการศึกษา'), src('สำนักการศึกษา')], null)[0]).toBe('ศึกษา');
  });
});
