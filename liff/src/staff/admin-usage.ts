import { type MessageUsage, usageText } from '../../../schema/contracts/message-usage';
import { h, replace } from '../dom';

/**
 * This month's LINE messages against the plan's quota, beside the notification policy it depends on.
 * Filled in when LINE answers: the admin page does not wait for it, and a failure only says so here.
 */
export function usageBox(load: () => Promise<MessageUsage>): HTMLElement {
  const box = h(
    'div',
    { class: 'usage', 'data-usage': 'loading' },
    h('p', { class: 'muted' }, 'กำลังอ่านจำนวนข้อความ LINE ของเดือนนี้…'),
  );
  load().then(
    (usage) => {
      const text = usageText(usage);
      box.dataset.usage = text.level;
      replace(box, h('p', {}, text.line), text.warning ? h('p', { class: 'warning' }, text.warning) : null);
    },
    (error: unknown) => {
      box.dataset.usage = 'error';
      replace(box, h('p', { class: 'muted' }, (error as Error).message));
    },
  );
  return box;
}
