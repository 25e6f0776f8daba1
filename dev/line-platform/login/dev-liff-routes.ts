import { randomBytes } from 'node:crypto';
import type { DemoOrganization } from '../../demo-organizations';
import { demoResidents, demoStaff } from '../demo-people';
import type { Platform } from '../context';
import { isObject, parseJson, type Route, sendJson } from '../http';
import { USER_ID } from '../ids';

/** Mints the ID token `liff.getIDToken()` returns for a person of a channel. */
export type MintToken = (channel: DemoOrganization, userId: string) => string;

/** Who a LIFF access token was issued to, and the chat the page was opened from "inside LINE", if any. */
export interface LiffSession {
  channel: DemoOrganization;
  userId: string;
  chat: LiffChat | null;
}

/** The kind of chat a LIFF page was opened from in the LINE app (`liff.getContext().type`). */
export type LiffChat = 'utou' | 'group' | 'room';
const CHATS: readonly unknown[] = ['utou', 'group', 'room'] satisfies LiffChat[];

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

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
 * LINE Login for LIFF pages on `npm start` (never production), for the LIFF's dev login
 * (liff/src/liff-dev.ts, on LINE's @line/liff-mock): the page where the developer picks a demo person,
 * and that person's ID token and LIFF access token for the LIFF app's channel. Access tokens are kept
 * in `sessions` (liff.sendMessages uses them: ./liff-share-route.ts).
 */
export function devLiffRoutes(
  platform: Platform,
  mint: MintToken,
  sessions: Map<string, LiffSession>,
): Route[] {
  const byLiffId = (liffId: string) => platform.channels.find((c) => c.liffId === liffId);
  return [
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
        if (input.chat !== undefined && !CHATS.includes(input.chat))
          return sendJson(ctx.res, 400, { message: 'chat must be utou, group or room (or absent)' });
        const accessToken = randomBytes(24).toString('base64url');
        sessions.set(accessToken, { channel, userId, chat: (input.chat as LiffChat | undefined) ?? null });
        sendJson(ctx.res, 200, { idToken: mint(channel, userId), accessToken });
      },
    },
  ];
}
