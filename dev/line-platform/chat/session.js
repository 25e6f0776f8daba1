// Who is chatting with which organisation, and how their actions become webhook events.
import { postJson } from './api.js';
import { fileToBase64 } from './dom.js';

export const session = {
  /** Channel slug. */
  channel: '',
  /** {type:'user', userId} or {type:'group', groupId, userId}. */
  source: null,
  /** Called with a Thai error text, or '' to clear. */
  onError: (_text) => {},
  /** Called after each send, so the timeline polls at once instead of waiting. */
  onSent: () => {},
};

/** The chat the current identity is in: the group id in a group, else the user id. */
export function chatId() {
  const source = session.source;
  if (!source) return '';
  return source.type === 'group' ? source.groupId : source.userId;
}

/** Sends events through the platform, which signs them and delivers them to the worker. */
export async function sendEvents(events, extra = {}) {
  if (!session.channel || !session.source) return;
  const { status, data } = await postJson('/_platform/webhook', {
    channel: session.channel,
    source: session.source,
    events,
    deliver: true,
    ...extra,
  });
  if (data.status === 0) session.onError(`ติดต่อเซิร์ฟเวอร์บอตไม่ได้: ${data.error ?? ''}`);
  else if (typeof data.status === 'number' && (data.status < 200 || data.status >= 300)) {
    session.onError(
      `เซิร์ฟเวอร์บอตตอบกลับด้วยสถานะ ${data.status}: ${String(data.responseBody ?? '').slice(0, 200)}`,
    );
  } else if (status >= 400) session.onError(`ส่งไม่สำเร็จ: ${data.message ?? status}`);
  else session.onError('');
  session.onSent();
}

export const sendText = (text) => sendEvents([{ type: 'message', message: { type: 'text', text } }]);

export function sendPostback(data, params, displayText) {
  const postback = params ? { data, params } : { data };
  return sendEvents([{ type: 'postback', postback }], displayText ? { displayText } : {});
}

export async function sendImage(file) {
  const contentBase64 = await fileToBase64(file);
  const message = { type: 'image', contentBase64, contentType: file.type || 'image/jpeg' };
  return sendEvents([{ type: 'message', message }]);
}

export function sendLocation({ title, address, latitude, longitude }) {
  const message = { type: 'location', address, latitude, longitude, ...(title ? { title } : {}) };
  return sendEvents([{ type: 'message', message }]);
}

export const sendFollow = () => sendEvents([{ type: 'follow' }]);
export const sendUnfollow = () => sendEvents([{ type: 'unfollow' }]);
