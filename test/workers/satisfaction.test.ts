import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../../dev/demo-organizations';
import { decide } from '../../worker/cases/case-machine';
import { noInvolvement } from '../../worker/cases/involvement-policy';
import type { CaseRequest } from '../../worker/cases/case-request';
import { parseRatingPostback } from '../../worker/cases/satisfaction';
import { createDb } from '../../worker/db/client';
import { caseReport } from '../../worker/notices/report-data';
import { fileFormGrievance, staffAct } from './support/case-lifecycle';
import { actionsIn, labelsIn, textOf } from './support/complaint';
import { conversation, platformApi, type SentMessage } from './support/line';
import { enroll, type StaffChat } from './support/staff';

// The result asks the complainant whether it was really fixed and for a 1–5 rating (plans: ≥ 80%
// satisfied); "not fixed" reopens the case to an admin who did not close it.
const org = demoOrganizations[3]!; // lampang
const ORG_ID = 4;
const ORG = { id: ORG_ID, slug: org.slug, name: org.name };
let closer: StaffChat & { staffId: number };
let other: StaffChat & { staffId: number };

async function fileGrievance() {
  const filed = await fileFormGrievance(ORG);
  const chat = conversation(org.slug, { type: 'user', userId: filed.userId });
  // What the bot answered a tap (the pushed result is not part of the answer).
  const tap = async (data: string) => (await chat.postback(data)).filter((m) => m.via === 'reply');
  return { ...filed, chat, tap };
}

const act = (caseId: number, request: CaseRequest) => staffAct(ORG, closer.staffId, caseId, request);

const received = (userId: string) =>
  platformApi<SentMessage[]>(`/_platform/messages?channel=${org.slug}&chat=${userId}`);
const ratings = (caseId: number) =>
  env.DB.prepare('select fixed, score from case_ratings where complaint_id = ?').bind(caseId).all();
const tapIn = (messages: SentMessage[], label: string) => {
  const action = actionsIn(messages).find((a) => a.label === label);
  if (!action) throw new Error(`no "${label}" among ${labelsIn(messages).join(', ')}`);
  return action.data as string;
};

beforeAll(async () => {
  other = await enroll(org.slug, ORG_ID, ['admin']);
  closer = await enroll(org.slug, ORG_ID, ['admin']);
}, 60_000);

