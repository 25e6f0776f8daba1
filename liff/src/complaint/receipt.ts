import { trackNames } from '../../../schema/contracts/complaint-rules';
import type { ComplaintReceipt } from '../../../schema/contracts/complaint-api';
import { deadlineLines, pinAdvice, progressChannelLine } from '../../../lib/texts/receipt-lines';
import { formatThaiDay } from '../../../lib/thai-date';
import { h, replace } from '../dom';
import type { IdentityMode } from '../../../schema/contracts/complaint-rules';
import { closeLiff } from '../liff-auth';
import { paths } from '../routes';
import { receiptToChat } from './chat-receipt';
import './receipt.css';

/**
 * The receipt: tracking code, date of receipt (Buddhist Era), the deadlines and, for an anonymous report,
 * the PIN. Never pushed (billed per message); inside LINE an identified or confidential filing also asks
 * for it in the chat as the person (./chat-receipt.ts), and the bot's free reply carries it there.
 */
export function renderReceipt(
  root: HTMLElement,
  filed: { org: string; receipt: ComplaintReceipt; mode: IdentityMode },
  again: () => void,
) {
  const { org, receipt } = filed;
  document.title = `รับเรื่องแล้ว ${receipt.code}`;
  const row = (label: string, value: string) =>
    h('div', { class: 'row' }, h('dt', {}, label), h('dd', {}, value));
  const close = h('button', { type: 'button', class: 'button' }, 'ปิดหน้านี้');
  const inChat = h('p', { class: 'hint', 'data-testid': 'receipt-in-chat', hidden: true });
  close.addEventListener('click', async () => {
    if (!(await closeLiff())) location.assign(paths.org(org));
  });
  replace(
    root,
    h(
      'section',
      { class: 'card receipt', role: 'status' },
      h('h1', {}, 'รับเรื่องเรียบร้อยแล้ว'),
      h('p', { class: 'muted' }, 'เลขรับเรื่อง'),
      h('p', { class: 'code', 'data-testid': 'receipt-code' }, receipt.code),
      h(
        'dl',
        {},
        row('วันที่รับเรื่อง', formatThaiDay(receipt.createdAt)),
        row('ประเภท', trackNames[receipt.track].short),
        row('หมวด', receipt.categoryName),
        row('หลักฐานที่แนบ', `${receipt.evidenceCount} ไฟล์`),
      ),
      h(
        'ul',
        { class: 'deadlines' },
        deadlineLines(receipt).map((line) => h('li', {}, line)),
      ),
      receipt.pin
        ? h(
            'div',
            { class: 'pin' },
            h('p', {}, `รหัสลับ (PIN) ของเรื่อง ${receipt.code}`),
            h('p', { class: 'code', 'data-testid': 'receipt-pin' }, receipt.pin),
            pinAdvice.map((line) => h('p', { class: 'hint' }, line)),
          )
        : null,
      h('p', { class: 'hint' }, progressChannelLine(receipt)),
      h('p', { class: 'hint' }, 'แนะนำให้บันทึกภาพหน้าจอนี้ไว้'),
      inChat,
      close,
      h('button', { type: 'button', class: 'button secondary', onclick: again }, 'แจ้งเรื่องอื่น'),
    ),
  );
  window.scrollTo(0, 0);
  void receiptToChat(filed.mode, receipt).then((sent) => {
    if (!sent) return;
    inChat.textContent = 'ส่งใบรับเรื่องไว้ในแชต LINE ของหน่วยงานแล้ว';
    inChat.hidden = false;
  });
}
