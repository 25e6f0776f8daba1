import { ApiError, OFFLINE } from './api';
import { h, replace } from './dom';

/** The page frame: an optional breadcrumb trail, then the content. Sets the tab title too. */
export function page(
  root: HTMLElement,
  args: { title: string; crumbs?: { label: string; href: string }[]; content: (Node | null | false)[] },
): void {
  document.title = `${args.title} | แผนป้องกันการทุจริต`;
  const crumbs = args.crumbs?.length
    ? h(
        'nav',
        { class: 'crumbs', 'aria-label': 'ตำแหน่งหน้า' },
        args.crumbs.flatMap((c, i) => [i > 0 ? ' › ' : null, h('a', { href: c.href }, c.label)]),
      )
    : null;
  replace(root, crumbs, ...args.content.filter((n): n is Node => !!n));
}

/** Shown while a page's data loads. */
export function loading(root: HTMLElement): void {
  replace(root, h('p', { class: 'status', role: 'status' }, 'กำลังโหลดข้อมูล…'));
}

/** What a failed page says: not found, no access, another refusal in the server's words, or the network. */
function failureText(error: unknown): { title: string; text: string; refusal: boolean } {
  if (!(error instanceof ApiError) || error.status >= 500 || error.status === 0)
    return { title: 'โหลดข้อมูลไม่สำเร็จ', text: 'กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง', refusal: false };
  // The server's own Thai message when it gave one (api.ts keeps only Thai messages).
  const said = error.message === OFFLINE ? null : error.message;
  if (error.status === 404)
    return { title: 'ไม่พบข้อมูลที่ต้องการ', text: said ?? 'หน้านี้อาจถูกย้ายหรือข้อมูลได้รับการปรับปรุงแล้ว', refusal: true };
  if (error.status === 401 || error.status === 403)
    return { title: 'ไม่มีสิทธิ์เข้าถึง', text: said ?? 'บัญชีนี้ไม่มีสิทธิ์เปิดหน้านี้', refusal: true };
  return { title: 'เปิดหน้านี้ไม่ได้', text: said ?? 'คำขอไม่ถูกต้อง', refusal: true };
}

/**
 * Shown when a page cannot be displayed: not found or no access (said as such, in the server's words),
 * or the network failed (with a retry).
 */
export function failure(root: HTMLElement, error: unknown, retry: () => void): void {
  const { title, text, refusal } = failureText(error);
  document.title = title;
  replace(
    root,
    h(
      'section',
      { class: 'card status', role: 'alert' },
      h('h1', {}, title),
      h('p', {}, text),
      refusal
        ? h('a', { class: 'button', href: '/' }, 'กลับหน้าแรก')
        : h('button', { type: 'button', class: 'button', onclick: retry }, 'ลองอีกครั้ง'),
    ),
  );
}

/** A page-sized notice instead of a page (login refused, nothing to show), with an optional way back. */
export function notice(
  root: HTMLElement,
  title: string,
  text: string,
  back?: { label: string; href: string },
): void {
  document.title = title;
  replace(
    root,
    h(
      'section',
      { class: 'card status', role: 'alert' },
      h('h1', {}, title),
      h('p', {}, text),
      back ? h('a', { class: 'button secondary', href: back.href }, back.label) : null,
    ),
  );
}
