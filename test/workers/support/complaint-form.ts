import { bearer, mintIdToken } from './liff';
import { newUserId } from './line';
import { callWorker } from './worker';
import { allRows } from './db';

/** A resident using an organisation's LIFF form, with a token minted by the local platform. */
export async function formUser(slug: string, userId = newUserId()) {
  const token = await mintIdToken({ channel: slug, userId });
  const base = `/api/orgs/${slug}/complaints`;
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await callWorker(`${base}${path}`, {
      ...init,
      headers: { ...bearer(token), ...(init.headers as Record<string, string>) },
    });
    // biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field.
    const json: any = response.status === 204 ? null : await response.json();
    return { status: response.status, json };
  };
  return {
    userId,
    token,
    categories: () => call('/categories'),
    upload: (key: string, bytes: Uint8Array, contentType: string) =>
      call(`/evidence?key=${key}`, { method: 'POST', body: bytes, headers: { 'content-type': contentType } }),
    remove: (key: string, id: string) => call(`/evidence/${id}?key=${key}`, { method: 'DELETE' }),
    submit: (body: unknown) =>
      call('', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      }),
  };
}

/** A submission key as the page makes one (random, once per form). */
export const newKey = () => crypto.randomUUID().replace(/-/g, '');

/** A complete anonymous corruption report for the form. */
export const anonymousReport = (submissionKey: string) => ({
  submissionKey,
  track: 'corruption',
  categoryCode: 'procurement',
  description: 'มีการล็อกสเปกโครงการก่อสร้างถนนให้ผู้รับเหมารายเดียว',
  place: { text: 'สำนักงานเทศบาล', latitude: 7.5563, longitude: 99.6114 },
  occurred: { date: '2026-10-01', text: 'ต้นเดือนตุลาคม' },
  involved: 'กองช่าง',
  identity: { mode: 'anonymous' },
  consent: true,
});

/** The complaint filed under a submission key, with its files. */
export async function filed(submissionKey: string) {
  // biome-ignore lint/suspicious/noExplicitAny: a row of many columns, asserted field by field.
  const complaints = await allRows<any>('select * from complaints where submission_key = ?', submissionKey);
  const ids = complaints.map((c) => c.id);
  const files = ids.length
    ? await allRows(
        `select * from complaint_attachments where complaint_id in (${ids.map(() => '?').join(',')})`,
        ...ids,
      )
    : [];
  return { complaints, files };
}
