/** The part of the LIFF SDK (https://developers.line.biz/en/reference/liff/) this app uses. */
export interface LiffSdk {
  init(config: { liffId: string }): Promise<void>;
  isLoggedIn(): boolean;
  login(config?: { redirectUri?: string }): void;
  getIDToken(): string | null;
  isInClient?(): boolean;
  closeWindow?(): void;
}

declare global {
  interface Window {
    liff?: LiffSdk;
  }
}

const SDK_URL = 'https://static.line-scdn.net/liff/edge/2/sdk.js';
// On a development machine (npm start) the local LINE platform's SDK plays LINE Login; the Worker
// redirects to it (404 when deployed, where pages are never served from these hosts anyway).
const DEV_SDK_URL = '/api/dev/liff-sdk';
const sdkUrl = () => (['127.0.0.1', 'localhost'].includes(location.hostname) ? DEV_SDK_URL : SDK_URL);

/** LINE login is not available on this page (no LIFF app, or the SDK could not load). */
export class LiffUnavailable extends Error {}

let ready: Promise<LiffSdk> | undefined;

function loadSdk(): Promise<LiffSdk> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = sdkUrl();
    script.onload = () => (window.liff ? resolve(window.liff) : reject(new LiffUnavailable('no liff')));
    script.onerror = () => reject(new LiffUnavailable('LIFF SDK failed to load'));
    document.head.append(script);
  });
}

/**
 * The LIFF SDK, initialised for `liffId`. A `window.liff` that already exists when the app starts is
 * used as is and the SDK is never loaded: that is how tests (and a developer outside LINE) log in with
 * a fake whose getIDToken() returns a token minted by the local LINE platform. Loaded only by pages
 * that need a login, so the plan pages never download the SDK.
 */
export function liffSdk(liffId: string): Promise<LiffSdk> {
  ready ??= (async () => {
    const sdk = window.liff ?? (await loadSdk());
    await sdk.init({ liffId });
    return sdk;
  })();
  ready.catch(() => {
    ready = undefined;
  });
  return ready;
}

/**
 * The LIFF ID token of the person using the page; sends them to LINE Login first when they opened the
 * page in a browser outside LINE (the page reloads after login). The server verifies the token; the
 * page never tells the server who the user is in any other way.
 */
export async function liffIdToken(liffId: string | null): Promise<string | null> {
  if (!liffId) throw new LiffUnavailable('this organisation has no LIFF app');
  const sdk = await liffSdk(liffId);
  if (!sdk.isLoggedIn()) {
    sdk.login({ redirectUri: location.href });
    return new Promise<never>(() => undefined);
  }
  return sdk.getIDToken();
}

/** Closes the LIFF window inside LINE; false outside LINE (the caller offers a link instead). */
export function closeLiff(): boolean {
  const sdk = window.liff;
  if (!sdk?.isInClient?.() || !sdk.closeWindow) return false;
  sdk.closeWindow();
  return true;
}
