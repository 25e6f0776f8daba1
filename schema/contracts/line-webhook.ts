import { z } from 'zod';

/**
 * What we need of LINE's webhook body. Deliberately loose: LINE adds event types and fields without
 * notice, so unknown keys pass through and unknown event types are accepted (and ignored later).
 */
export const webhookSource = z.looseObject({
  type: z.string(),
  userId: z.string().optional(),
  groupId: z.string().optional(),
  roomId: z.string().optional(),
});
export type WebhookSource = z.infer<typeof webhookSource>;

export const webhookEvent = z.looseObject({
  type: z.string().min(1),
  mode: z.string().optional(),
  timestamp: z.number().optional(),
  webhookEventId: z.string().min(1).max(128).optional(),
  replyToken: z.string().optional(),
  source: webhookSource.optional(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean().optional() }).optional(),
});
export type WebhookEvent = z.infer<typeof webhookEvent>;

export const webhookBody = z.looseObject({
  destination: z.string(),
  events: z.array(webhookEvent),
});
export type WebhookBody = z.infer<typeof webhookBody>;

export const textMessageEvent = webhookEvent.extend({
  type: z.literal('message'),
  message: z.looseObject({ type: z.literal('text'), id: z.string(), text: z.string() }),
});

export const messageEvent = webhookEvent.extend({
  type: z.literal('message'),
  message: z.looseObject({ type: z.string(), id: z.string() }),
});

export const postbackEvent = webhookEvent.extend({
  type: z.literal('postback'),
  postback: z.looseObject({ data: z.string(), params: z.record(z.string(), z.string()).optional() }),
});
