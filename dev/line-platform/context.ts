import type { DemoOrganization } from '../demo-organizations';
import type { BodyValidator, MessagingSchema } from './spec/validator';
import type { PlatformState } from './state';

/** What every route module needs: the state, the configured channels and the compiled validators. */
export interface Platform {
  state: PlatformState;
  channels: DemoOrganization[];
  replyTokenTtlMs: number;
  workerUrl?: string;
  validators: Record<MessagingSchema, BodyValidator>;
  /** LINE's default for a free plan is a few hundred; 300 unless set through the admin API. */
  defaultQuota: number;
}

/** The channel with this slug (admin API and webhook routes name channels by slug). */
export function channelBySlug(platform: Platform, slug: string): DemoOrganization | undefined {
  return platform.channels.find((channel) => channel.slug === slug);
}

/** The channel whose access token this is: how the Messaging API knows who is calling. */
export function channelByToken(platform: Platform, token: string): DemoOrganization | undefined {
  return platform.channels.find((channel) => channel.channelAccessToken === token);
}

/** The channel's monthly target: the configured one, else the default; null = no limit. */
export function quotaOf(platform: Platform, slug: string): number | null {
  const configured = platform.state.quotas.get(slug);
  return configured === undefined ? platform.defaultQuota : configured;
}
