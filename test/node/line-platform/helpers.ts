import { randomBytes } from 'node:crypto';
import { type DemoOrganization, demoOrganizations } from '../../../dev/demo-organizations';
import {
  type LinePlatform,
  type LinePlatformOptions,
  startLinePlatform,
} from '../../../dev/line-platform/server';

export const trang = demoOrganizations.find((org) => org.slug === 'trang') as DemoOrganization;
export const lampang = demoOrganizations.find((org) => org.slug === 'lampang') as DemoOrganization;

export const newUserId = () => `U${randomBytes(16).toString('hex')}`;
export const newGroupId = () => `C${randomBytes(16).toString('hex')}`;

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are asserted field by field.
  json: any;
  headers: Headers;
}

/** A platform for one test file, with helpers for its admin API and its Messaging API. */
export async function platformForTests(options: LinePlatformOptions = {}) {
  const platform: LinePlatform = await startLinePlatform(options);

  async function call(path: string, init: RequestInit): Promise<Answer> {
    const response = await fetch(platform.url + path, init);
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: response.status, json, headers: response.headers };
  }

  return {
    platform,
    url: platform.url,
    /** The admin API: GET without a body, POST with one. */
    admin: (path: string, body?: unknown) =>
      call(path, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
    /** The Messaging API as a bot calls it. */
    line: (
      path: string,
      body?: unknown,
      token = trang.channelAccessToken,
      headers: Record<string, string> = {},
    ) =>
      call(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    /** Builds (without delivering) one event from `userId` and returns the completed event. */
    async event(
      partial: unknown,
      source: unknown = { type: 'user', userId: newUserId() },
      channel = trang.slug,
    ) {
      const answer = await call('/_platform/webhook', {
        method: 'POST',
        body: JSON.stringify({ channel, source, events: [partial], deliver: false }),
      });
      if (answer.status !== 200) throw new Error(JSON.stringify(answer.json));
      return answer.json.events[0];
    },
  };
}
