import { createMiddleware } from 'hono/factory';
import { keyringFromEnv } from '../../crypto/keyring';
import type { Keyring } from '../../crypto/secret-box';
import { createDb } from '../../db/client';
import type { AppEnv } from '../app-env';

/**
 * Puts this request's db handle, keyring and clock on the context (`c.var.db`, `c.var.keyring()`,
 * `c.var.now`). The handle is made per request (a D1 binding belongs to its request's env); the keyring
 * is imported only when a route first asks for it, so cacheable public reads pay nothing for it.
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  let keyring: Promise<Keyring> | undefined;
  c.set('db', createDb(c.env.DB));
  c.set('keyring', () => {
    keyring ??= keyringFromEnv(c.env);
    return keyring;
  });
  c.set('now', Date.now());
  await next();
});
