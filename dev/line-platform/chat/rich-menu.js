// The rich menu under a 1:1 chat, as in the LINE app: the person's linked menu, else the channel's
// default; a bar with its chat-bar text opens and closes it, and each area performs its action.
import { runAction } from './actions.js';
import { getJson } from './api.js';
import { $ } from './dom.js';
import { session } from './session.js';

let shownKey = '';

/** Fetches the menu the current person sees and draws it (nothing in a group). */
export async function refreshRichMenu(ui) {
  const box = $('#rich-menu');
  const source = session.source;
  if (source?.type !== 'user') {
    box.replaceChildren();
    shownKey = '';
    return;
  }
  const query = `channel=${encodeURIComponent(session.channel)}&user=${encodeURIComponent(source.userId)}`;
  const menu = await getJson(`/_platform/richmenu?${query}`).catch(() => null);
  const key = menu ? `${source.userId}:${menu.richMenuId}` : '';
  if (key === shownKey) return;
  shownKey = key;
  if (!menu) return box.replaceChildren();
  const panel = document.createElement('div');
  panel.className = 'rich-menu-panel';
  panel.hidden = !menu.selected;
  panel.style.aspectRatio = `${menu.size.width} / ${menu.size.height}`;
  const image = document.createElement('img');
  image.src = menu.image;
  image.alt = '';
  panel.append(image);
  for (const area of menu.areas) {
    const b = area.bounds;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'rich-menu-area';
    button.setAttribute('aria-label', area.action.label ?? '');
    Object.assign(button.style, {
      left: `${(b.x / menu.size.width) * 100}%`,
      top: `${(b.y / menu.size.height) * 100}%`,
      width: `${(b.width / menu.size.width) * 100}%`,
      height: `${(b.height / menu.size.height) * 100}%`,
    });
    button.addEventListener('click', () => runAction(area.action, ui));
    panel.append(button);
  }
  const bar = document.createElement('button');
  bar.type = 'button';
  bar.className = 'rich-menu-bar';
  bar.textContent = `${menu.chatBarText} ▾`;
  bar.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
  });
  box.replaceChildren(bar, panel);
}
