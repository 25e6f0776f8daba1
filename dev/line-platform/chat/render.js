// Message objects the bot sends, and the webhook events the user caused, as timeline content.
import { h } from './dom.js';
import { renderFlex } from './flex.js';

const actionButton = (action, onAction, className = 'template-button') =>
  h('button', { class: className, onclick: () => onAction(action) }, action?.label ?? action?.type ?? '');

function renderColumn(column, onAction) {
  return h(
    'div',
    { class: 'template-card' },
    column.thumbnailImageUrl
      ? h('img', { class: 'template-image', src: column.thumbnailImageUrl, alt: '' })
      : null,
    column.title ? h('div', { class: 'template-title' }, column.title) : null,
    h('div', { class: 'template-text' }, column.text ?? ''),
    (column.actions ?? []).map((action) => actionButton(action, onAction)),
  );
}

function renderTemplate(template, onAction) {
  switch (template.type) {
    case 'buttons':
      return renderColumn(template, onAction);
    case 'confirm':
      return h(
        'div',
        { class: 'template-card' },
        h('div', { class: 'template-text' }, template.text ?? ''),
        h(
          'div',
          { class: 'confirm-row' },
          (template.actions ?? []).map((action) => actionButton(action, onAction)),
        ),
      );
    case 'carousel':
      return h(
        'div',
        { class: 'carousel' },
        (template.columns ?? []).map((column) => renderColumn(column, onAction)),
      );
    case 'image_carousel':
      return h(
        'div',
        { class: 'carousel' },
        (template.columns ?? []).map((column) =>
          h(
            'div',
            { class: 'template-card image-column' },
            h('img', { class: 'template-image', src: column.imageUrl, alt: '' }),
            column.action?.label ? actionButton(column.action, onAction) : null,
          ),
        ),
      );
    default:
      return h('div', { class: 'bubble' }, `[แม่แบบ ${template.type}]`);
  }
}

// textV2 writes {name} placeholders; show mentions and emojis readably.
function substitute(message) {
  return String(message.text ?? '').replace(/\{([^}]+)\}/g, (whole, key) => {
    const item = message.substitution?.[key];
    if (!item) return whole;
    if (item.type === 'mention')
      return item.mentionee?.type === 'all' ? '@ทุกคน' : `@${item.mentionee?.userId ?? key}`;
    return '(อีโมจิ)';
  });
}

/** One message object from the bot. */
export function renderBotMessage(message, onAction) {
  switch (message.type) {
    case 'text':
      return h('div', { class: 'bubble bot' }, message.text ?? '');
    case 'textV2':
      return h('div', { class: 'bubble bot' }, substitute(message));
    case 'image':
      return h('a', { href: message.originalContentUrl, target: '_blank', rel: 'noopener' }, [
        h('img', {
          class: 'photo',
          src: message.previewImageUrl ?? message.originalContentUrl,
          alt: 'รูปภาพ',
        }),
      ]);
    case 'video':
      return h(
        'a',
        { class: 'bubble bot', href: message.originalContentUrl, target: '_blank', rel: 'noopener' },
        '▶ วิดีโอ',
      );
    case 'audio':
      return h('audio', { controls: true, src: message.originalContentUrl });
    case 'sticker':
      return h('div', { class: 'sticker' }, `[สติกเกอร์ ${message.packageId}/${message.stickerId}]`);
    case 'location':
      return h(
        'div',
        { class: 'bubble bot location' },
        h('strong', {}, `📍 ${message.title ?? ''}`),
        h('div', {}, message.address ?? ''),
        h('small', {}, `${message.latitude}, ${message.longitude}`),
      );
    case 'imagemap':
      return h(
        'div',
        { class: 'template-card' },
        h('img', { class: 'template-image', src: `${message.baseUrl}/1040`, alt: message.altText ?? '' }),
        h('div', { class: 'template-text' }, message.altText ?? ''),
        (message.actions ?? []).map((action) =>
          actionButton(
            action.type === 'uri' ? { type: 'uri', uri: action.linkUri, label: action.label } : action,
            onAction,
          ),
        ),
      );
    case 'template':
      return renderTemplate(message.template ?? {}, onAction);
    case 'flex':
      return h(
        'div',
        { class: 'flex-message', title: message.altText },
        renderFlex(message.contents, onAction),
      );
    default:
      return h('pre', { class: 'bubble bot' }, JSON.stringify(message, null, 2));
  }
}

/** What the user did, from the webhook log entry (event plus the displayText the page sent along). */
export function renderUserEvent(entry) {
  const { event } = entry;
  if (event.type === 'message') {
    const message = event.message ?? {};
    switch (message.type) {
      case 'text':
        return h('div', { class: 'bubble user' }, message.text);
      case 'image':
        return h('img', { class: 'photo', src: `/_platform/content/${message.id}`, alt: 'รูปภาพ' });
      case 'location':
        return h(
          'div',
          { class: 'bubble user location' },
          `📍 ${message.title ?? ''} ${message.address ?? ''}`,
        );
      case 'sticker':
        return h('div', { class: 'sticker' }, `[สติกเกอร์ ${message.packageId}/${message.stickerId}]`);
      default:
        return h('div', { class: 'bubble user' }, `[${message.type}]`);
    }
  }
  if (event.type === 'postback') {
    if (entry.displayText) return h('div', { class: 'bubble user' }, entry.displayText);
    return null;
  }
  return undefined;
}

const SYSTEM_TEXT = {
  follow: 'เพิ่มบอตเป็นเพื่อนแล้ว',
  unfollow: 'บล็อกบอตแล้ว',
  join: 'บอตเข้าร่วมกลุ่มแล้ว',
  leave: 'บอตออกจากกลุ่มแล้ว',
  memberJoined: 'มีสมาชิกเข้ากลุ่ม',
  memberLeft: 'มีสมาชิกออกจากกลุ่ม',
};

/** A centred grey line for events that are not chat bubbles (follow, postback without displayText...). */
export function systemLine(event) {
  if (event.type === 'postback') return `ส่ง postback: ${event.postback?.data ?? ''}`;
  return SYSTEM_TEXT[event.type] ?? `เหตุการณ์ ${event.type}`;
}
