import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { fakeLiffLogin, launchBrowser } from './browser';

/** The running stack of the e2e run (started by global-setup.ts). */
export const workerUrl = inject('workerUrl');
export const platformUrl = inject('platformUrl');

/** A fresh LINE user id. */
export const newUserId = () => `U${randomBytes(16).toString('hex')}`;

/** Calls the local LINE platform's admin API (GET without a body, POST with one). */
export async function platform<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(platformUrl + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

/** What `liff.getIDToken()` returns inside LINE for `userId` of `channel`, minted by the local platform. */
export const mintIdToken = async (channel: string, userId: string, displayName?: string) =>
  (await platform<{ idToken: string }>('/_platform/id-token', { channel, userId, displayName })).idToken;

/** Texts the bot sent to one chat of a channel, joined by new lines. */
export async function textsTo(channel: string, chatId: string): Promise<string> {
  const sent = await platform<{ message: { text?: string } }[]>(
    `/_platform/messages?channel=${channel}&chat=${chatId}`,
  );
  return sent.map((m) => m.message.text ?? '').join('\n');
}

/** A resident files through the LIFF form API of `channel`; the tracking code. */
export async function fileComplaint(
  channel: string,
  userId: string,
  report: Record<string, unknown>,
): Promise<string> {
  const response = await fetch(`${workerUrl}/api/orgs/${channel}/complaints`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await mintIdToken(channel, userId)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ submissionKey: randomBytes(12).toString('hex'), consent: true, ...report }),
  });
  const json = (await response.json()) as { code: string };
  expect(response.status, JSON.stringify(json)).toBe(201);
  return json.code;
}

/**
 * One headless Chromium for the test file (launched before, closed after), and phone-sized pages logged in
 * (the LIFF's dev login, `fakeLiffLogin`) as a LINE user of `channel`.
 */
export function phonePages(channel: string) {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async function openAs(userId: string, path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await fakeLiffLogin(context, await mintIdToken(channel, userId));
    const page = await context.newPage();
    await page.goto(workerUrl + path);
    return page;
  };
}
