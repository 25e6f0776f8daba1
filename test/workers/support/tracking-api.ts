import { bearer, mintIdToken } from './liff';
import { newUserId } from './line';
import { callWorker } from './worker';

/** A person using an organisation's LIFF tracker, with a token minted by the local platform. */
export async function tracker(slug: string, userId = newUserId()) {
  const token = await mintIdToken({ channel: slug, userId });
  const base = `/api/orgs/${slug}/track`;
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await callWorker(`${base}${path}`, {
      ...init,
      headers: { ...bearer(token), ...(init.headers as Record<string, string>) },
    });
    // biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field.
    const json: any = response.status === 204 ? null : await response.json();
    return { status: response.status, json, cacheControl: response.headers.get('cache-control') };
  };
  return {
    userId,
    list: () => call(''),
    get: (code: string) => call(`/${encodeURIComponent(code)}`),
    open: (code: string, pin: string) =>
      call('/open', {
        method: 'POST',
        body: JSON.stringify({ code, pin }),
        headers: { 'content-type': 'application/json' },
      }),
    answer: (code: string, answer: string) =>
      call(`/${encodeURIComponent(code)}/answer`, {
        method: 'POST',
        body: JSON.stringify({ answer }),
        headers: { 'content-type': 'application/json' },
      }),
    addInfo: (code: string, body: unknown) =>
      call(`/${encodeURIComponent(code)}/info`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      }),
    myData: () => call('/my-data'),
    eraseMyData: () => call('/my-data/erasure', { method: 'POST' }),
    raw: (path: string, init: RequestInit) => callWorker(path, init),
  };
}

/** A general grievance (street light) for the form, identified without a phone. */
export const grievanceReport = (submissionKey: string) => ({
  submissionKey,
  track: 'grievance',
  categoryCode: 'lighting',
  description: 'ไฟถนนหน้าวัดดับทั้งซอย กลางคืนมืดมาก อันตราย',
  identity: { mode: 'identified' },
  consent: true,
});
