import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DemoOrganization, demoOrganizations } from '../demo-organizations';
import { configRoutes } from './admin/config-routes';
import { inspectRoutes } from './admin/inspect-routes';
import { readRoutes, unknownApiRoutes } from './api/read-routes';
import { richMenuInspectRoutes, richMenuRoutes } from './api/rich-menu-routes';
import { sendRoutes } from './api/send-routes';
import type { Platform } from './context';
import { demoResidents, demoStaff, demoStaffGroups } from './demo-people';
import { matchRoute, readBody, type Route, sendJson } from './http';
import { LIFF_SHARE_PATH } from './login/liff-share-route';
import { loginRoutes } from './login/login-routes';
import { messagingValidators } from './spec/validator';
import { PlatformState } from './state';
import { staticRoutes } from './static-routes';
import { webhookRoutes } from './webhook/webhook-routes';

export interface LinePlatformOptions {
  /** 0 = ephemeral; default 0. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Where to deliver webhooks, e.g. 'http://127.0.0.1:8787' (POST `${workerUrl}/webhook/${slug}`). */
  workerUrl?: string;
  /** Default 60_000. */
  replyTokenTtlMs?: number;
  /** Default: demoOrganizations. */
  channels?: DemoOrganization[];
}

export interface LinePlatform {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the local LINE platform: the Messaging API at the root of `url` (what api.line.me and
 * api-data.line.me answer), LINE Login's keys (`/oauth2/v2.1/certs`), the admin API under `/_platform/`,
 * and the chat page at `/`.
 */
export async function startLinePlatform(opts: LinePlatformOptions = {}): Promise<LinePlatform> {
  const channels = opts.channels ?? demoOrganizations;
  const state = new PlatformState();
  for (const user of [...demoResidents, ...demoStaff]) state.addUser(user);
  for (const group of demoStaffGroups(channels)) state.addGroup(group);
  const platform: Platform = {
    state,
    channels,
    replyTokenTtlMs: opts.replyTokenTtlMs ?? 60_000,
    ...(opts.workerUrl ? { workerUrl: opts.workerUrl.replace(/\/+$/, '') } : {}),
    validators: messagingValidators(),
    defaultQuota: 300,
  };
  const routes: Route[] = [
    ...sendRoutes(platform),
    ...readRoutes(platform),
    ...richMenuRoutes(platform),
    ...richMenuInspectRoutes(platform),
    ...webhookRoutes(platform),
    ...loginRoutes(platform),
    ...inspectRoutes(platform),
    ...configRoutes(platform),
    ...staticRoutes(),
    ...unknownApiRoutes(platform),
  ];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    // The admin API and liff.sendMessages are called from the Worker's LIFF pages: allow other origins.
    if (url.pathname.startsWith('/_platform/') || url.pathname === LIFF_SHARE_PATH) {
      res.setHeader('access-control-allow-origin', '*');
      if (method === 'OPTIONS') {
        res.writeHead(204, {
          // '*' does not cover Authorization (the LIFF access token of liff.sendMessages).
          'access-control-allow-headers': '*, authorization',
          'access-control-allow-methods': 'GET, POST',
        });
        res.end();
        return;
      }
    }
    try {
      const found = matchRoute(routes, method, url.pathname);
      if (!found) return sendJson(res, 404, { message: 'Not found' });
      const body = await readBody(req);
      await found.route.handler({ req, res, method, url, body }, found.params);
    } catch (error) {
      console.error('[line-platform]', error);
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal error in the local LINE platform' });
      else res.end();
    }
  });

  // Node closes an idle keep-alive connection after 5 s (keepAliveTimeout) or 60 s (headersTimeout); workerd's
  // fetch, which pools connections, may reuse one at that very moment and fail with "Network connection
  // lost" (workers-sdk#14848 is the same race in miniflare's loopback server). A test on a loaded machine
  // idles that long between calls, so this local server never closes idle connections; close() ends them.
  server.keepAliveTimeout = 0;
  server.headersTimeout = 0;

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (fetch keeps them) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
