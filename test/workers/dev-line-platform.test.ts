import { describe, expect, it } from 'vitest';
import { callWorker, testEnv } from './support/worker';

// GET /api/dev/line-platform: where the LIFF's dev login (liff/src/liff-dev.ts) finds the local LINE
// platform on `npm start`; a deployment, which never sets DEV_LINE_PLATFORM_URL, answers 404.
describe('the dev LIFF login’s platform address', () => {
  it('is not found on a deployment', async () => {
    expect(testEnv.DEV_LINE_PLATFORM_URL).toBeUndefined();
    expect((await callWorker('/api/dev/line-platform')).status).toBe(404);
  });

  it('is the local platform’s origin on npm start, never cached', async () => {
    testEnv.DEV_LINE_PLATFORM_URL = 'http://127.0.0.1:8790';
    try {
      const answer = await callWorker('/api/dev/line-platform');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(await answer.json()).toEqual({ url: 'http://127.0.0.1:8790' });
    } finally {
      delete testEnv.DEV_LINE_PLATFORM_URL;
    }
  });
});
