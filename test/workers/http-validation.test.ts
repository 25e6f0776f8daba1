import { beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../../dev/demo-organizations';
import { fieldErrors } from '../../schema/contracts/error';
import { bearer, mintIdToken } from './support/liff';
import { enroll, type StaffChat } from './support/staff';
import { asUser } from './support/staff-api';
import { callWorker } from './support/worker';

// One validation path (worker/http/middleware/validate.ts) and one body limit helper: the same answers
// whichever route refuses.
const org = demoOrganizations[3]!; // lampang
let admin: StaffChat;

beforeAll(async () => {
  admin = await enroll(org.slug, 4, ['admin'], { name: 'แอดมินลำปาง' });
}, 30_000);

describe('refusals of the one validation path', () => {
  it('a body that breaks its contract: 422 with a Thai message and details field by field', async () => {
    const bad = await asUser(org.slug, admin.userId, '/units', {
      method: 'POST',
      body: { name: 'ก'.repeat(81) },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe('validation_failed');
    const details = fieldErrors.parse(bad.json.error.details);
    expect(details.name).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('a body that is not JSON: 400 invalid_json', async () => {
    const token = await mintIdToken({ channel: org.slug, userId: admin.userId });
    const response = await callWorker(`/api/orgs/${org.slug}/staff/units`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('a bad query: 400 bad_request with field errors; a malformed path id: 404', async () => {
    const query = await asUser(org.slug, admin.userId, '/report?period=year');
    expect(query.status).toBe(400);
    expect(query.json.error.code).toBe('bad_request');
    expect(Object.keys(fieldErrors.parse(query.json.error.details))).toEqual(['period']);
    const path = await asUser(org.slug, admin.userId, '/units/0x1', {
      method: 'PATCH',
      body: { name: 'กองใหม่' },
    });
    expect(path.status).toBe(404);
    expect(path.json.error).toMatchObject({ code: 'not_found', message: 'ไม่พบหน่วยงาน' });
  });

  it('a staff body over 64 kB: 413, also when it declares no length', async () => {
    const big = { name: 'กองใหม่', pad: 'x'.repeat(64 * 1024) };
    const declared = await asUser(org.slug, admin.userId, '/units', { method: 'POST', body: big });
    expect(declared.status).toBe(413);
    expect(declared.json.error.code).toBe('payload_too_large');
    const token = await mintIdToken({ channel: org.slug, userId: admin.userId });
    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const streamed = await callWorker(`/api/orgs/${org.slug}/staff/units`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      // A stream declares no Content-Length: the limit counts the bytes as they arrive.
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
    });
    expect(streamed.status).toBe(413);
  });
});
