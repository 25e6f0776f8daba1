/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { imageEvent, person, textOf } from './support/complaint';
import { photo } from './support/complaint-steps';
import { conversation, newUserId, platformApi, type SentMessage } from './support/line';
import { buttonData, deskGroup, lastSeq, type StaffChat } from './support/staff';
import { asUser } from './support/staff-api';
import { confirmComplaint } from './support/file-complaint';
import { enrollStaff, type Member } from './support/roster';
import { appTables, tableJson } from './support/db';
import { captureConsole } from './support/console';
import { env } from 'cloudflare:workers';
import { eraseExpiredCases } from '../../worker/cases/retention';
import { deliverDueComplainantNotices } from '../../worker/cron/scheduled';
import { createDb } from '../../worker/db/client';
import { callWorker, testEnv } from './support/worker';
import { bearer, mintIdToken } from './support/liff';
import { demoPlans, loadPlan } from './support/plans';
import { defaultPlanKey } from '../../worker/plans/load-statements';

const org = useOrg('chanthaburi');
const NAME = 'สมศักดิ์ กล้าแจ้ง';
const PHONE = '0861234567';
const GENERAL_PHONE = '0899991111';
const reporters = { confidential: newUserId(), anonymous: newUserId(), general: newUserId() };
const secrets = [...Object.values(reporters), NAME, PHONE, '086-123-4567', GENERAL_PHONE];
const leaks = (text: string) => secrets.filter((s) => text.includes(s));

const consoleLines = captureConsole();
const apiAnswers: string[] = [];
// The one deliberate exception, kept out of apiAnswers and checked on its own.
let reveal: Awaited<ReturnType<typeof asUser>> | undefined;
let startSeq = 0;

beforeAll(async () => {
  startSeq = await lastSeq(org.slug);
});

const chat = (userId: string) => person(conversation(org.slug, { type: 'user', userId }));
const press = (p: StaffChat, data: string) => p.send([{ type: 'postback', postback: { data } }]);
async function api(m: Member, path: string, body?: unknown) {
  const answer = await asUser(org.slug, m.userId, path, body === undefined ? {} : { body });
  apiAnswers.push(answer.text);
  return answer;
}

