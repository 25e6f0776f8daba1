import liff from '@line/liff/core';
import CloseWindow from '@line/liff/close-window';
import GetContext from '@line/liff/get-context';
import GetIDToken from '@line/liff/get-id-token';
import IsInClient from '@line/liff/is-in-client';
import IsLoggedIn from '@line/liff/is-logged-in';
import Login from '@line/liff/login';
import SendMessages from '@line/liff/send-messages';
import { type LiffApi, LiffUnavailable } from './liff-api';

// LINE's pluggable LIFF SDK (npm `@line/liff`): the core and only the modules this app calls. This file
// is imported by the pages that need a login (complaint form, tracker, staff), which the router loads on
// demand, so the plan pages never download the SDK.

export { LiffUnavailable };

// On a development machine (`npm start`, tests) LINE cannot be reached: LINE's own mock plugin
// (@line/liff-mock) stands in for it, logged in through the local LINE platform. Loaded only there.
const devHost = () => ['127.0.0.1', 'localhost'].includes(location.hostname);

let ready: Promise<LiffApi> | undefined;
let installed = false;

async function start(liffId: string): Promise<LiffApi> {
  if (!installed) {
    liff.use(new IsInClient());
    liff.use(new IsLoggedIn());
    liff.use(new Login());
    liff.use(new GetIDToken());
    liff.use(new GetContext());
    liff.use(new CloseWindow());
    liff.use(new SendMessages());
    installed = true;
  }
  if (devHost()) {
    const { devLiff } = await import('./liff-dev');
    return devLiff(liff, liffId);
  }
  await liff.init({ liffId });
  return liff;
}

/** The LIFF SDK, initialised once for `liffId` (a failed start is tried again on the next call). */
export function liffSdk(liffId: string): Promise<LiffApi> {
  ready ??= start(liffId).catch((error: unknown) => {
    ready = undefined;
    throw error instanceof LiffUnavailable ? error : new LiffUnavailable(String(error));
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

// The SDK once started (pages call liffIdToken before anything else).
const started = async () => (ready ? ready.catch(() => null) : null);

/** Closes the LIFF window inside LINE; false outside LINE (the caller offers a link instead). */
export async function closeLiff(): Promise<boolean> {
  const sdk = await started();
  if (!sdk?.isInClient()) return false;
  sdk.closeWindow();
  return true;
}

/**
 * Sends `text` as the person into the one-to-one chat the page was opened from (free: no push quota);
 * the bot receives it like a typed message. False, sending nothing, outside LINE or when the page was
 * opened from a group, a room or outside a chat. Needs the LIFF app's `chat_message.write` scope.
 */
export async function sendTextAsUser(text: string): Promise<boolean> {
  const sdk = await started();
  if (!sdk?.isInClient() || sdk.getContext()?.type !== 'utou') return false;
  await sdk.sendMessages([{ type: 'text', text }]);
  return true;
}
