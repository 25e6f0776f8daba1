import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { vaultContext } from '../../worker/complaints/vault';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { open } from '../../worker/crypto/secret-box';
import { useOrg } from '../fixtures/demo-org';
import { filed, formUser, newKey } from './support/complaint-form';
import { CAMERA_MAKE, containsBytes, jpegWithMetadata } from './support/images';
import { newUserId } from './support/line';
import { appTables, firstRow, tableJson } from './support/db';
import { captureConsole } from './support/console';

// The LIFF form's side of test/workers/complaint-privacy.test.ts, in another organisation.
const org = useOrg('mueang-chan');
const NAME = 'สมหมาย ปกปิดนาม';
const PHONE = '0861112222';
const GENERAL_PHONE = '0873334444';
const DECOY = newUserId();

const users = { confidential: newUserId(), anonymous: newUserId(), general: newUserId() };
const secrets = [...Object.values(users), DECOY, NAME, PHONE, GENERAL_PHONE];
const leaks = (haystack: string) => secrets.filter((s) => haystack.includes(s));
const keys: string[] = [];
const consoleLines = captureConsole();

async function file(userId: string, body: Record<string, unknown>, photo = false) {
  const user = await formUser(org.slug, userId);
  const key = newKey();
  keys.push(key);
  if (photo) expect((await user.upload(key, jpegWithMetadata(), 'image/jpeg')).status).toBe(201);
  // A page that (wrongly) names someone in the body must not change who filed it.
  const answer = await user.submit({ submissionKey: key, consent: true, userId: DECOY, ...body });
  expect(answer.status).toBe(201);
  expect(leaks(JSON.stringify(answer.json))).toEqual([]);
}

describe('privacy of the LIFF form: identity only in the vault, sealed', () => {
  it('files the three identity choices through the form', async () => {
    const corruption = {
      track: 'corruption',
      categoryCode: 'personnel',
      description: 'มีการเรียกเงินเพื่อบรรจุพนักงานจ้าง',
    };
    await file(
      users.confidential,
      { ...corruption, identity: { mode: 'confidential', name: NAME, phone: PHONE } },
      true,
    );
    await file(users.anonymous, { ...corruption, identity: { mode: 'anonymous' } }, true);
    await file(users.general, {
      track: 'grievance',
      categoryCode: 'waste',
      description: 'ขยะไม่ได้เก็บมาสองสัปดาห์แล้ว ส่งกลิ่นเหม็น',
      identity: { mode: 'identified', phone: GENERAL_PHONE },
    });
  });

  it('no table but the identity vault holds a LINE id, a name or a phone', async () => {
    for (const name of (await appTables()).filter((n) => n !== 'identity_vault')) {
      expect(leaks(await tableJson(name)), name).toEqual([]);
    }
    const keyring = await keyringFromEnv(env);
    const opened: string[] = [];
    for (const key of keys) {
      const [complaint] = (await filed(key)).complaints;
      const row = await firstRow<{ sealed: string }>(
        'select sealed from identity_vault where id = ?',
        complaint.vault_id,
      );
      expect(leaks(row!.sealed)).toEqual([]);
      opened.push(await open(keyring, row!.sealed, vaultContext(org.id, complaint.vault_id)));
    }
    expect(opened.map((o) => JSON.parse(o))).toEqual([
      { lineUserId: users.confidential, name: NAME, phone: PHONE },
      { lineUserId: users.anonymous },
      { lineUserId: users.general, phone: GENERAL_PHONE },
    ]);
  });

  it('stored photos carry neither identity nor camera metadata; no console line carries identity', async () => {
    const files = (await Promise.all(keys.map(filed))).flatMap((f) => f.files);
    expect(files).toHaveLength(2);
    for (const row of files) {
      const stored = (await env.EVIDENCE.get(row.r2_key))!;
      const bytes = new Uint8Array(await stored.arrayBuffer());
      expect(containsBytes(bytes, CAMERA_MAKE)).toBe(false);
      expect(leaks(JSON.stringify([row.r2_key, stored.httpMetadata, stored.customMetadata]))).toEqual([]);
    }
    expect(leaks(consoleLines.join('\n'))).toEqual([]);
  });
});
