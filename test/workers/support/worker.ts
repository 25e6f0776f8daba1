import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Env } from '../../../worker/env';
import worker from '../../../worker/index';
import { firstRow } from './db';

export const linePlatformUrl = inject('linePlatformUrl');

/** The worker's bindings with LINE (Messaging API and LINE Login) pointed at this run's local LINE platform. */
export const testEnv: Env = {
  ...env,
  LINE_API_BASE: linePlatformUrl,
  LINE_DATA_API_BASE: linePlatformUrl,
  LINE_LOGIN_JWKS_URL: `${linePlatformUrl}/oauth2/v2.1/certs`,
};

/** Calls the worker and waits for the work it does after answering (ctx.waitUntil). */
export async function callWorker(path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`https://worker.test${path}`, init), testEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** base64(HMAC-SHA256(secret, body)): what LINE puts in x-line-signature. */
export async function signBody(secret: string, body: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(body)));
  return btoa(String.fromCharCode(...mac));
}

/** Row counts of every table the webhook path may write, to prove a request wrote nothing. */
export async function tableCounts(): Promise<Record<string, number>> {
  const tables = [
    'inbox_events',
    'events',
    'line_deliveries',
    'line_chats',
    'organizations',
    'line_channels',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const row = await firstRow<{ n: number }>(`select count(*) as n from ${t}`);
    out[t] = row?.n ?? 0;
  }
  return out;
}

/**
 * Runs the file's tests with the Worker reached at `origin` (e.g. https, which LINE requires of image
 * links), restoring the configured origin afterwards.
 */
export function useAppOrigin(origin: string): void {
  let saved: string;
  beforeAll(() => {
    saved = testEnv.APP_ORIGIN;
    testEnv.APP_ORIGIN = origin;
  });
  afterAll(() => {
    testEnv.APP_ORIGIN = saved;
  });
}
