import { beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../../dev/demo-organizations';
import { newTrackingCode } from '../../worker/complaints/tracking-code';
import { actionsIn, textOf } from './support/complaint';
import { formUser, newKey } from './support/complaint-form';
import { resident } from './support/complaint-steps';
import { enroll, type StaffChat } from './support/staff';
import { bubblesOf, filedInChat, thaiDigits, thaiLayout } from './support/tracking';
import { grievanceReport } from './support/tracking-api';

const org = demoOrganizations[0]!; // chanthaburi
const other = demoOrganizations[1]!; // trang
const ORG_ID = 1;
const REFUSAL = 'ไม่พบเรื่องที่ตรงกับเลขรับเรื่องและรหัส PIN นี้';

let admin: StaffChat & { staffId: number };
let reporter: Awaited<ReturnType<typeof filedInChat>>;
let anonymous: Awaited<ReturnType<typeof filedInChat>>;

beforeAll(async () => {
  admin = await enroll(org.slug, ORG_ID, ['admin'], { name: 'สมศรี ผู้ดูแล' });
  reporter = await filedInChat(org.slug, 'grievance');
  // The same person also filed an anonymous tip: it must never show in their list.
  anonymous = await filedInChat(org.slug, 'corruption', reporter.who);
}, 60_000);

describe('tracking in chat', () => {
  it('lists the person’s own cases as a carousel, without their anonymous report', async () => {
    await admin.say(`รับเรื่อง ${reporter.code}`);
    await admin.say(`แจ้งความคืบหน้า ${reporter.code} ช่างจะเข้าซ่อมไฟพรุ่งนี้เช้า`);
    const reply = await reporter.who.say('ติดตามเรื่อง');
    const bubbles = bubblesOf(reply);
    expect(bubbles).toHaveLength(1);
    const text = textOf(reply);
    expect(text).toContain(reporter.code);
    expect(text).toContain('ไฟฟ้าส่องสว่าง');
    expect(text).toContain('กำลังดำเนินการ');
    expect(text).toContain('ช่างจะเข้าซ่อมไฟพรุ่งนี้เช้า');
    expect(text).toMatch(/แจ้งผลการดำเนินการภายใน \d+ \S+ 25\d\d/);
    expect(text).not.toContain(anonymous.code);
    expect(text).not.toContain('สมศรี');
    const details = actionsIn(reply).find((a) => a.label === 'ดูรายละเอียด');
    expect(details.uri).toContain(`/o/${org.slug}/track/${reporter.code}`);
  });

  it('says how to find a case when the person has none of their own', async () => {
    const stranger = resident(org.slug);
    const reply = await stranger.say('ติดตามเรื่อง');
    expect(bubblesOf(reply)).toHaveLength(0);
    expect(textOf(reply)).toContain('ยังไม่พบเรื่องที่ท่านแจ้งโดยระบุตัวตน');
  });

  it('opens one’s own case from the code typed in many ways', async () => {
    const code = reporter.code;
    const spellings = [
      code,
      code.toLowerCase().replace('-', ''),
      code.replace('-', ' '),
      ` ${code.toLowerCase()} `,
      thaiDigits(code),
      thaiLayout(code),
      `ติดตาม ${code}`,
    ];
    for (const typed of spellings) {
      const reply = await reporter.who.say(typed);
      expect(bubblesOf(reply), typed).toHaveLength(1);
      expect(textOf(reply), typed).toContain(code);
    }
  });

  it('opens an anonymous case only with its PIN, in the next message or with the code', async () => {
    const asked = await reporter.who.say(anonymous.code);
    expect(bubblesOf(asked)).toHaveLength(0);
    expect(textOf(asked)).toContain(`รหัส PIN 6 หลักของเรื่อง ${anonymous.code}`);
    const opened = await reporter.who.say(anonymous.pin);
    expect(textOf(opened)).toContain(anonymous.code);
    expect(textOf(opened)).toContain('สินบน');
    const link = actionsIn(opened).find((a) => a.label === 'ดูรายละเอียด');
    expect(link.uri).toContain(`/o/${org.slug}/track?code=${anonymous.code}`);
    expect(link.uri).not.toContain(anonymous.pin);
    // Anyone holding code and PIN opens it, in one message too.
    const finder = resident(org.slug);
    expect(textOf(await finder.say(`${anonymous.code.toLowerCase()} ${anonymous.pin}`))).toContain('สินบน');
    // A PIN nobody asked for is not understood.
    expect(textOf(await finder.say(anonymous.pin))).toContain('ยังไม่เข้าใจ');
  });

  it('answers a wrong code, another person’s, another organisation’s and a wrong PIN the same', async () => {
    const theirs = await filedInChat(other.slug, 'corruption');
    const wrongPin = anonymous.pin === '000000' ? '111111' : '000000';
    const tries: [string, string][] = [
      [newTrackingCode(), '123456'],
      [reporter.code, '123456'],
      [theirs.code, theirs.pin],
      [anonymous.code, wrongPin],
    ];
    const answers: string[] = [];
    for (const [code, pin] of tries) {
      const guesser = resident(org.slug);
      const asked = await guesser.say(code);
      expect(textOf(asked)).toContain(`รหัส PIN 6 หลักของเรื่อง ${code}`);
      answers.push(textOf(await guesser.say(pin)));
    }
    expect(answers[0]).toContain(REFUSAL);
    expect(new Set(answers).size).toBe(1);
  });
});

describe('an open question', () => {
  it('a tap on "ติดตามเรื่อง" shows the case with its question; the next text is still the answer', async () => {
    const { who, code } = await filedInChat(org.slug, 'grievance');
    await admin.say(`รับเรื่อง ${code}`);
    await admin.say(`ขอข้อมูล ${code} เสาไฟต้นไหนที่ดับ`);
    const list = await who.say('ติดตามเรื่อง');
    expect(textOf(list)).toContain('รอข้อมูลเพิ่มเติมจากท่าน');
    expect(textOf(list)).toContain('เสาไฟต้นไหนที่ดับ');
    expect(textOf(await who.say('ต้นที่สองจากหัวซอย'))).toContain(`ส่งข้อความของท่านถึงเจ้าหน้าที่ผู้รับผิดชอบเรื่อง ${code}`);
  });
});

describe('many cases', () => {
  it('shows the 12 newest open cases first in the carousel and says how many more there are', async () => {
    const form = await formUser(org.slug);
    const codes: string[] = [];
    for (let i = 0; i < 14; i++) codes.push((await form.submit(grievanceReport(newKey()))).json.code);
    const closed = codes[13]!; // the newest, but closed: it goes after every open one
    await admin.say(`ปิดเรื่อง ${closed} แก้ไขแล้ว เปลี่ยนหลอดไฟแล้ว`);
    const reply = await resident(org.slug, form.userId).say('ติดตามเรื่อง');
    const shown = bubblesOf(reply).map((b: { header: unknown }) =>
      textOf([{ message: { header: b.header } }] as never),
    );
    expect(shown).toHaveLength(12);
    expect(shown.map((t: string) => t.replace('เลขรับเรื่อง\n', ''))).toEqual(codes.slice(1, 13).reverse());
    expect(textOf(reply)).toContain('แสดง 12 เรื่องล่าสุด ยังมีอีก 2 เรื่อง');
    expect(textOf(reply)).toContain(`/o/${org.slug}/track`);
  });
});

describe('the guessing limit', () => {
  it('locks a person after 5 wrong PINs, says until when, and still shows them their own cases', async () => {
    const guesser = reporter.who;
    for (let i = 0; i < 4; i++) {
      expect(textOf(await guesser.say(`${newTrackingCode()} 123456`))).toContain(REFUSAL);
    }
    expect(textOf(await guesser.say(`${newTrackingCode()} 123456`))).toMatch(/ลองใหม่ได้หลังเวลา \d\d:\d\d น\./);
    // Locked: even the right PIN is not tried now.
    const locked = await guesser.say(`${anonymous.code} ${anonymous.pin}`);
    expect(textOf(locked)).toContain('เกิน 5 ครั้ง');
    expect(bubblesOf(locked)).toHaveLength(0);
    expect(textOf(await guesser.say(anonymous.code))).toContain('เกิน 5 ครั้ง');
    // Their own cases by account, and their own code, are not locked.
    expect(textOf(await guesser.say('ติดตามเรื่อง'))).toContain(reporter.code);
    expect(bubblesOf(await guesser.say(reporter.code))).toHaveLength(1);
  });

  it('locks a code after 5 wrong PINs from different people, for everyone', async () => {
    const target = await filedInChat(org.slug, 'corruption');
    for (let i = 0; i < 5; i++) await resident(org.slug).say(`${target.code} 00000${i}`);
    const answer = await target.who.say(`${target.code} ${target.pin}`);
    expect(textOf(answer)).toContain('เกิน 5 ครั้ง');
    // The same for a code that does not exist: a lock tells nothing about the code.
    const made = newTrackingCode();
    for (let i = 0; i < 5; i++) await resident(org.slug).say(`${made} 00000${i}`);
    expect(textOf(await resident(org.slug).say(`${made} 123456`))).toContain('เกิน 5 ครั้ง');
  });
});