describe('privacy of reporters through staff handling (both tracks, relay both ways)', () => {
  it('runs a whole handling scenario', async () => {
    const { admin, officer, integrity, executive } = await enrollStaff(org, {
      admin: 'admin',
      officer: { roles: ['officer'], unit: 'engineering' },
      integrity: 'integrity',
      executive: 'executive',
    });
    await deskGroup(org.slug, admin, [admin.userId, officer.userId], 5);

    const c = chat(reporters.confidential);
    await c.say('ร้องเรียนการทุจริต');
    await c.tap('สินบน/เรียกรับเงิน');
    await c.say('นายช่างเรียกเงินค่าอนุมัติแบบบ้าน 5,000 บาท ผู้แจ้งเห็นเอง');
    await c.tap('ข้าม');
    await c.tap('ไม่มีหลักฐาน');
    await c.say('นายช่างโยธา');
    await c.tap('แจ้งชื่อแบบลับ');
    await c.say(NAME);
    await c.say('086-123-4567');
    const confidentialCode = await confirmComplaint(c);

    const a = chat(reporters.anonymous);
    await a.say('ร้องเรียนการทุจริต');
    await a.tap('จัดซื้อจัดจ้าง');
    await a.say('ประมูลซ่อมถนนล็อกสเปกให้บริษัทเดียว');
    await a.tap('ข้าม');
    await a.tap('ไม่มีหลักฐาน');
    await a.tap('ไม่ทราบ');
    await a.tap('ไม่เปิดเผยตัวตน');
    const anonymousCode = await confirmComplaint(a);

    const g = chat(reporters.general);
    await g.say('ร้องทุกข์ทั่วไป');
    await g.tap('ไฟฟ้าส่องสว่าง');
    await g.say('ไฟถนนซอย 5 ดับมาสามวันแล้ว');
    await g.tap('ข้าม');
    await g.tap('ไม่มีหลักฐาน');
    await g.tap('ขอให้โทรกลับ');
    await g.say(GENERAL_PHONE);
    const generalCode = await confirmComplaint(g);

    // Corruption, in chat: accept, ask, the reporter answers, update, close.
    for (const [code, reporter] of [
      [confidentialCode, c],
      [anonymousCode, a],
    ] as const) {
      let last = await integrity.say(`เรื่อง ${code}`);
      last = await press(integrity, buttonData(last, 'รับเรื่อง'));
      last = await press(integrity, buttonData(last, 'ขอข้อมูลเพิ่ม'));
      await integrity.say('ขอทราบวันเวลาที่เกิดเหตุ');
      // A photo first (attached to the case, announced to the officer), then the text answer.
      await reporter.send([imageEvent(photo)]);
      await reporter.say('ต้นเดือนที่แล้ว ช่วงบ่าย');
      await integrity.say(`แจ้งความคืบหน้า ${code} อยู่ระหว่างตรวจสอบข้อเท็จจริง`);
      await integrity.say(`ปิดเรื่อง ${code} ไม่มีมูล ตรวจสอบแล้วไม่พบการกระทำผิด`);
    }
    // The grievance, through the API: accept, ask; the reporter answers; update and close.
    const list = await api(officer, '/cases');
    const id = list.json.items.find((i: { code: string }) => i.code === generalCode).id;
    let v = (await api(officer, `/cases/${id}`)).json.case.version;
    v = (await api(officer, `/cases/${id}/actions`, { action: 'accept', version: v })).json.case.version;
    v = (await api(officer, `/cases/${id}/actions`, { action: 'ask_info', version: v, message: 'ดับกี่ต้น' }))
      .json.case.version;
    await g.say('ดับ 4 ต้น');
    v = (await api(officer, `/cases/${id}`)).json.case.version;
    v = (
      await api(officer, `/cases/${id}/actions`, { action: 'update', version: v, message: 'ช่างเข้าซ่อมแล้ว' })
    ).json.case.version;
    await api(officer, `/cases/${id}/actions`, {
      action: 'close',
      version: v,
      outcome: 'resolved',
      summary: 'ซ่อมครบ 4 ต้น',
    });

    // An integrity officer reads the confidential reporter's contact (the exception); the anonymous
    // reporter has none, and the refusal is an ordinary answer that must not leak.
    const corruption = (await api(integrity, '/cases?track=corruption')).json.items as {
      id: number;
      code: string;
    }[];
    const idOf = (code: string) => corruption.find((i) => i.code === code)!.id;
    const reason = { reason: 'ต้องการสอบถามข้อเท็จจริงเพิ่มเติมจากผู้แจ้ง' };
    reveal = await asUser(org.slug, integrity.userId, `/cases/${idOf(confidentialCode)}/reporter-contact`, {
      body: reason,
    });
    expect((await api(integrity, `/cases/${idOf(anonymousCode)}/reporter-contact`, reason)).status).toBe(404);
    for (const m of [admin, executive]) {
      const refused = await api(m, `/cases/${idOf(confidentialCode)}/reporter-contact`, reason);
      expect(refused.status).toBe(403);
    }

    // The paths added for the protected track: the check-in weeks after a tip (to the reporters only),
    // the residents' own-data view, the tip patterns, and the erasure of the grievance past its period.
    await deliverDueComplainantNotices(testEnv, Date.now() + 29 * 24 * 60 * 60 * 1000);
    for (const userId of [reporters.confidential, reporters.anonymous]) {
      const sent = await platformApi<SentMessage[]>(`/_platform/messages?channel=${org.slug}&chat=${userId}`);
      expect(textOf(sent)).toContain('ถูกกลั่นแกล้ง');
    }
    for (const r of [c, a, g]) expect(textOf(await r.say('ข้อมูลของฉัน'))).toContain('ข้อมูลของท่าน');
    // Each reporter's export is their own: the name and phone they gave themselves (their right of
    // access), never another reporter's, never a LINE id, no anonymous case.
    const ownIdentity: Record<keyof typeof reporters, string[]> = {
      confidential: [NAME, PHONE],
      anonymous: [],
      general: [GENERAL_PHONE],
    };
    for (const [r, userId] of Object.entries(reporters) as [keyof typeof reporters, string][]) {
      const token = await mintIdToken({ channel: org.slug, userId });
      const own = await (
        await callWorker(`/api/orgs/${org.slug}/track/my-data/export`, { headers: bearer(token) })
      ).text();
      expect(leaks(own), r).toEqual(ownIdentity[r]);
      expect(own).not.toContain(anonymousCode);
    }
    // The plan project of both tips, set by the integrity officer, then counted in the tip patterns.
    await loadPlan(demoPlans().chanthaburi!, { orgSlug: org.slug });
    const planKey = defaultPlanKey(demoPlans().chanthaburi!);
    for (const code of [confidentialCode, anonymousCode]) {
      const linked = await asUser(org.slug, integrity.userId, `/cases/${idOf(code)}/plan-project`, {
        method: 'PUT',
        body: { project: { plan: planKey, sequence: 1 } },
      });
      apiAnswers.push(linked.text);
      expect(linked.status).toBe(200);
    }
    const patterns = await api(integrity, '/report/tip-patterns');
    expect(patterns.json.items).toContainEqual(expect.objectContaining({ kind: 'project', count: 2 }));
    await env.DB.prepare('update complaints set erase_after = ? where id = ?')
      .bind(Date.now() - 1, id)
      .run();
    expect(await eraseExpiredCases(createDb(env.DB), env.EVIDENCE, Date.now())).toBe(1);

    // Everything staff can open (after the reveal: its audit rows too).
    for (const m of [admin, officer, integrity, executive]) {
      const page = await api(m, '/cases');
      for (const item of page.json.items) await api(m, `/cases/${item.id}`);
      await api(m, '/members/me');
    }
    await api(admin, '/members');
    await api(admin, '/settings');
    await api(admin, '/settings/audit');
    expect(apiAnswers.join('\n')).toContain('ต้นเดือนที่แล้ว ช่วงบ่าย');
    // The photos relayed while the corruption cases awaited information are on them.
    expect(apiAnswers.join('\n')).toContain('evidence_added');
  }, 60_000);

  it('no staff-facing API answer carries a reporter identity', () => {
    expect(apiAnswers.length).toBeGreaterThan(15);
    expect(leaks(apiAnswers.join('\n'))).toEqual([]);
  });

  it("except the integrity officer's deliberate reveal: the confidential name and phone, never a LINE id", () => {
    expect(reveal?.status).toBe(200);
    expect(reveal?.json).toEqual({ name: NAME, phone: PHONE });
    expect(leaks(reveal!.text).sort()).toEqual([NAME, PHONE].sort());
    expect(reveal?.headers.get('cache-control')).toContain('no-store');
  });

  it('no message or request to anyone but the reporter carries it (and the reporters got the questions)', async () => {
    const own = new Set(Object.values(reporters));
    const messages = await platformApi<SentMessage[]>(
      `/_platform/messages?channel=${org.slug}&since=${startSeq}`,
    );
    expect(leaks(JSON.stringify(messages.filter((m) => !own.has(m.chatId))))).toEqual([]);
    const requests = await platformApi<{ chatIds: string[] }[]>(
      `/_platform/requests?channel=${org.slug}&since=${startSeq}`,
    );
    expect(leaks(JSON.stringify(requests.filter((r) => !r.chatIds.some((id) => own.has(id)))))).toEqual([]);
    for (const id of Object.values(reporters)) {
      const got = textOf(messages.filter((m) => m.chatId === id));
      expect(got).toMatch(/ขอทราบวันเวลาที่เกิดเหตุ|ดับกี่ต้น/);
      expect(got).toContain('ผลการดำเนินการ');
    }
  });

  it('no console line and no table but the vault carries it', async () => {
    expect(leaks(consoleLines.join('\n'))).toEqual([]);
    for (const name of (await appTables()).filter((n) => n !== 'identity_vault')) {
      expect(leaks(await tableJson(name)), name).toEqual([]);
    }
  });

  it("only the notifier, the integrity officers' contact view and the reporter's own export open the vault (and the intake writes it)", () => {
    const sources = import.meta.glob(['../../worker/**/*.ts', '../../schema/**/*.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    // The table by SQL or drizzle name, the seal context, or the one opener (worker/complaints/vault.ts).
    const readers = Object.entries(sources)
      .filter(([, text]) => /vaultContext\(|identity_vault|identityVault\b|openVaultEntry\(/.test(text))
      .map(([path]) => path.replace('../../', ''))
      .sort();
    expect(readers).toEqual([
      'schema/tables/complaints.ts',
      'worker/cases/complainant-notifier.ts',
      // The resident's own export: the name and phone a person gave, to that person alone (the entry's LINE
      // id must be the one asking); never to staff (test/workers/my-data-export.test.ts).
      'worker/cases/my-data-export.ts',
      // Integrity officers reading a CONFIDENTIAL reporter's name and phone, which that reporter chose to
      // give the organisation for contact: integrity role only, with a reason, audited, never the LINE id
      // (docs/privacy.md; test/workers/staff-identity-reveal.test.ts).
      'worker/cases/reporter-contact.ts',
      // The retention job empties an entry once its case's period has passed; it never opens one.
      'worker/cases/retention.ts',
      'worker/complaints/submit.ts',
      'worker/complaints/vault.ts',
    ]);
  });
});
