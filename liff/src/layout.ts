import { ApiError } from './api';
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

/** Shown when a page cannot be displayed: not found, or the network failed (with a retry). */
export function failure(root: HTMLElement, error: unknown, retry: () => void): void {
  const notFound = error instanceof ApiError && error.status === 404;
  document.title = notFound ? 'ไม่พบข้อมูล' : 'โหลดข้อมูลไม่สำเร็จ';
  replace(
    root,
    h(
      'section',
      { class: 'card status', role: 'alert' },
      h('h1', {}, notFound ? 'ไม่พบข้อมูลที่ต้องการ' : 'โหลดข้อมูลไม่สำเร็จ'),
      h(
        'p',
        {},
        notFound ? 'หน้านี้อาจถูกย้ายหรือแผนได้รับการปรับปรุงแล้ว' : 'กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง',
      ),
      notFound
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
