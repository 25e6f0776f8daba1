import { channelBySlug, type Platform } from '../context';
import { type HttpContext, isObject, parseJson, type Route, sendJson } from '../http';
import { USER_ID } from '../ids';
import { DEFAULT_DISPLAY_NAME } from '../api/read-routes';
import { devLiffRoutes, type LiffSession, type MintToken } from './dev-liff-routes';
import { liffShareRoute } from './liff-share-route';
import { idTokenClaims, type LoginKey, loginChannelId, newLoginKey, signJwt } from './id-token';

/**
 * LINE Login as LIFF uses it: the published keys (`GET /oauth2/v2.1/certs`, what api.line.me serves)
 * and, in place of a person logging in, `POST /_platform/id-token`, which mints the ID token that
 * `liff.getIDToken()` would return. Keys are generated at start and live as long as the process.
 */
export function loginRoutes(platform: Platform): Route[] {
  const keys: LoginKey[] = [newLoginKey()];
  let jwksFetches = 0;
  // LIFF access tokens of the dev login (liff.sendMessages), for the life of the process.
  const liffSessions = new Map<string, LiffSession>();

  const body = (ctx: HttpContext): Record<string, unknown> | undefined => {
    const input = ctx.body.length === 0 ? {} : parseJson(ctx.body);
    return isObject(input) ? input : undefined;
  };

  // The dev LIFF login's tokens: the first key, an hour, the person's display name (as /_platform/id-token).
  const mint: MintToken = (channel, userId) =>
    signJwt(
      keys[0]!,
      idTokenClaims({
        audience: loginChannelId(channel),
        userId,
        displayName: platform.state.findUser(channel.slug, userId)?.displayName ?? DEFAULT_DISPLAY_NAME,
        nowSec: Math.floor(Date.now() / 1000),
        expiresInSec: 3600,
      }),
    );

  return [
    ...devLiffRoutes(platform, mint, liffSessions),
    liffShareRoute(platform, liffSessions),
    {
      method: 'GET',
      pattern: /^\/oauth2\/v2\.1\/certs$/,
      handler(ctx) {
        jwksFetches += 1;
        sendJson(ctx.res, 200, { keys: keys.map((k) => k.jwk) }, { 'cache-control': 'max-age=3600' });
      },
    },
    {
      method: 'POST',
      pattern: /^\/_platform\/id-token$/,
      handler(ctx) {
        const input = body(ctx);
        if (!input) return sendJson(ctx.res, 400, { message: 'Send a JSON object' });
        const channel = channelBySlug(platform, String(input.channel ?? ''));
        if (!channel) return sendJson(ctx.res, 400, { message: `Unknown channel: ${String(input.channel)}` });
        const userId = String(input.userId ?? '');
        if (!USER_ID.test(userId)) return sendJson(ctx.res, 400, { message: 'userId must be U + 32 hex' });
        const expiresInSec = input.expiresInSec ?? 3600;
        if (typeof expiresInSec !== 'number' || !Number.isInteger(expiresInSec)) {
          return sendJson(ctx.res, 400, {
            message: 'expiresInSec must be an integer (negative: already expired)',
          });
        }
        const key = input.kid === undefined ? keys[0] : keys.find((k) => k.kid === input.kid);
        if (!key) return sendJson(ctx.res, 400, { message: `Unknown kid: ${String(input.kid)}` });
        const displayName =
          typeof input.displayName === 'string' && input.displayName
            ? input.displayName
            : (platform.state.findUser(channel.slug, userId)?.displayName ?? DEFAULT_DISPLAY_NAME);
        if (input.claims !== undefined && !isObject(input.claims)) {
          return sendJson(ctx.res, 400, { message: 'claims must be an object' });
        }
        // `claims` overrides (tests: a wrong issuer, a future iat) are signed with the real key.
        const claims = {
          ...idTokenClaims({
            audience: loginChannelId(channel),
            userId,
            displayName,
            nowSec: Math.floor(Date.now() / 1000),
            expiresInSec,
          }),
          ...(input.claims ?? {}),
        };
        sendJson(ctx.res, 200, { idToken: signJwt(key, claims), kid: key.kid, claims });
      },
    },
    {
      // A second published key (as during a rotation); tokens use it only when asked for by kid.
      method: 'POST',
      pattern: /^\/_platform\/login-keys$/,
      handler(ctx) {
        const key = newLoginKey();
        keys.push(key);
        sendJson(ctx.res, 200, { kid: key.kid, jwk: key.jwk });
      },
    },
    {
      method: 'GET',
      pattern: /^\/_platform\/login-keys$/,
      handler(ctx) {
        sendJson(ctx.res, 200, { kids: keys.map((k) => k.kid), jwksFetches });
      },
    },
  ];
}
