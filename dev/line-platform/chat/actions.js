// What tapping an action (quick reply chip, template button, Flex button...) does, as in the LINE app.
import { $ } from './dom.js';
import { sendPostback, sendText, session } from './session.js';

/** Performs a LINE action object. `ui` gives access to the page's pickers. */
export function runAction(action, ui) {
  if (!action) return;
  switch (action.type) {
    case 'message':
      return sendText(action.text ?? action.label ?? '');
    case 'postback':
      // LINE shows displayText as if the user typed it, but sends only the postback.
      return sendPostback(action.data ?? '', undefined, action.displayText ?? action.text);
    case 'uri':
      window.open(liffLink(action.uri), '_blank', 'noopener');
      return;
    case 'location':
      return ui.openLocation();
    case 'camera':
    case 'cameraRoll':
      return ui.openFilePicker();
    case 'datetimepicker':
      return pickDatetime(action);
    case 'clipboard':
      navigator.clipboard?.writeText(action.clipboardText ?? '');
      ui.notice(`คัดลอกแล้ว: ${action.clipboardText ?? ''}`);
      return;
    case 'richmenuswitch':
      return sendPostback(action.data ?? '', {
        newRichMenuAliasId: action.richMenuAliasId ?? '',
        status: 'SUCCESS',
      });
    default:
      ui.notice(`หน้านี้ยังไม่รองรับการกระทำแบบ ${action.type}`);
  }
}

const INPUT_TYPES = { date: 'date', time: 'time', datetime: 'datetime-local' };

// A datetime picker action answers with a postback whose params hold the chosen date, time or both.
function pickDatetime(action) {
  const mode = INPUT_TYPES[action.mode] ? action.mode : 'date';
  const dialog = $('#datetime-dialog');
  const input = $('#datetime-input');
  input.type = INPUT_TYPES[mode];
  input.value = action.initial ?? '';
  input.min = action.min ?? '';
  input.max = action.max ?? '';
  $('#datetime-title').textContent = action.label ?? 'เลือกวันเวลา';
  dialog.onclose = () => {
    if (dialog.returnValue !== 'ok' || !input.value) return;
    sendPostback(action.data ?? '', { [mode]: input.value }, input.value);
  };
  dialog.showModal();
}

/**
 * A link to a LIFF page of the local Worker opens logged in as the person chatting, "inside LINE" and
 * from this chat (the LIFF's dev login, liff/src/liff-dev.ts, reads the fragment), as tapping it in the
 * LINE app would: the page's liff.sendMessages() then posts into this chat.
 */
function liffLink(uri) {
  const url = new URL(uri, location.href);
  const userId = session.source?.userId;
  const chat = session.source?.type === 'group' ? 'group' : 'utou';
  if (userId && ['127.0.0.1', 'localhost'].includes(url.hostname) && !url.hash)
    url.hash = `dev-liff-user=${userId}&dev-liff-chat=${chat}`;
  return url.href;
}
