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

/** Makes every page of `context` see a fake, logged-in `window.liff` whose ID token is `idToken`. */
export async function fakeLiffLogin(context: BrowserContext, idToken: string | null): Promise<void> {
  await context.addInitScript((token) => {
    (window as unknown as { liff: unknown }).liff = {
      init: async () => undefined,
      isLoggedIn: () => true,
      login: () => {
        throw new Error('login must not be needed');
      },
      getIDToken: () => token,
      isInClient: () => false,
    };
  }, idToken);
}
