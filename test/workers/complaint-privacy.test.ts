import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { open } from '../../worker/crypto/secret-box';
import { vaultContext } from '../../worker/complaints/vault';
import { imageEvent, lastComplaint, person, textOf } from './support/complaint';
import { base64, CAMERA_MAKE, containsBytes, jpegWithMetadata } from './support/images';
import { conversation, newUserId, platformApi, type SentMessage } from './support/line';
import { callWorker } from './support/worker';
import { allRows, appTables, tableJson } from './support/db';
import { captureConsole } from './support/console';

const org = useOrg('lampang');
const NAME = 'สมศรี ใจกล้าหาญ';
const PHONE_TYPED = '081-234-5678';
const PHONE = '0812345678';
const GENERAL_PHONE = '0898765432';

/** Everything the scan looks for, per reporter. */
const reporters = { confidential: newUserId(), anonymous: newUserId(), general: newUserId() };
const secrets = [...Object.values(reporters), NAME, PHONE, PHONE_TYPED, GENERAL_PHONE];

const consoleLines = captureConsole({ errorsInFull: true });
let startSeq = 0;

beforeAll(async () => {
  const seen = await platformApi<{ seq: number }[]>(`/_platform/requests?channel=${org.slug}`);
  startSeq = Math.max(0, ...seen.map((r) => r.seq));
});

async function fileReports() {
  const photo = base64(jpegWithMetadata());
  const chat = (userId: string) => person(conversation(org.slug, { type: 'user', userId }));

  const c = chat(reporters.confidential);
  await c.say('ร้องเรียนการทุจริต');
  await c.tap('การบริหารงานบุคคล');
  await c.say(`หัวหน้าฝ่ายเรียกเงินเพื่อเลื่อนตำแหน่ง ผู้แจ้งติดต่อได้ที่ LINE นี้`);
  await c.send([
    {
      type: 'message',
      message: { type: 'location', title: 'บ้าน', address: 'ลำปาง', latitude: 18.29, longitude: 99.49 },
    },
  ]);
  await c.send([
    imageEvent(photo, { id: 'PRIV1', index: 1, total: 2 }),
    imageEvent(photo, { id: 'PRIV1', index: 2, total: 2 }),
  ]);
  await c.say('หัวหน้าฝ่ายบุคคล');
  await c.tap('แจ้งชื่อแบบลับ');
  await c.say(NAME);
  await c.say(PHONE_TYPED);
  // A wrong input and a stale reply on the way: hints and logs must not leak either.
  await c.say('ตกลงครับ');
  await c.tap('ยืนยันส่งเรื่อง');

  const a = chat(reporters.anonymous);
  await a.say('ร้องเรียนการทุจริต');
  await a.tap('สินบน/เรียกรับเงิน');
  await a.say('เจ้าหน้าที่เรียกรับเงินค่าดำเนินการที่ไม่มีระเบียบรองรับ');
  await a.tap('ข้าม');
  await a.send([imageEvent(photo)]);
  await a.tap('ไม่ทราบ');
  await a.tap('ไม่เปิดเผยตัวตน');
  await a.tap('ยืนยันส่งเรื่อง');

  const g = chat(reporters.general);
  await g.say('ร้องทุกข์ทั่วไป');
  await g.tap('เสียงดัง/เหตุรำคาญ');
  await g.say('ร้านคาราโอเกะเปิดเสียงดังถึงตีสองทุกคืน');
  await g.say('ซอยข้างตลาด');
  await g.tap('ไม่มีหลักฐาน');
  await g.tap('ขอให้โทรกลับ');
  await g.say(GENERAL_PHONE);
  await g.tap('ยืนยันส่งเรื่อง');
}

function leaks(haystack: string): string[] {
  return secrets.filter((s) => haystack.includes(s));
}

describe('privacy: a scenario with all three identity choices leaks no reporter identity', () => {
  it('files the reports (the reporter sees their own details, sealed everywhere else)', async () => {
    await fileReports();
    const complaint = await lastComplaint(org.id);
    expect(complaint.identity_mode).toBe('identified');
  }, 30_000);

  it('no message or request to anyone but the reporter carries the identity', async () => {
    const messages = await platformApi<SentMessage[]>(
      `/_platform/messages?channel=${org.slug}&since=${startSeq}`,
    );
    const own = new Set(Object.values(reporters));
    const others = messages.filter((m) => !own.has(m.chatId));
    expect(leaks(JSON.stringify(others))).toEqual([]);
    const requests = await platformApi<{ chatIds: string[]; body?: unknown }[]>(
      `/_platform/requests?channel=${org.slug}&since=${startSeq}`,
    );
    const foreign = requests.filter((r) => !r.chatIds.some((id) => own.has(id)));
    expect(leaks(JSON.stringify(foreign))).toEqual([]);
    // Sanity: the scan is able to see a leak (the confidential reporter's own summary shows the name).
    const toReporter = messages.filter((m) => m.chatId === reporters.confidential);
    expect(textOf(toReporter)).toContain(NAME);
  });

  it('no console line carries it', () => {
    expect(consoleLines.length).toBeGreaterThanOrEqual(0);
    expect(leaks(consoleLines.join('\n'))).toEqual([]);
  });

  it('no table but the identity vault holds it, in any form', async () => {
    const names = await appTables();
    expect(names).toContain('complaint_drafts');
    for (const name of names.filter((n) => n !== 'identity_vault')) {
      expect(leaks(await tableJson(name)), name).toEqual([]);
    }
    // The vault does hold them, sealed: readable only with the data key and the row's context.
    const vault = await allRows<{ id: string; sealed: string }>(
      'select * from identity_vault where org_id = ?',
      org.id,
    );
    expect(leaks(JSON.stringify(vault))).toEqual([]);
    const keyring = await keyringFromEnv(env);
    const opened = await Promise.all(vault.map((v) => open(keyring, v.sealed, vaultContext(org.id, v.id))));
    expect(opened.join('\n')).toContain(NAME);
    expect(leaks(opened.join('\n')).sort()).toEqual(
      [...Object.values(reporters), NAME, PHONE, GENERAL_PHONE].sort(),
    );
  });

  it('stored evidence has neither the identity nor camera or GPS metadata', async () => {
    const listed = await env.EVIDENCE.list({ prefix: `evidence/${org.id}/` });
    expect(listed.objects.length).toBe(3);
    for (const object of listed.objects) {
      const stored = (await env.EVIDENCE.get(object.key))!;
      expect(leaks(JSON.stringify([object.key, stored.httpMetadata, stored.customMetadata]))).toEqual([]);
      const bytes = new Uint8Array(await stored.arrayBuffer());
      expect(containsBytes(bytes, CAMERA_MAKE)).toBe(false);
      expect(containsBytes(bytes, 'GPS')).toBe(false);
      for (const secret of secrets) expect(containsBytes(bytes, secret)).toBe(false);
    }
  });

  it('no HTTP answer of the worker that staff or the public can call carries it', async () => {
    const paths = ['/api/orgs', `/api/orgs/${org.slug}`, `/api/orgs/${org.slug}/plans`, '/healthz'];
    for (const path of paths) {
      const body = await (await callWorker(path)).text();
      expect(leaks(body), path).toEqual([]);
    }
  });
});
