import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../../dev/demo-organizations';
import type { CaseRequest } from '../../worker/cases/case-request';
import { fileFormGrievance, staffAct } from './support/case-lifecycle';
import { actionsIn, labelsIn, textOf } from './support/complaint';
import { conversation, platformApi, type SentMessage } from './support/line';
import { enroll, type StaffChat } from './support/staff';
import { asUser } from './support/staff-api';

// After a first rating the complainant may add a comment: their next text within 30 minutes, kept once.
const org = demoOrganizations[3]!; // lampang
const ORG = { id: 4, slug: org.slug, name: org.name };
let closer: StaffChat & { staffId: number };

const received = (userId: string) =>
  platformApi<SentMessage[]>(`/_platform/messages?channel=${org.slug}&chat=${userId}`);
const ratingRow = (caseId: number) =>
  env.DB.prepare('select score, comment from case_ratings where complaint_id = ?').bind(caseId).first();
const tapIn = (messages: SentMessage[], label: string) => {
  const action = actionsIn(messages).find((a) => a.label === label);
  if (!action) throw new Error(`no "${label}" among ${labelsIn(messages).join(', ')}`);
  return action.data as string;
};

// A closed grievance (not substantiated: the rating is asked at once), rated 4 by its complainant.
async function rated() {
  const filed = await fileFormGrievance(ORG);
  const act = (request: CaseRequest) => staffAct(ORG, closer.staffId, filed.id, request);
  await act({ action: 'accept' });
  await act({ action: 'close', outcome: 'not_substantiated', summary: 'ตรวจสอบแล้วไฟใช้งานได้ปกติ' });
  const chat = conversation(org.slug, { type: 'user', userId: filed.userId });
  const replies = async (send: Promise<SentMessage[]>) => (await send).filter((m) => m.via === 'reply');
  const result = (await received(filed.userId)).slice(-1);
  const thanks = await replies(chat.postback(tapIn(result, '4 ดี')));
  return {
    ...filed,
    chat,
    thanks,
    say: (text: string) => replies(chat.say(text)),
    tap: (d: string) => replies(chat.postback(d)),
  };
}

beforeAll(async () => {
  closer = await enroll(org.slug, ORG.id, ['admin']);
}, 60_000);

describe('a comment on the rating', () => {
  it('the next text is kept once; a second text is not a comment; staff read it on the case', async () => {
    const c = await rated();
    expect(textOf(c.thanks)).toContain('พิมพ์ความเห็นเพิ่มเติมได้ในข้อความถัดไป หรือแตะ "ไม่มี"');
    expect(labelsIn(c.thanks)).toEqual(['ไม่มี']);
    const kept = await c.say('  เจ้าหน้าที่มาตรวจเร็วมาก ขอบคุณครับ  ');
    expect(textOf(kept)).toContain(`บันทึกความเห็นของท่านเกี่ยวกับเรื่อง ${c.code} แล้ว`);
    expect(await ratingRow(c.id)).toEqual({ score: 4, comment: 'เจ้าหน้าที่มาตรวจเร็วมาก ขอบคุณครับ' });
    const second = await c.say('อีกเรื่องหนึ่งคือไฟซอยข้างๆ ก็ดับ');
    expect(textOf(second)).not.toContain('บันทึกความเห็น');
    expect(await ratingRow(c.id)).toEqual({ score: 4, comment: 'เจ้าหน้าที่มาตรวจเร็วมาก ขอบคุณครับ' });
    // A later "ไม่มี" tap ends nothing and changes nothing.
    expect(textOf(await c.tap(tapIn(c.thanks, 'ไม่มี')))).toContain('รับทราบ');
    expect(await ratingRow(c.id)).toEqual({ score: 4, comment: 'เจ้าหน้าที่มาตรวจเร็วมาก ขอบคุณครับ' });

    const detail = await asUser(org.slug, closer.userId, `/cases/${c.id}`);
    expect(detail.status).toBe(200);
    expect(detail.json.ratingComments).toEqual([
      { score: 4, comment: 'เจ้าหน้าที่มาตรวจเร็วมาก ขอบคุณครับ', at: expect.any(Number) },
    ]);
  });

  it('"ไม่มี" ends the window: the next text is not kept', async () => {
    const c = await rated();
    expect(textOf(await c.tap(tapIn(c.thanks, 'ไม่มี')))).toContain('ขอบคุณที่ให้คะแนน');
    await c.say('สวัสดีครับ');
    expect(await ratingRow(c.id)).toEqual({ score: 4, comment: null });
    const rows = await env.DB.prepare('select count(*) as n from rating_comment_waits where complaint_id = ?')
      .bind(c.id)
      .first();
    expect(rows).toEqual({ n: 0 });
  });

  it('a tracking code or a menu word typed in the window does what it did; the comment can follow', async () => {
    const c = await rated();
    const opened = await c.say(c.code);
    expect(opened.some((m) => m.message.type === 'flex')).toBe(true);
    const menu = await c.say('ติดตามเรื่อง');
    expect(menu.some((m) => m.message.type === 'flex')).toBe(true);
    expect(await ratingRow(c.id)).toEqual({ score: 4, comment: null });
    await c.say('ไฟสว่างดีแล้ว');
    expect(await ratingRow(c.id)).toEqual({ score: 4, comment: 'ไฟสว่างดีแล้ว' });
  });

  it('a comment over 500 characters is refused and the window stays; after 30 minutes it is gone', async () => {
    const c = await rated();
    expect(textOf(await c.say('ก'.repeat(501)))).toContain('ไม่เกิน 500 ตัวอักษร');
    expect(await ratingRow(c.id)).toEqual({ score: 4, comment: null });
    await env.DB.prepare('update rating_comment_waits set expires_at = ? where complaint_id = ?')
      .bind(Date.now() - 1, c.id)
      .run();
    await c.say('ช้าไปหน่อย');
    expect(await ratingRow(c.id)).toEqual({ score: 4, comment: null });
  });
});