describe('satisfaction with the result', () => {
  it('closed as resolved: "fixed", then a rating, each recorded once; the report counts it', async () => {
    const c = await fileGrievance();
    await act(c.id, { action: 'accept' });
    await act(c.id, { action: 'close', outcome: 'resolved', summary: 'เปลี่ยนหลอดไฟแล้ว' });
    const result = (await received(c.userId)).slice(-1);
    expect(textOf(result)).toContain('ปัญหาได้รับการแก้ไขแล้วจริงหรือไม่');
    expect(labelsIn(result)).toEqual(['แก้ไขแล้วจริง', 'ยังไม่ได้แก้ไข']);
    const asked = await c.tap(tapIn(result, 'แก้ไขแล้วจริง'));
    expect(labelsIn(asked)).toEqual(['5 ดีมาก', '4 ดี', '3 พอใช้', '2 ควรปรับปรุง', '1 ไม่พอใจ']);
    const thanks = await c.tap(tapIn(asked, '4 ดี'));
    expect(textOf(thanks)).toContain('ขอบคุณสำหรับคะแนน "4 ดี"');
    const again = await c.tap(tapIn(asked, '1 ไม่พอใจ'));
    expect(textOf(again)).toContain('ให้คะแนนเรื่อง');
    expect((await ratings(c.id)).results).toEqual([{ fixed: 1, score: 4 }]);
    const report = await caseReport(createDb(env.DB), ORG_ID, 'month', Date.now());
    expect(report.satisfaction).toEqual({ rated: 1, satisfied: 1, notFixed: 0 });
  });

  it('"not fixed" reopens the case to another admin, who gets the complainant\'s words', async () => {
    const c = await fileGrievance();
    await act(c.id, { action: 'accept' });
    await act(c.id, { action: 'close', outcome: 'resolved', summary: 'เปลี่ยนหลอดไฟแล้ว' });
    const result = (await received(c.userId)).slice(-1);
    const reopened = await c.tap(tapIn(result, 'ยังไม่ได้แก้ไข'));
    expect(textOf(reopened)).toContain(`เปิดเรื่อง ${c.code} อีกครั้งแล้ว`);
    const row = await env.DB.prepare(
      'select c.status, h.assignee_id, h.outcome from complaints c join case_handling h on h.complaint_id = c.id where c.id = ?',
    )
      .bind(c.id)
      .first();
    expect(row).toEqual({ status: 'awaiting_info', assignee_id: other.staffId, outcome: null });
    expect(textOf(await received(other.userId))).toContain(`ผู้ร้องเรียนแจ้งว่าเรื่อง ${c.code} ยังไม่ได้รับการแก้ไข`);
    await c.chat.say('ไฟยังดับอยู่ทั้งซอย ตั้งแต่เมื่อวาน');
    expect(textOf(await received(other.userId))).toContain('ไฟยังดับอยู่ทั้งซอย ตั้งแต่เมื่อวาน');
    expect(textOf(await received(closer.userId))).not.toContain('ไฟยังดับอยู่ทั้งซอย');
    const twice = await c.tap(tapIn(result, 'ยังไม่ได้แก้ไข'));
    expect(textOf(twice)).toContain('มีการดำเนินการต่อแล้ว');
    expect((await ratings(c.id)).results).toEqual([{ fixed: 0, score: null }]);
    const report = await caseReport(createDb(env.DB), ORG_ID, 'month', Date.now());
    expect(report.satisfaction.notFixed).toBe(1);
  });

  it('other outcomes ask for the rating at once; a forged button records nothing', async () => {
    const c = await fileGrievance();
    await act(c.id, { action: 'accept' });
    await act(c.id, { action: 'close', outcome: 'not_substantiated', summary: 'ตรวจสอบแล้วไฟใช้งานได้ปกติ' });
    const result = (await received(c.userId)).slice(-1);
    expect(labelsIn(result)).toEqual(['5 ดีมาก', '4 ดี', '3 พอใช้', '2 ควรปรับปรุง', '1 ไม่พอใจ']);
    const data = tapIn(result, '2 ควรปรับปรุง');
    const parsed = parseRatingPostback(data)!;
    const forged = data.replace(
      parsed.tag,
      parsed.tag.startsWith('A') ? `B${parsed.tag.slice(1)}` : `A${parsed.tag.slice(1)}`,
    );
    expect(textOf(await c.tap(forged))).toContain('ปุ่มนี้ใช้ไม่ได้แล้ว');
    expect((await ratings(c.id)).results).toEqual([]);
    await c.tap(data);
    expect((await ratings(c.id)).results).toEqual([{ fixed: null, score: 2 }]);
  });
});

describe('rating postbacks and the not-fixed rule (pure)', () => {
  it.each([
    [
      'rate:12:3:AbCdEfGhIjKlMnOp:fixed',
      { caseId: 12, closedVersion: 3, tag: 'AbCdEfGhIjKlMnOp', answer: 'fixed' },
    ],
    ['rate:12:3:AbCdEfGhIjKlMn_-:5', { caseId: 12, closedVersion: 3, tag: 'AbCdEfGhIjKlMn_-', answer: 5 }],
    ['rate:12:3:AbCdEfGhIjKlMnOp:6', null],
    ['rate:0:3:AbCdEfGhIjKlMnOp:fixed', null],
    ['rate:12:3:short:fixed', null],
    ['staff:accept:12', null],
  ])('%s', (data, expected) => {
    expect(parseRatingPostback(data)).toEqual(expected);
  });

  const admin = { id: 9, roles: ['admin'] as const, unitIds: [] };
  const officer = { id: 8, roles: ['officer'] as const, unitIds: [] };
  const base = {
    track: 'grievance' as const,
    status: 'resolved' as const,
    version: 4,
    unitId: 1,
    assigneeId: 8,
    involvement: noInvolvement,
  };
  it.each([
    [
      'resolved grievance, by the resident',
      base,
      'resident',
      admin,
      { ok: true, next: { status: 'awaiting_info', unitId: 1, assigneeId: 9 } },
    ],
    ['by staff', base, officer, admin, { ok: false, refusal: 'no_access' }],
    [
      'rejected, not resolved',
      { ...base, status: 'rejected' as const },
      'resident',
      admin,
      { ok: false, refusal: 'wrong_status' },
    ],
    [
      'still open',
      { ...base, status: 'in_progress' as const },
      'resident',
      admin,
      { ok: false, refusal: 'wrong_status' },
    ],
    [
      'corruption track',
      { ...base, track: 'corruption' as const },
      'resident',
      admin,
      { ok: false, refusal: 'wrong_status' },
    ],
    ['target is no admin', base, 'resident', officer, { ok: false, refusal: 'bad_target' }],
  ] as const)('%s', (_name, state, actor, target, expected) => {
    expect(decide(state, { type: 'not_fixed', admin: target }, actor)).toEqual(expected);
  });
});
