import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingSubstitutions, parseHolidayCsv, splitCsv } from '../../tools/holidays-load/csv';
import { queryD1, runWrangler } from '../../tools/plan-load/wrangler';
import { nationalHolidays } from '../../worker/calendar/thai-holidays';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

const csv2571 = [
  'date,name,kind,source',
  '2028-01-01,วันขึ้นปีใหม่,holiday,"มติคณะรัฐมนตรี 21 พ.ค. 2562 (วันหยุดราชการประจำปี)"',
  '2028-01-03,ชดเชยวันขึ้นปีใหม่,substitution,substitution rule',
  '2028-04-13,วันสงกรานต์,holiday,"มติคณะรัฐมนตรี, ทดสอบ ""เครื่องหมายคำพูด"""',
].join('\r\n');

describe('the holiday CSV', () => {
  it('reads quoted fields with commas, doubled quotes, a byte order mark and CRLF line ends', () => {
    expect(splitCsv('\uFEFFa,"b, c","d ""e"""\r\n\r\nf,g,h\n').map((r) => r.fields)).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['f', 'g', 'h'],
    ]);
    expect(parseHolidayCsv(csv2571)).toEqual([
      {
        date: '2028-01-01',
        name: 'วันขึ้นปีใหม่',
        kind: 'holiday',
        source: 'มติคณะรัฐมนตรี 21 พ.ค. 2562 (วันหยุดราชการประจำปี)',
      },
      { date: '2028-01-03', name: 'ชดเชยวันขึ้นปีใหม่', kind: 'substitution', source: 'substitution rule' },
      {
        date: '2028-04-13',
        name: 'วันสงกรานต์',
        kind: 'holiday',
        source: 'มติคณะรัฐมนตรี, ทดสอบ "เครื่องหมายคำพูด"',
      },
    ]);
  });

  it('takes the columns in any order', () => {
    expect(parseHolidayCsv('kind,source,date,name\nspecial,มติคณะรัฐมนตรี,2028-05-05,วันหยุดพิเศษ')).toEqual([
      { date: '2028-05-05', name: 'วันหยุดพิเศษ', kind: 'special', source: 'มติคณะรัฐมนตรี' },
    ]);
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a wrong header', 'day,name,kind,source\n', 'missing column(s): date; unknown column(s): day'],
    ['no rows', 'date,name,kind,source\n', 'no holidays'],
    [
      'a Buddhist Era year',
      'date,name,kind,source\n2571-01-01,ปีใหม่,holiday,มติ ครม.',
      'line 2: the year looks like a Buddhist Era year',
    ],
    [
      'a Thai date',
      'date,name,kind,source\n1/1/2571,ปีใหม่,holiday,มติ ครม.',
      'line 2: date must be YYYY-MM-DD',
    ],
    [
      '30 February',
      'date,name,kind,source\n2028-02-30,x y,holiday,มติ ครม.',
      'line 2: not a real calendar date',
    ],
    [
      'an unknown kind',
      'date,name,kind,source\n2028-01-01,ปีใหม่,bridge,มติ ครม.',
      'line 2: kind must be one of',
    ],
    ['no source', 'date,name,kind,source\n2028-01-01,ปีใหม่,holiday,', 'line 2: source is required'],
    [
      'a missing field',
      'date,name,kind,source\n2028-01-01,ปีใหม่,holiday',
      'line 2: expected 4 fields, found 3',
    ],
    ['a date twice', `${csv2571}\n2028-01-01,ซ้ำ,special,มติ ครม.`, 'line 5: 2028-01-01 is already on line 2'],
    [
      'an open quote',
      'date,name,kind,source\n2028-01-01,"ปีใหม่,holiday,x',
      'line 2: a quoted field is not closed',
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseHolidayCsv(text)).toThrow(message);
  });

  it('warns of a weekend holiday without its substitution day', () => {
    // 2028-01-01 is a Saturday; 2028-10-23 a Monday; 2028-12-05 a Tuesday.
    expect(missingSubstitutions(parseHolidayCsv(csv2571))).toEqual([]);
    const rows = parseHolidayCsv(
      'date,name,kind,source\n2028-01-01,วันขึ้นปีใหม่,holiday,มติ ครม.\n2028-10-23,วันปิยมหาราช,holiday,มติ ครม.',
    );
    expect(missingSubstitutions(rows)).toEqual([
      { date: '2028-01-01', name: 'วันขึ้นปีใหม่', expected: '2028-01-03' },
    ]);
    expect(missingSubstitutions(nationalHolidays)).toEqual([]);
  });
});

