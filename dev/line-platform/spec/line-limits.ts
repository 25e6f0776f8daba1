import type { JsonSchema } from './openapi-schemas';

/*
 * Limits LINE documents in the Messaging API reference that messaging-api.yml does not encode. Each entry
 * is ANDed (allOf) with the schema of the same name, so the spec's own constraints still apply.
 *
 * How LINE counts characters (developers.line.biz "Counting text characters"): UTF-16 code units in
 * general, but grapheme clusters for action labels, action texts and template titles/texts. Thai vowel
 * and tone marks are separate code points inside one grapheme, so counting code points there would
 * reject labels LINE accepts. `lineMaxUtf16` and `lineMaxGraphemes` are custom keywords (validator.ts).
 * Rules are only as strict as the reference; where it is vague we are lenient.
 */

const utf16 = (max: number, min = 0): JsonSchema => ({ type: 'string', minLength: min, lineMaxUtf16: max });
const graphemes = (max: number): JsonSchema => ({ type: 'string', lineMaxGraphemes: max });
const https = (max: number): JsonSchema => ({ type: 'string', pattern: '^https://', lineMaxUtf16: max });

// An action whose label is required and limited (quick reply buttons, templates other than image carousel).
const labelledAction = (max: number): JsonSchema => ({
  required: ['label'],
  properties: { label: graphemes(max) },
});

const mediaUrls = {
  properties: { originalContentUrl: https(2000), previewImageUrl: https(2000) },
};

export const lineLimits: Record<string, JsonSchema> = {
  TextMessage: { properties: { text: utf16(5000, 1) } },
  TextMessageV2: { properties: { text: utf16(5000, 1) } },
  ImageMessage: mediaUrls,
  VideoMessage: mediaUrls,
  AudioMessage: { properties: { originalContentUrl: https(2000) } },
  TemplateMessage: { properties: { altText: utf16(1500, 1) } },
  FlexMessage: { properties: { altText: utf16(1500, 1) } },
  ImagemapMessage: { properties: { altText: utf16(1500, 1) } },
  QuickReplyItem: {
    required: ['type', 'action'],
    properties: { type: { enum: ['action'] }, action: labelledAction(20) },
  },
  ButtonsTemplate: {
    properties: {
      title: graphemes(40),
      text: graphemes(160),
      actions: { type: 'array', minItems: 1, maxItems: 4, items: labelledAction(20) },
    },
  },
  ConfirmTemplate: {
    properties: {
      text: graphemes(240),
      actions: { type: 'array', minItems: 2, maxItems: 2, items: labelledAction(20) },
    },
  },
  CarouselTemplate: { properties: { columns: { type: 'array', minItems: 1, maxItems: 10 } } },
  CarouselColumn: {
    properties: {
      title: graphemes(40),
      text: graphemes(120),
      actions: { type: 'array', minItems: 1, maxItems: 3, items: labelledAction(20) },
    },
  },
  ImageCarouselTemplate: { properties: { columns: { type: 'array', minItems: 1, maxItems: 10 } } },
  ImageCarouselColumn: { properties: { action: { properties: { label: graphemes(12) } } } },
  FlexCarousel: { properties: { contents: { type: 'array', minItems: 1, maxItems: 12 } } },
  MessageAction: { required: ['text'], properties: { text: graphemes(300) } },
  PostbackAction: {
    required: ['data'],
    properties: { displayText: graphemes(300), text: graphemes(300) },
  },
  URIAction: { required: ['uri'], properties: { uri: utf16(1000) } },
  DatetimePickerAction: { required: ['data', 'mode'] },
  // The rich menu reference: every field required, 1-20 areas, 800-2500 wide and at least 250 high (the
  // 1.45 aspect ratio is checked by the route).
  RichMenuRequest: {
    required: ['size', 'selected', 'name', 'chatBarText', 'areas'],
    properties: {
      chatBarText: utf16(14, 1),
      name: utf16(300, 1),
      areas: { type: 'array', minItems: 1, maxItems: 20 },
    },
  },
  RichMenuSize: {
    required: ['width', 'height'],
    properties: { width: { minimum: 800, maximum: 2500 }, height: { minimum: 250 } },
  },
  RichMenuArea: { required: ['bounds', 'action'] },
  RichMenuBounds: { required: ['x', 'y', 'width', 'height'] },
  ShowLoadingAnimationRequest: {
    properties: {
      // Loading animations are for one-on-one chats only, and run in 5-second steps.
      chatId: { type: 'string', pattern: '^U[0-9a-f]{32}$' },
      loadingSeconds: { type: 'integer', multipleOf: 5 },
    },
  },
};
