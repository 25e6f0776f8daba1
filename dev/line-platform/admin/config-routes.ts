import { channelBySlug, type Platform } from '../context';
import { type HttpContext, isObject, parseJson, type Route, sendJson } from '../http';
import { GROUP_ID, messageId, ROOM_ID, USER_ID, userIdFor } from '../ids';
import type { Faults, KnownUser } from '../state';

const optionalString = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** POST endpoints that set the world up: reset, users, groups, content and quotas. */
export function configRoutes(platform: Platform): Route[] {
  const { state } = platform;

  // Runs a handler on a JSON-object body; handlers return [status, body].
  const post = (
    pattern: RegExp,
    handler: (input: Record<string, unknown>, params: string[]) => [number, unknown],
  ): Route => ({
    method: 'POST',
    pattern,
    handler(ctx: HttpContext, params: string[]) {
      const input = ctx.body.length === 0 ? {} : parseJson(ctx.body);
      if (!isObject(input)) return sendJson(ctx.res, 400, { message: 'Send a JSON object' });
      const [status, body] = handler(input, params);
      sendJson(ctx.res, status, body);
    },
  });

  const unknownChannel = (slug: unknown): [number, unknown] => [
    400,
    { message: `Unknown channel: ${String(slug)}` },
  ];

  return [
    post(/^\/_platform\/reset$/, () => {
      state.reset();
      return [200, { ok: true }];
    }),

    post(/^\/_platform\/users$/, (input) => {
      if (input.channel !== undefined && !channelBySlug(platform, String(input.channel))) {
        return unknownChannel(input.channel);
      }
      const displayName = optionalString(input.displayName);
      if (!displayName) return [400, { message: 'displayName is required' }];
      // Without a userId the name decides it, so the same name is the same user next time.
      const userId = optionalString(input.userId) ?? userIdFor(displayName);
      if (!USER_ID.test(userId)) return [400, { message: 'userId must be U + 32 hex' }];
      const user: KnownUser = { userId, displayName };
      for (const key of ['pictureUrl', 'statusMessage', 'language', 'channel'] as const) {
        const value = optionalString(input[key]);
        if (value) user[key] = value;
      }
      state.addUser(user);
      return [200, user];
    }),

    post(/^\/_platform\/groups$/, (input) => {
      const channel = channelBySlug(platform, String(input.channel ?? ''));
      if (!channel) return unknownChannel(input.channel);
      const groupId = String(input.groupId ?? '');
      if (!GROUP_ID.test(groupId) && !ROOM_ID.test(groupId)) {
        return [400, { message: 'groupId must be C + 32 hex (or R + 32 hex for a room)' }];
      }
      const memberIds = Array.isArray(input.memberIds) ? input.memberIds.map(String) : [];
      if (!memberIds.every((id) => USER_ID.test(id))) return [400, { message: 'memberIds must be user ids' }];
      const group = {
        channel: channel.slug,
        groupId,
        groupName: optionalString(input.groupName) ?? 'กลุ่มทดสอบ',
        memberIds,
        ...(optionalString(input.pictureUrl) ? { pictureUrl: String(input.pictureUrl) } : {}),
      };
      state.addGroup(group);
      return [200, group];
    }),

    post(/^\/_platform\/content$/, (input) => {
      if (typeof input.base64 !== 'string') return [400, { message: 'base64 is required' }];
      const id = messageId();
      const channel = optionalString(input.channel);
      state.content.set(id, {
        bytes: Buffer.from(input.base64, 'base64'),
        contentType: optionalString(input.contentType) ?? 'application/octet-stream',
        ...(channel ? { channel } : {}),
      });
      return [200, { messageId: id }];
    }),

    post(/^\/_platform\/channels\/([^/]+)\/quota$/, (input, [slug = '']) => {
      if (!channelBySlug(platform, slug)) return unknownChannel(slug);
      const limit = input.limit;
      if (limit !== null && !(typeof limit === 'number' && Number.isInteger(limit) && limit >= 0)) {
        return [400, { message: 'limit must be a non-negative integer, or null for no limit' }];
      }
      state.quotas.set(slug, limit);
      return [200, { slug, limit }];
    }),

    post(/^\/_platform\/channels\/([^/]+)\/faults$/, (input, [slug = '']) => {
      if (!channelBySlug(platform, slug)) return unknownChannel(slug);
      const faults: Faults = {};
      for (const key of ['failFirst', 'failEvery', 'rateLimitEvery', 'loseAnswerEvery'] as const) {
        const value = input[key];
        if (value === undefined || value === null) continue;
        if (!(typeof value === 'number' && Number.isInteger(value) && value >= 1)) {
          return [400, { message: `${key} must be a positive integer` }];
        }
        faults[key] = value;
      }
      if (Object.keys(faults).length === 0) state.faults.delete(slug);
      else state.faults.set(slug, faults);
      state.sendCounts.delete(slug);
      return [200, { slug, faults }];
    }),
  ];
}
