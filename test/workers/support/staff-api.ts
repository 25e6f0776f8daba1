import { bearer, mintIdToken } from './liff';
import { callWorker } from './worker';

/** Calls the staff API as a LINE user (a fresh LIFF ID token each time): status and JSON body. */
export async function asUser(
  slug: string,
  userId: string,
  path: string,
  init: { method?: string; body?: unknown; channel?: string } = {},
) {
  const token = await mintIdToken({ channel: init.channel ?? slug, userId });
  const response = await callWorker(`/api/orgs/${slug}/staff${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...bearer(token), ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field.
  const json: any = text ? JSON.parse(text) : null;
  return { status: response.status, json, text, headers: response.headers };
}
