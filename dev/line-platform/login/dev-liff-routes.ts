import type { DemoOrganization } from '../../demo-organizations';
import { demoResidents, demoStaff } from '../demo-people';
import type { Platform } from '../context';
import { isObject, parseJson, type Route, sendJson } from '../http';
import { USER_ID } from '../ids';

/** Mints the ID token `liff.getIDToken()` returns for a person of a channel. */
export type MintToken = (channel: DemoOrganization, userId: string) => string;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// The LIFF SDK subset the app uses (liff/src/liff-auth.ts), playing LINE Login against this platform.
// Who is logged in lives in the tab's sessionStorage; the login page hands it over in the URL fragment.
const sdk = (origin: string) => `(() => {
  const platform = ${JSON.stringify(origin)};
  const KEY = 'dev-liff-user';
  const handed = /[#&]dev-liff-user=(U[0-9a-f]{32})/.exec(location.hash);
  if (handed) {
    sessionStorage.setItem(KEY, handed[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  let liffId = null;
  let token = null;
  window.liff = {
    async init(config) {
      liffId = config.liffId;
      const userId = sessionStorage.getItem(KEY);
      if (!userId) return;
      const answer = await fetch(platform + '/_platform/liff-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ liffId, userId }),
      });
      if (answer.ok) token = (await answer.json()).idToken;
    },
    isLoggedIn: () => token !== null,
    login(options) {
      const back = (options && options.redirectUri) || location.href;
      location.href = platform + '/liff/login?liffId=' + encodeURIComponent(liffId) + '&redirectUri=' + encodeURIComponent(back);
    },
    getIDToken: () => token,
    isInClient: () => false,
    closeWindow() {},
  };
})();
`;

function loginPage(channel: DemoOrganization, back: string): string {
  const person = (p: { userId: string; displayName: string }) =>
    `<li><a href="${esc(`${back.split('#')[0]}#dev-liff-user=${p.userId}`)}">${esc(p.displayName)}</a></li>`;
  return `<!doctype html><html lang="th"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>เข้าสู่ระบบด้วย LINE (จำลอง)</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}a{display:block;padding:.6rem;border:1px solid #ccc;border-radius:.5rem;margin:.4rem 0;text-decoration:none;color:#06c755}</style>
<h1>เข้าสู่ระบบด้วย LINE (จำลอง)</h1>
<p>${esc(channel.name)} · local LINE Login for development: choose who you are.</p>
<h2>ประชาชน (residents)</h2><ul>${demoResidents.map(person).join('')}</ul>
<h2>เจ้าหน้าที่ (staff)</h2><ul>${demoStaff.map(person).join('')}</ul></html>`;
}

/**
 * LINE Login for LIFF pages on `npm start` (never production): the SDK script, the page where the
 * developer picks a demo person, and the ID token for that person of the LIFF app's channel.
 */
export function devLiffRoutes(platform: Platform, mint: MintToken): Route[] {
  const byLiffId = (liffId: string) => platform.channels.find((c) => c.liffId === liffId);
  return [
    {
      method: 'GET',
      pattern: /^\/liff\/sdk\.js$/,
      handler(ctx) {
        const origin = `http://${ctx.req.headers.host ?? '127.0.0.1'}`;
        ctx.res.writeHead(200, {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'no-store',
        });
        ctx.res.end(sdk(origin));
      },
    },
    {
      method: 'GET',
      pattern: /^\/liff\/login$/,
      handler(ctx) {
        const channel = byLiffId(ctx.url.searchParams.get('liffId') ?? '');
        const back = ctx.url.searchParams.get('redirectUri') ?? '';
        if (!channel) return sendJson(ctx.res, 400, { message: 'Unknown liffId' });
        // Only back to a web page (never javascript: or the like).
        if (!/^https?:\/\//.test(back))
          return sendJson(ctx.res, 400, { message: 'redirectUri must be http(s)' });
        ctx.res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        ctx.res.end(loginPage(channel, back));
      },
    },
    {
      method: 'POST',
      pattern: /^\/_platform\/liff-token$/,
      handler(ctx) {
        const input = ctx.body.length === 0 ? undefined : parseJson(ctx.body);
        if (!isObject(input)) return sendJson(ctx.res, 400, { message: 'Send a JSON object' });
        const channel = byLiffId(String(input.liffId ?? ''));
        if (!channel) return sendJson(ctx.res, 400, { message: `Unknown liffId: ${String(input.liffId)}` });
        const userId = String(input.userId ?? '');
        if (!USER_ID.test(userId)) return sendJson(ctx.res, 400, { message: 'userId must be U + 32 hex' });
        sendJson(ctx.res, 200, { idToken: mint(channel, userId) });
      },
    },
  ];
}
