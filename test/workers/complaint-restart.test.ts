import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { FINISHED_DRAFT_KEEP_MS, purgeDrafts } from '../../worker/complaints/purge';
import worker from '../../worker/index';
import { activeDraft, expectText, imageEvent, labelsIn, person } from './support/complaint';
import { complaintsOf, photo, residentChat, toSummary } from './support/complaint-steps';
import { conversation } from './support/line';
import { testEnv } from './support/worker';
import { allRows, execute, firstRow, runBatch } from './support/db';

const org = useOrg('mueang-chan');
const STORY = 'ไฟถนนหน้าวัดดับทั้งซอย กลางคืนมืดมาก อันตราย';
const MINUTE = 60 * 1000;
const { start, setIdle, built, sentTo } = residentChat(org);

describe('a restart in the middle', () => {
  it('continues through a new driver and a freshly imported worker: the state lives only in D1', async () => {
    const p = start();
    await p.say('ร้องทุกข์ทั่วไป');
    await p.tap('ถนน/ทางเท้า');
    await p.say('ถนนทรุดเป็นหลุมกว้างหน้าตลาด');

    // A brand-new worker module: nothing cached in module scope survives (as after a redeploy).
    vi.resetModules();
    const fresh = (await import('../../worker/index')).default;
    expect(fresh).not.toBe(worker);
    const webhook = (
      await built(p.userId, [{ type: 'message', message: { type: 'text', text: 'หน้าตลาดสดเทศบาล' } }])
    ).webhook;
    const ctx = createExecutionContext();
    const response = await fresh.fetch(
      new Request(`https://worker.test${webhook.path}`, {
        method: 'POST',
        body: webhook.body,
        headers: { 'x-line-signature': webhook.signature },
      }),
      testEnv,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(200);
    const afterRestart = (await sentTo(p.userId, p.seq)).filter((m) => m.seq > p.seq);
    expectText(afterRestart, 'มีรูปภาพหรือเอกสารประกอบหรือไม่');

    // And a new driver (another device, the chat page reloaded) picks up where it was.
    const again = person(conversation(org.slug, { type: 'user', userId: p.userId }), {
      since: Math.max(...afterRestart.map((m) => m.seq)),
    });
    expectText(await again.say('ไม่มีหลักฐาน'), 'ตรวจสอบข้อมูลก่อนส่งเรื่อง');
    expectText(await again.tap('ยืนยันส่งเรื่อง'), 'รับเรื่องแล้ว');
  });
});

describe('timeouts', () => {
  it('after 30 minutes of silence asks to continue or start over, and keeps the draft', async () => {
    const p = start();
    await p.say('ร้องทุกข์ทั่วไป');
    await p.tap('ไฟฟ้าส่องสว่าง');
    const before = await setIdle(p.userId, 31 * MINUTE);
    const asked = await p.say(STORY);
    expectText(asked, 'มีเรื่องที่ยังไม่เสร็จ ต้องการทำต่อหรือเริ่มใหม่?', 'ร้องทุกข์ทั่วไป', '"รายละเอียด"');
    expect(labelsIn(asked)).toEqual(['ทำต่อ', 'เริ่มใหม่', 'ยกเลิก']);
    const paused = (await activeDraft(org.id, p.userId))!;
    expect({ step: paused.step, data: paused.data, paused: paused.paused }).toEqual({
      step: before.step,
      data: before.data,
      paused: 1,
    });
    // Anything but an answer to the question asks it again.
    expect(labelsIn(await p.say('ว่าไง'))).toEqual(['ทำต่อ', 'เริ่มใหม่', 'ยกเลิก']);
    expectText(await p.tap('ทำต่อ'), 'เล่าเหตุการณ์');
    expectText(await p.say(STORY), 'เกิดเหตุที่ไหน');
  });

  it('"เริ่มใหม่" closes the old draft and starts a new one; an entry word mid-way asks first', async () => {
    const p = start();
    await p.say('ร้องทุกข์ทั่วไป');
    await p.tap('ไฟฟ้าส่องสว่าง');
    const old = (await activeDraft(org.id, p.userId))!;
    expectText(await p.say('ร้องเรียนการทุจริต'), 'มีเรื่องที่ยังไม่เสร็จ');
    expectText(await p.tap('เริ่มใหม่'), 'เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ');
    const fresh = (await activeDraft(org.id, p.userId))!;
    expect(fresh.id).not.toBe(old.id);
    expect(JSON.parse(fresh.data)).toEqual({ track: 'corruption' });
    const closed = await firstRow('select state from complaint_drafts where id = ?', old.id);
    expect(closed).toEqual({ state: 'cancelled' });
    await setIdle(p.userId, 45 * MINUTE);
    await p.say('สวัสดี');
    expectText(await p.tap('ยกเลิก'), 'ต้องการยกเลิกเรื่องนี้ใช่ไหม');
    expectText(await p.tap('ยืนยันยกเลิก'), 'ยกเลิกเรื่องเรียบร้อยแล้ว');
  });

  it('a draft untouched for 7 days is gone for good, with its files', async () => {
    const p = start();
    await p.say('ร้องทุกข์ทั่วไป');
    await p.tap('ขยะ/ความสะอาด');
    await p.say('ขยะล้นถังหน้าตลาดมาหลายวันแล้ว');
    await p.tap('ข้าม');
    await p.send([imageEvent(photo)]);
    const draft = await setIdle(p.userId, 8 * 24 * 60 * MINUTE);
    const file = await firstRow<{ r2_key: string }>(
      'select r2_key from complaint_attachments where draft_id = ?',
      draft.id,
    );
    expectText(await p.say('สวัสดี'), 'ยินดีต้อนรับ');
    expect(await activeDraft(org.id, p.userId)).toBeNull();
    expect(await env.EVIDENCE.get(file!.r2_key)).toBeNull();
    const audit = await firstRow(
      "select actor from events where entity_id = ? and action = 'expired'",
      draft.id,
    );
    expect(audit).toEqual({ actor: 'system' });
  });

  it('the cron purges expired drafts and forgets finished ones and refused set photos after a day', async () => {
    const p = start();
    await p.say('ร้องทุกข์ทั่วไป');
    const expired = await setIdle(p.userId, 8 * 24 * 60 * MINUTE);
    const q = start();
    await toSummary(q, 'grievance');
    const filed = (await activeDraft(org.id, q.userId))!;
    await q.tap('ยืนยันส่งเรื่อง');
    await execute(
      'update complaint_drafts set last_active_at = ? where id = ?',
      Date.now() - FINISHED_DRAFT_KEEP_MS - MINUTE,
      filed.id,
    );
    // Refused photos of image sets are only needed while a set arrives.
    const refusal = (...params: unknown[]) => ({
      sql: 'insert into image_set_refusals (org_id, image_set_id, source_ref, created_at) values (?, ?, ?, ?)',
      params,
    });
    const setId = `SETP${Date.now()}`;
    await runBatch([
      refusal(org.id, setId, 'old', Date.now() - FINISHED_DRAFT_KEEP_MS - MINUTE),
      refusal(org.id, setId, 'new', Date.now()),
    ]);
    const result = await purgeDrafts(testEnv);
    expect(result.expired).toBeGreaterThanOrEqual(1);
    const kept = await allRows('select source_ref from image_set_refusals where image_set_id = ?', setId);
    expect(kept).toEqual([{ source_ref: 'new' }]);
    const states = await allRows(
      'select id, state from complaint_drafts where id in (?, ?)',
      expired.id,
      filed.id,
    );
    expect(states).toEqual([{ id: expired.id, state: 'cancelled' }]);
    expect(await complaintsOf(filed.id)).toHaveLength(1);
  });
});
