// The conversation: the user's events (right), the bot's messages (left), merged by the platform's seq.
import { getJson } from './api.js';
import { $, h } from './dom.js';
import { renderBotMessage, renderUserEvent, systemLine } from './render.js';
import { chatId, session } from './session.js';

let seen = { messages: 0, webhooks: 0, requests: 0 };
let generation = 0;
let polling = false;
let latest = { seq: 0, quickReply: null };
let typingTimer;
// Rejections from before this chat was opened are old news: the first poll only learns where "now" is.
let skipOldRequests = true;
const names = new Map();

/** Names for other group members' bubbles. */
export function setNames(users) {
  for (const user of users) names.set(user.userId, user.displayName);
}

/** Starts over for a new chat (another organisation or another person). */
export function resetTimeline() {
  generation += 1;
  skipOldRequests = true;
  seen = { messages: 0, webhooks: 0, requests: seen.requests };
  latest = { seq: 0, quickReply: null };
  $('#timeline').replaceChildren();
  $('#quick-replies').replaceChildren();
}

// Puts a row at its place by seq: two polls can bring items of different kinds out of order.
function insert(seq, row) {
  row.dataset.seq = String(seq);
  const timeline = $('#timeline');
  const after = [...timeline.children].find((child) => Number(child.dataset.seq) > seq);
  timeline.insertBefore(row, after ?? null);
  if (!after) row.scrollIntoView({ block: 'end' });
}

function time(at) {
  return new Date(at).toLocaleTimeString('th-TH', { hour: '2-digit', minute: '2-digit' });
}

function addWebhook(entry) {
  const mine = entry.event.source?.userId === session.source?.userId;
  const content = renderUserEvent(entry);
  if (!content) {
    insert(entry.seq, h('div', { class: 'row system' }, systemLine(entry.event)));
  } else {
    const who = mine ? null : h('div', { class: 'sender' }, names.get(entry.event.source?.userId) ?? 'สมาชิก');
    insert(
      entry.seq,
      h('div', { class: `row ${mine ? 'right' : 'left'}` }, who, content, h('time', {}, time(entry.at))),
    );
  }
  if (entry.seq > latest.seq) latest = { seq: entry.seq, quickReply: null };
}

function addMessage(item, ui) {
  const onAction = (action) => ui.runAction(action);
  const via = h('span', { class: `via ${item.via}` }, item.via);
  insert(
    item.seq,
    h(
      'div',
      { class: 'row left bot' },
      renderBotMessage(item.message, onAction),
      h('time', {}, via, ' ', time(item.at)),
    ),
  );
  if (item.seq > latest.seq) latest = { seq: item.seq, quickReply: item.message.quickReply ?? null };
  hideTyping();
}

function showQuickReplies(ui) {
  const chips = (latest.quickReply?.items ?? []).map((item) =>
    h(
      'button',
      { class: 'chip', onclick: () => ui.runAction(item.action) },
      item.imageUrl ? h('img', { src: item.imageUrl, alt: '' }) : null,
      item.action?.label ?? item.action?.type ?? '',
    ),
  );
  $('#quick-replies').replaceChildren(...chips);
}

function showTyping(seconds) {
  $('#typing').hidden = false;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(hideTyping, (seconds ?? 5) * 1000);
}

function hideTyping() {
  $('#typing').hidden = true;
  clearTimeout(typingTimer);
}

// A request of the bot LINE refused, in one readable line.
function describeRejection(request) {
  const details = (request.error?.details ?? []).map((detail) => `${detail.property}: ${detail.message}`);
  const reason = [request.error?.message, ...details].filter(Boolean).join(' — ');
  return `LINE ปฏิเสธคำขอของบอต (${request.status} ${request.method} ${request.path}): ${reason}`;
}

/** Fetches what is new for the current chat and shows it. */
export async function poll(ui) {
  const chat = chatId();
  if (polling || !session.channel || !chat) return;
  polling = true;
  const mine = generation;
  try {
    const query = (since) => `channel=${encodeURIComponent(session.channel)}&since=${since}`;
    const forChat = `&chat=${encodeURIComponent(chat)}`;
    const [webhooks, messages, requests] = await Promise.all([
      getJson(`/_platform/webhooks?${query(seen.webhooks)}${forChat}`),
      getJson(`/_platform/messages?${query(seen.messages)}${forChat}`),
      getJson(`/_platform/requests?${query(seen.requests)}`),
    ]);
    if (mine !== generation) return;
    for (const entry of webhooks) addWebhook(entry);
    for (const item of messages) addMessage(item, ui);
    for (const request of skipOldRequests ? [] : requests) {
      const here = request.chatIds.length === 0 || request.chatIds.includes(chat);
      if (here && request.status >= 400) ui.showError(describeRejection(request));
      if (here && request.kind === 'loading' && request.status < 300)
        showTyping(request.body?.loadingSeconds);
    }
    seen = {
      webhooks: webhooks.at(-1)?.seq ?? seen.webhooks,
      messages: messages.at(-1)?.seq ?? seen.messages,
      requests: requests.at(-1)?.seq ?? seen.requests,
    };
    skipOldRequests = false;
    if (webhooks.length > 0 || messages.length > 0) showQuickReplies(ui);
  } catch (error) {
    ui.showError(`ติดต่อแพลตฟอร์มจำลองไม่ได้: ${error.message}`);
  } finally {
    polling = false;
  }
}
