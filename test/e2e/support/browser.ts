import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this sandbox needs (no sandbox, no background traffic). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Makes every page of `context` logged in with `idToken` (any token: one minted with chosen claims, a
 * forged one, null): the LIFF's dev login (liff/src/liff-dev.ts, LINE's @line/liff-mock) hands it to
 * the pages as `liff.getIDToken()`, outside LINE (no chat, so no liff.sendMessages).
 */
export async function fakeLiffLogin(context: BrowserContext, idToken: string | null): Promise<void> {
  await context.addInitScript((token) => {
    sessionStorage.setItem('dev-liff', JSON.stringify({ idToken: token }));
  }, idToken);
}
