import type { messagingApi } from '@line/bot-sdk';

type FlexComponent = messagingApi.FlexComponent;

/** The palette of the bot's cards: LINE green for actions, muted grey for labels. */
export const colors = { accent: '#06C755', label: '#8C8C8C', text: '#111111', header: '#E8F5EC' } as const;

/** A wrapped text component (Flex texts do not wrap by default, and Thai lines run long). */
export function text(value: string, style: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText {
  return { type: 'text', text: value, wrap: true, size: 'sm', color: colors.text, ...style };
}

/** A label on the left and a value on the right, as in a receipt. */
export function row(label: string, value: string): messagingApi.FlexBox {
  return {
    type: 'box',
    layout: 'baseline',
    spacing: 'sm',
    contents: [
      text(label, { color: colors.label, flex: 2 }),
      text(value, { flex: 3, align: 'end', weight: 'bold' }),
    ],
  };
}

/** A vertical box. */
export function column(
  contents: FlexComponent[],
  style: Partial<messagingApi.FlexBox> = {},
): messagingApi.FlexBox {
  return { type: 'box', layout: 'vertical', spacing: 'sm', contents, ...style };
}

/** A full-width button that opens a URL (label ≤ 20 characters, LINE's limit for action labels). */
export function linkButton(label: string, uri: string, primary = true): messagingApi.FlexButton {
  return {
    type: 'button',
    style: primary ? 'primary' : 'link',
    ...(primary ? { color: colors.accent } : {}),
    height: 'sm',
    action: { type: 'uri', label, uri },
  };
}

/** A bubble with a tinted header line, a body and an optional footer. */
export function card(args: {
  header: string;
  body: FlexComponent[];
  footer?: FlexComponent[];
}): messagingApi.FlexBubble {
  return {
    type: 'bubble',
    size: 'kilo',
    header: column([text(args.header, { size: 'xs', color: colors.label, weight: 'bold' })], {
      backgroundColor: colors.header,
      paddingAll: '12px',
    }),
    body: column(args.body, { paddingAll: '12px' }),
    ...(args.footer ? { footer: column(args.footer, { paddingAll: '12px' }) } : {}),
  };
}
