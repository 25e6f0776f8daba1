import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { bangkokDate } from '../../lib/thai-date';
import { periodBounds, previousMonthKey } from '../../worker/notices/report-period';
import { textOf } from './support/complaint';
import { resident } from './support/complaint-steps';
import { fileComplaint } from './support/file-complaint';
import { asUser } from './support/staff-api';
import { demoStaff, useStaff } from './support/roster';
import { setCase } from './support/cases';

const org = useOrg('trang');

const at = (iso: string) => Date.parse(iso);

describe('report periods (Bangkok calendar)', () => {
  it.each([
    ['month', '2026-11-21T10:00:00+07:00', '2026-11-01', '2026-11-21'],
    ['month', '2026-11-30T23:59:00+07:00', '2026-11-01', '2026-11-30'],
    // 1 Dec 00:30 in Bangkok is still 30 Nov in UTC.
    ['month', '2026-12-01T00:30:00+07:00', '2026-12-01', '2026-12-01'],
    ['last_month', '2026-11-21T10:00:00+07:00', '2026-10-01', '2026-10-31'],
    ['last_month', '2027-01-05T10:00:00+07:00', '2026-12-01', '2026-12-31'],
    ['last_month', '2028-03-01T08:30:00+07:00', '2028-02-01', '2028-02-29'],
    ['fiscal_year', '2026-11-21T10:00:00+07:00', '2026-10-01', '2026-11-21'],
    ['fiscal_year', '2026-09-30T10:00:00+07:00', '2025-10-01', '2026-09-30'],
    ['fiscal_year', '2026-10-01T00:10:00+07:00', '2026-10-01', '2026-10-01'],
  ] as const)('%s at %s is %s … %s', (kind, now, from, to) => {
    const b = periodBounds(kind, at(now));
    expect({ from: b.from, to: b.to }).toEqual({ from, to });
    expect(bangkokDate(b.fromMs)).toBe(from);
    expect(bangkokDate(b.fromMs - 1)).not.toBe(from);
    expect(bangkokDate(b.toMs - 1)).toBe(to);
    expect(bangkokDate(b.toMs)).not.toBe(to);
  });

  it('the monthly report key is the month before', () => {
    expect(previousMonthKey(at('2026-12-01T08:30:00+07:00'))).toBe('2026-11');
    expect(previousMonthKey(at('2027-01-01T08:30:00+07:00'))).toBe('2026-12');
  });
});

const { officer, integrity, boss } = useStaff(org, {
  officer: { roles: ['officer', 'admin'], name: 'เจ้าหน้าที่' },
  integrity: demoStaff.integrity,
  boss: demoStaff.executive,
});

const file = async (track: 'grievance' | 'corruption') => (await fileComplaint(org.slug, track)).code;

const setDue = (code: string, column: 'result_due_on' | 'acknowledge_due_on', date: string) =>
  setCase(code, { [column]: date });

describe('the summary report', () => {
  it('counts what was filed, closed, open and late; in the API and in chat', async () => {
    const [a, b, c] = [await file('grievance'), await file('grievance'), await file('grievance')];
    const d = await file('corruption');
    await officer.say(`รับเรื่อง ${a}`);
    await officer.say(`ปิดเรื่อง ${a} แก้ไขแล้ว เปลี่ยนหลอดไฟแล้ว`);
    await officer.say(`รับเรื่อง ${b}`);
    await setDue(b, 'result_due_on', '2026-01-05'); // past its promise
    await setDue(c, 'acknowledge_due_on', '2026-01-02'); // never accepted in time
    await integrity.say(`รับเรื่อง ${d}`);

    const report = await asUser(org.slug, boss.userId, '/report?period=month');
    expect(report.status).toBe(200);
    expect(report.headers.get('cache-control')).toContain('no-store');
    const r = report.json;
    expect(r.received).toEqual({ grievance: 3, corruption: 1 });
    expect(r.closed).toMatchObject({ total: 1, onTime: 1, byOutcome: { resolved: 1, duplicate: 0 } });
    expect(r.open).toMatchObject({ total: 3, corruption: 1, overdue: 1, unacknowledged: 1 });
    expect(r.open.byStatus).toEqual({ accepted: 2, received: 1 });
    expect(r.byCategory).toEqual(
      expect.arrayContaining([
        { name: 'ไฟฟ้าส่องสว่าง', track: 'grievance', count: 3 },
        expect.objectContaining({ track: 'corruption', count: 1 }),
      ]),
    );
    expect(r.byUnit[0]).toMatchObject({ overdue: 1 });
    // Counts only: nothing of a case's content.
    expect(report.text).not.toContain('ไฟถนนหน้าวัด');
    expect(report.text).not.toContain(a);

    // A fiscal year holds this month; last month had none of these.
    const fy = (await asUser(org.slug, integrity.userId, '/report?period=fiscal_year')).json;
    expect(fy.received).toEqual({ grievance: 3, corruption: 1 });
    const last = (await asUser(org.slug, officer.userId, '/report?period=last_month')).json;
    expect(last.received).toEqual({ grievance: 0, corruption: 0 });
    expect(last.open.total).toBe(3);
    expect((await asUser(org.slug, boss.userId, '/report?period=year')).status).toBe(400);

    const card = await boss.say('รายงานสรุป');
    const message = card[0]!.message;
    expect(message.type).toBe('flex');
    expect(message.altText).toBe('รายงานสรุปเรื่องร้องเรียน เดือนนี้');
    const flat = JSON.stringify(message.contents);
    expect(flat).toContain('เกินกำหนดแจ้งผล');
    expect(flat).toContain('100%');
    expect(flat).toContain('/staff/report?period=month');
    expect(message.quickReply.items.map((i: { action: { label: string } }) => i.action.label)).toEqual([
      'เดือนที่แล้ว',
      'ปีงบประมาณนี้',
    ]);
    const lastMonth = await boss.say('รายงานสรุป เดือนที่แล้ว');
    expect(lastMonth[0]!.message.altText).toBe('รายงานสรุปเรื่องร้องเรียน เดือนที่แล้ว');
  });

  it('is for staff only', async () => {
    const r = resident(org.slug);
    expect(textOf(await r.say('รายงานสรุป'))).toContain('เฉพาะเจ้าหน้าที่');
    expect((await asUser(org.slug, r.userId, '/report')).status).toBe(403);
    expect((await asUser('lampang', boss.userId, '/report')).status).toBe(403);
  });
});
