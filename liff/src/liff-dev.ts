import type liffCore from '@line/liff/core';
import { type LiffMockApi, LiffMockPlugin } from '@line/liff-mock';
import { type LiffApi, LiffUnavailable } from './liff-api';

// LIFF on a development machine (`npm start`, tests; never loaded elsewhere: liff-auth.ts imports this
// only on 127.0.0.1 and localhost). LINE cannot be reached from here, so LINE's own mock plugin
// (@line/liff-mock) answers the SDK's calls, and the local LINE platform (dev/line-platform) plays
// LINE Login and the chat:
// - who is logged in lives in the tab's sessionStorage under KEY: `{userId, chat}`, handed over in the
//   URL fragment (`#dev-liff-user=U…`, plus `&dev-liff-chat=utou|group` when the chat page opened the
//   link, as tapping it in the LINE app would: the page then runs "inside LINE") by the platform's
//   login page or its chat page; or `{idToken}`, a token set directly (e2e tests: a token with chosen
//   claims, a forged one, null);
// - for a user id the platform mints the ID token (the mock's getIDToken) and a LIFF access token;
// - login() goes to the platform's login page, where the developer picks a demo person;
// - sendMessages() posts to the platform's /message/v3/share, the endpoint LINE's SDK calls, which
//   delivers the messages to the bot as the person's own (webhook message events).

const KEY = 'dev-liff';

interface Session {
  userId?: string;
  idToken?: string | null;
  /** The chat the page was opened from inside LINE; absent: a browser outside LINE. */
  chat?: 'utou' | 'group' | 'room';
}

type Core = typeof liffCore;
type Mocked = Core & { $mock: LiffMockApi };
type MockData = Exclude<Parameters<LiffMockApi['set']>[0], (...args: never[]) => unknown>;

function takeHandOver(): void {
  const handed = /[#&]dev-liff-user=(U[0-9a-f]{32})/.exec(location.hash);
  if (!handed) return;
  const chat = /[#&]dev-liff-chat=(utou|group|room)\b/.exec(location.hash)?.[1] as Session['chat'];
  sessionStorage.setItem(KEY, JSON.stringify({ userId: handed[1], chat } satisfies Session));
  history.replaceState(null, '', location.pathname + location.search);
}

function readSession(): Session | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as unknown;
    return typeof stored === 'object' && stored !== null ? (stored as Session) : null;
  } catch {
    return null;
  }
}

async function platformUrl(): Promise<string> {
  const answer = await fetch('/api/dev/line-platform');
  if (!answer.ok) throw new LiffUnavailable('no local LINE platform (start the stack with npm start)');
  return ((await answer.json()) as { url: string }).url;
}

interface Tokens {
  idToken: string | null;
  accessToken: string | null;
}

async function tokensFor(platform: string, liffId: string, session: Session): Promise<Tokens | null> {
  if (!session.userId) return { idToken: session.idToken ?? null, accessToken: null };
  const answer = await fetch(`${platform}/_platform/liff-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ liffId, userId: session.userId, chat: session.chat }),
  });
  return answer.ok ? ((await answer.json()) as Tokens) : null;
}

/** The LIFF SDK (`liff`, its modules installed) started in mock mode and logged in through the local platform. */
export async function devLiff(core: Core, liffId: string): Promise<LiffApi> {
  const liff = core as Mocked;
  // The plugin is typed against the whole SDK; it needs only isInClient, installed before it.
  liff.use(new LiffMockPlugin() as unknown as Parameters<Core['use']>[0]);
  await liff.init({ liffId, mock: true } as Parameters<Core['init']>[0]);
  const platform = await platformUrl();
  takeHandOver();
  const session = readSession();
  const tokens = session ? await tokensFor(platform, liffId, session) : null;
  const chat = tokens === null ? undefined : session?.chat;
  liff.$mock.set((mock) => ({
    ...mock,
    isLoggedIn: tokens !== null,
    isInClient: chat !== undefined,
    getIDToken: tokens?.idToken ?? null,
    getAccessToken: tokens?.accessToken ?? null,
    getContext: { ...mock.getContext, type: chat ?? 'external', liffId } as MockData['getContext'],
  }));
  // The mock's login only records that the person is logged in, as LINE does inside its app.
  if (tokens) liff.login();
  return {
    isLoggedIn: () => liff.isLoggedIn(),
    getIDToken: () => liff.getIDToken(),
    isInClient: () => liff.isInClient(),
    getContext: () => liff.getContext(),
    login(config) {
      const back = config?.redirectUri ?? location.href;
      const query = new URLSearchParams({ liffId, redirectUri: back });
      location.assign(`${platform}/liff/login?${query}`);
    },
    closeWindow() {
      liff.closeWindow();
      // The chat page opened this tab, as LINE opens the LIFF window: closing it goes back to the chat.
      window.close();
    },
    async sendMessages(messages) {
      await liff.sendMessages(messages);
      const answer = await fetch(`${platform}/message/v3/share`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens?.accessToken ?? ''}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ messages }),
      });
      if (!answer.ok) throw new Error(`sendMessages: ${answer.status} ${await answer.text()}`);
    },
  };
}
