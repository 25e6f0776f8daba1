import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { submitComplaint } from '../../worker/complaints/submit';
import { newTrackingCode, opaqueId, parseTrackingCode } from '../../worker/complaints/tracking-code';
import { createDb } from '../../worker/db/client';
import { draftContext } from '../../worker/complaints/drafts-data';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { seal } from '../../worker/crypto/secret-box';
import { AppError } from '../../worker/errors';
import { activeDraft, expectText, textOf } from './support/complaint';
import { complaintsOf, confirmData, deliver, residentChat, toSummary } from './support/complaint-steps';
import { newUserId, platformApi } from './support/line';
import { receiptCode } from './support/file-complaint';
import { allRows, execute, firstRow } from './support/db';

const org = useOrg('mueang-chan');
const MINUTE = 60 * 1000;
const { start, built, sentTo } = residentChat(org);

describe('concurrency and duplicates', () => {
  it('20 people confirming at once get 20 distinct codes', async () => {
    const people = Array.from({ length: 20 }, () => start());
    await Promise.all(people.map((p, i) => toSummary(p, i % 2 ? 'corruption' : 'grievance')));
    const receipts = await Promise.all(people.map((p) => p.tap('ยืนยันส่งเรื่อง')));
    const codes = receipts.map(receiptCode);
    expect(new Set(codes).size).toBe(20);
    for (const code of codes) expect(parseTrackingCode(code)).toBe(code);
    const rows = await firstRow(
      `select count(*) as n from complaints where org_id = ? and code in (${codes.map(() => '?').join(',')})`,
      org.id,
      ...codes,
    );
    expect(rows).toEqual({ n: 20 });
  });

  it('two first messages at once start one draft', async () => {
    const p = start();
    const twice = await Promise.all(
      [1, 2].map(() => built(p.userId, [{ type: 'message', message: { type: 'text', text: 'ร้องทุกข์ทั่วไป' } }])),
    );
    await Promise.all(twice.map((t) => deliver(t.webhook)));
    const drafts = await allRows<{ id: string }>(
      "select d.id from complaint_drafts d join events e on e.entity_id = d.id and e.action = 'started' where d.org_id = ? and d.state = 'active' and d.created_at > ?",
      org.id,
      Date.now() - MINUTE,
    );
    const mine = (await activeDraft(org.id, p.userId))!;
    expect(drafts.filter((d) => d.id === mine.id)).toHaveLength(1);
    const started = await firstRow(
      "select count(*) as n from events where entity = 'complaint_draft' and action = 'started' and entity_id not in (select id from complaint_drafts)",
    );
    expect(started).toEqual({ n: 0 });
  });

  it('the same confirm webhook delivered twice at once (and redelivered) files one complaint', async () => {
    const p = start();
    const summary = await toSummary(p);
    const draft = (await activeDraft(org.id, p.userId))!;
    const confirm = await built(p.userId, [{ type: 'postback', postback: { data: confirmData(summary) } }]);
    const responses = await Promise.all([deliver(confirm.webhook), deliver(confirm.webhook)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const redelivered = await platformApi<{ webhook: { path: string; body: string; signature: string } }>(
      '/_platform/webhook',
      {
        channel: org.slug,
        redeliverOf: confirm.events[0]!.webhookEventId,
        deliver: false,
      },
    );
    await deliver(redelivered.webhook);
    expect(await complaintsOf(draft.id)).toHaveLength(1);
    const receipts = (await sentTo(p.userId, p.seq)).filter((m) => m.message.type === 'flex');
    expect(receipts).toHaveLength(1);
  });

  it('a double tap on "confirm" files one complaint and shows the PIN once', async () => {
    const p = start();
    const summary = await toSummary(p);
    const draft = (await activeDraft(org.id, p.userId))!;
    const taps = await Promise.all(
      [1, 2].map(() => built(p.userId, [{ type: 'postback', postback: { data: confirmData(summary) } }])),
    );
    await Promise.all(taps.map((t) => deliver(t.webhook)));
    const filed = await complaintsOf(draft.id);
    expect(filed).toHaveLength(1);
    const sent = await sentTo(p.userId, p.seq);
    const all = textOf(sent);
    expect(all.match(/จดรหัสนี้ไว้/g)).toHaveLength(1);
    expect(all).toContain('เรื่องนี้ส่งเรียบร้อยแล้ว');
    expect(
      sent.filter((m) => m.message.type === 'flex').every((m) => m.message.altText.includes(filed[0]!.code)),
    ).toBe(true);

    // A late third tap: the receipt again, without the PIN.
    const late = await p.chat.postback(confirmData(summary));
    expectText(
      late.filter((m) => m.seq > Math.max(...sent.map((s) => s.seq))),
      'เรื่องนี้ส่งเรียบร้อยแล้ว',
      filed[0]!.code,
    );
    expect(textOf(late)).not.toMatch(/จดรหัสนี้ไว้.*\n[\s\S]*จดรหัสนี้ไว้/);
    expect(await complaintsOf(draft.id)).toHaveLength(1);
  });

  it('a receipt that never reached the person is sent again (with its PIN) on a typed "ยืนยัน"', async () => {
    const p = start();
    await toSummary(p);
    const draft = (await activeDraft(org.id, p.userId))!;
    await p.tap('ยืนยันส่งเรื่อง');
    // As if the delivery had failed: the sealed receipt is still waiting on the filed draft.
    const keyring = await keyringFromEnv(env);
    const sealed = await seal(
      keyring,
      JSON.stringify({ pin: '246810' }),
      draftContext.receipt(org.id, draft.id),
    );
    await execute('update complaint_drafts set receipt_sealed = ? where id = ?', sealed, draft.id);
    expectText(await p.say('ยืนยัน'), 'เรื่องนี้ส่งเรียบร้อยแล้ว', '246810', 'จดรหัสนี้ไว้');
    const row = await firstRow('select receipt_sealed from complaint_drafts where id = ?', draft.id);
    expect(row).toEqual({ receipt_sealed: null });
    // Once delivered, "ยืนยัน" is just a word the bot does not know.
    expectText(await p.say('ยืนยัน'), 'ระบบยังไม่เข้าใจข้อความนี้');
  });

  it('a confirm whose reply token is no longer valid gets its receipt by push', async () => {
    const p = start();
    const summary = await toSummary(p);
    const draft = (await activeDraft(org.id, p.userId))!;
    const stale = await built(p.userId, [
      {
        type: 'postback',
        postback: { data: confirmData(summary) },
        replyToken: '0123456789abcdef0123456789abcdef',
      },
    ]);
    await deliver(stale.webhook);
    const pushed = (await sentTo(p.userId, p.seq)).filter((m) => m.seq > p.seq);
    expect(pushed.length).toBeGreaterThan(0);
    expect(pushed.every((m) => m.via === 'push')).toBe(true);
    expectText(pushed, 'รับเรื่องแล้ว', 'จดรหัสนี้ไว้ ระบบจะไม่แสดงอีก');
    const row = await firstRow('select state, receipt_sealed from complaint_drafts where id = ?', draft.id);
    expect(row).toEqual({ state: 'submitted', receipt_sealed: null });
  });
});

describe('submitComplaint (shared by chat and the LIFF form)', () => {
  const form = (key: string) => ({
    submissionKey: key,
    track: 'grievance',
    categoryCode: 'road',
    description: 'ถนนหน้าบ้านเป็นหลุมใหญ่',
    identity: { mode: 'identified' },
    consent: true,
  });
  const input = (key: string, newCode?: () => string) => ({
    orgId: org.id,
    lineUserId: newUserId(),
    channel: 'liff' as const,
    submission: form(key),
    now: Date.now(),
    newCode,
  });

  it('retries with a new code when the code is taken (UNIQUE index, not a read first)', async () => {
    const db = createDb(env.DB);
    const keyring = await keyringFromEnv(env);
    const first = await submitComplaint(db, keyring, input(opaqueId()));
    const codes = [first.code, newTrackingCode()];
    const generator = vi.fn(() => codes.shift()!);
    const second = await submitComplaint(db, keyring, input(opaqueId(), generator));
    expect(generator).toHaveBeenCalledTimes(2);
    expect(second.code).not.toBe(first.code);
    expect(second.duplicate).toBe(false);
  });

  it('is idempotent per submission key', async () => {
    const db = createDb(env.DB);
    const keyring = await keyringFromEnv(env);
    const key = opaqueId();
    const [a, b] = await Promise.all([
      submitComplaint(db, keyring, input(key)),
      submitComplaint(db, keyring, input(key)),
    ]);
    expect(a.code).toBe(b.code);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(await complaintsOf(key)).toHaveLength(1);
  });

  it('answers invalid input with Thai messages per field', async () => {
    const db = createDb(env.DB);
    const keyring = await keyringFromEnv(env);
    const bad = {
      ...input(opaqueId()),
      submission: { ...form(opaqueId()), description: 'สั้น', categoryCode: 'road' },
    };
    const error = await submitComplaint(db, keyring, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'validation_failed',
      details: { description: 'กรุณาเล่าเหตุการณ์อย่างน้อย 10 ตัวอักษร' },
    });
    const unknown = { ...input(opaqueId()), submission: { ...form(opaqueId()), categoryCode: 'bribery' } };
    await expect(submitComplaint(db, keyring, unknown)).rejects.toMatchObject({
      details: { categoryCode: 'ไม่พบหมวดของเรื่องนี้' },
    });
  });
});
