import { type Platform, quotaOf } from '../context';
import type { Route } from '../http';
import { GROUP_ID, USER_ID } from '../ids';
import type { KnownUser } from '../state';
import { type ApiCall, type ApiOutcome, apiRoute, NOT_FOUND } from './api-route';

/** Any well-formed user the platform was not told about still has a profile, like a real LINE user. */
export const DEFAULT_DISPLAY_NAME = 'ผู้ใช้ทดสอบ';
const DEFAULT_GROUP_NAME = 'กลุ่มทดสอบ';

/** Content, profiles, groups, quota and bot info: the read-only endpoints. */
export function readRoutes(platform: Platform): Route[] {
  const { state } = platform;
  const notFound = (chatIds: string[] = []): ApiOutcome => ({ status: 404, body: NOT_FOUND, chatIds });

  function profileOf(call: ApiCall, userId: string): KnownUser | undefined {
    if (!USER_ID.test(userId)) return undefined;
    return (
      state.findUser(call.channel.slug, userId) ?? {
        userId,
        displayName: DEFAULT_DISPLAY_NAME,
        language: 'th',
      }
    );
  }

  const content = (call: ApiCall): ApiOutcome => {
    const [id = ''] = call.params;
    const stored = state.content.get(id);
    if (!stored || (stored.channel && stored.channel !== call.channel.slug)) return notFound();
    return { status: 200, bytes: { data: stored.bytes, contentType: stored.contentType } };
  };

  const profile = (call: ApiCall): ApiOutcome => {
    const [userId = ''] = call.params;
    const user = profileOf(call, userId);
    if (!user) return notFound([userId]);
    const { channel: _channel, ...body } = user;
    return { status: 200, body, chatIds: [userId] };
  };

  const groupSummary = (call: ApiCall): ApiOutcome => {
    const [groupId = ''] = call.params;
    const group = state.findGroup(call.channel.slug, groupId);
    if (!group && !GROUP_ID.test(groupId)) return notFound([groupId]);
    const body = group
      ? { groupId, groupName: group.groupName, ...(group.pictureUrl ? { pictureUrl: group.pictureUrl } : {}) }
      : { groupId, groupName: DEFAULT_GROUP_NAME };
    return { status: 200, body, chatIds: [groupId] };
  };

  const memberCount = (call: ApiCall): ApiOutcome => {
    const [groupId = ''] = call.params;
    const group = state.findGroup(call.channel.slug, groupId);
    if (!group && !GROUP_ID.test(groupId)) return notFound([groupId]);
    return { status: 200, body: { count: group ? group.memberIds.length : 1 }, chatIds: [groupId] };
  };

  const memberProfile = (call: ApiCall): ApiOutcome => {
    const [groupId = '', userId = ''] = call.params;
    const group = state.findGroup(call.channel.slug, groupId);
    // In a configured group only its members have a profile; elsewhere anyone well-formed does.
    if (group ? !group.memberIds.includes(userId) : !GROUP_ID.test(groupId)) return notFound([groupId]);
    const user = profileOf(call, userId);
    if (!user) return notFound([groupId]);
    return {
      status: 200,
      body: {
        displayName: user.displayName,
        userId,
        ...(user.pictureUrl ? { pictureUrl: user.pictureUrl } : {}),
      },
      chatIds: [groupId],
    };
  };

  const quota = (call: ApiCall): ApiOutcome => {
    const limit = quotaOf(platform, call.channel.slug);
    return { status: 200, body: limit === null ? { type: 'none' } : { type: 'limited', value: limit } };
  };

  const consumption = (call: ApiCall): ApiOutcome => ({
    status: 200,
    body: { totalUsage: state.consumption(call.channel.slug) },
  });

  const info = (call: ApiCall): ApiOutcome => ({
    status: 200,
    body: {
      userId: call.channel.botUserId,
      basicId: `@${call.channel.channelId}`,
      displayName: call.channel.name,
      chatMode: 'bot',
      markAsReadMode: 'auto',
    },
  });

  return [
    apiRoute(platform, 'GET', /^\/v2\/bot\/message\/([^/]+)\/content$/, 'content', content),
    apiRoute(platform, 'GET', /^\/v2\/bot\/profile\/([^/]+)$/, 'profile', profile),
    apiRoute(platform, 'GET', /^\/v2\/bot\/group\/([^/]+)\/summary$/, 'group', groupSummary),
    apiRoute(platform, 'GET', /^\/v2\/bot\/group\/([^/]+)\/members\/count$/, 'group', memberCount),
    apiRoute(platform, 'GET', /^\/v2\/bot\/group\/([^/]+)\/member\/([^/]+)$/, 'group', memberProfile),
    apiRoute(platform, 'GET', /^\/v2\/bot\/message\/quota$/, 'quota', quota),
    apiRoute(platform, 'GET', /^\/v2\/bot\/message\/quota\/consumption$/, 'quota', consumption),
    apiRoute(platform, 'GET', /^\/v2\/bot\/info$/, 'info', info),
  ];
}

/** Any other Messaging API path: recorded (kind "other") so a call the platform does not emulate is visible. */
export function unknownApiRoutes(platform: Platform): Route[] {
  const pattern = /^\/(v2|bot)\//;
  const answer = (): ApiOutcome => ({ status: 404, body: NOT_FOUND });
  return ['GET', 'POST', 'PUT', 'DELETE'].map((method) =>
    apiRoute(platform, method, pattern, 'other', answer),
  );
}