// Each step runs wrangler (~2.5 s of CPU each): hang guard sized for a starved CPU.
describe('tools/holidays-load.ts against a local D1', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'holidays-load-test-'));
  const persist = path.join(dir, 'd1');
  const target = ['DB', '--local', '--persist-to', persist];
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const load = (...args: string[]) =>
    run(
      path.join(root, 'node_modules/.bin/tsx'),
      ['tools/holidays-load.ts', '--persist-to', persist, ...args],
      {
        cwd: root,
      },
    );
  const rows = (where = '1 = 1') =>
    queryD1<{ date: string; org_id: number | null; name: string; kind: string; source: string }>(
      root,
      target,
      `select date, org_id, name, kind, source from holidays where ${where} order by org_id, date`,
    );

  beforeAll(async () => {
    await runWrangler(root, ['d1', 'migrations', 'apply', ...target]);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migration 0008 holds exactly the national calendar of worker/calendar/thai-holidays.ts', async () => {
    expect(await rows()).toEqual(nationalHolidays.map((h) => ({ ...h, org_id: null })));
  });

  it('loads a year, and loading it again (corrected) updates in place', async () => {
    const first = await load('--file', file('holidays-2571.csv', csv2571));
    expect(first.stdout).toContain('Loaded 3 day(s) off of 2571 BE nationally.');
    await load('--file', file('corrected.csv', csv2571.replace('ชดเชยวันขึ้นปีใหม่', 'วันหยุดชดเชยวันขึ้นปีใหม่')));
    expect(await rows("date like '2028-%'")).toEqual([
      expect.objectContaining({ date: '2028-01-01', org_id: null, kind: 'holiday' }),
      expect.objectContaining({ date: '2028-01-03', name: 'วันหยุดชดเชยวันขึ้นปีใหม่', kind: 'substitution' }),
      expect.objectContaining({ date: '2028-04-13', source: 'มติคณะรัฐมนตรี, ทดสอบ "เครื่องหมายคำพูด"' }),
    ]);
  }, 120_000);

  it("loads an organisation's own days for that organisation only", async () => {
    await queryD1(
      root,
      target,
      "insert into organizations (slug, name, kind, province) values ('ban-nong', 'อบต.บ้านหนอง', 'sao', 'ขอนแก่น')",
    );
    const own = 'date,name,kind,source\n2028-01-01,วันก่อตั้ง อบต.,special,คำสั่ง อบต.บ้านหนอง ที่ 1/2571';
    await load('--file', file('own.csv', own), '--org', 'ban-nong');
    expect(await rows("date = '2028-01-01'")).toEqual([
      expect.objectContaining({ org_id: null, name: 'วันขึ้นปีใหม่' }),
      expect.objectContaining({ org_id: 1, name: 'วันก่อตั้ง อบต.', kind: 'special' }),
    ]);
    await expect(load('--file', file('own2.csv', own), '--org', 'nowhere')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no organisation with slug "nowhere"'),
    });
  }, 120_000);

  it('refuses an invalid file with exit code 2, saying which lines, and writes nothing', async () => {
    const before = await rows();
    const bad = `${csv2571}\n2028-13-01,เดือนผิด,holiday,มติ ครม.\n2028-06-01,,special,มติ ครม.`;
    await expect(load('--file', file('bad.csv', bad))).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/line 5: not a real calendar date[\s\S]*line 6: name is required/),
    });
    await expect(load('--file', path.join(dir, 'missing.csv'))).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cannot read'),
    });
    await expect(load()).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--file is required'),
    });
    expect(await rows()).toEqual(before);
  }, 120_000);
});
