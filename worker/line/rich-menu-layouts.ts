/**
 * The two rich menus every organisation gets (pure; rich-menus.ts sends them to LINE, and
 * tools/rich-menu/render-images.ts draws their images from the same areas). LINE's compact size,
 * 2500 × 843, four areas side by side. An area's action is a word the bot understands or a LIFF page.
 */
export type RichMenuKind = 'resident' | 'staff';

export type AreaTarget = { say: string } | { liff: (slug: string) => string };

export interface LayoutArea {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Drawn on the image and used as the action's label (≤ 20 characters). */
  label: string;
  hint: string;
  icon: string;
  target: AreaTarget;
}

const SIZE = { width: 2500, height: 843 };
const quarter = (i: number) => ({ x: i * 625, y: 0, width: 625, height: SIZE.height });

export const richMenuLayouts: Record<
  RichMenuKind,
  { size: typeof SIZE; name: string; chatBarText: string; areas: LayoutArea[] }
> = {
  resident: {
    size: SIZE,
    name: 'resident-v1',
    chatBarText: 'เมนู',
    areas: [
      {
        ...quarter(0),
        label: 'แจ้งเบาะแสทุจริต',
        hint: 'ปกป้องผู้แจ้ง',
        icon: '!',
        target: { say: 'แจ้งเบาะแสทุจริต' },
      },
      { ...quarter(1), label: 'ร้องทุกข์ทั่วไป', hint: 'ถนน ไฟ ขยะ น้ำ', icon: '✎', target: { say: 'ร้องทุกข์ทั่วไป' } },
      {
        ...quarter(2),
        label: 'ติดตามเรื่อง',
        hint: 'ด้วยเลขรับเรื่อง',
        icon: '⌕',
        target: { liff: (s) => `o/${s}/track` },
      },
      {
        ...quarter(3),
        label: 'แผนป้องกันการทุจริต',
        hint: 'โครงการและงบประมาณ',
        icon: '☰',
        target: { liff: (s) => `o/${s}` },
      },
    ],
  },
  staff: {
    size: SIZE,
    name: 'staff-v1',
    chatBarText: 'เมนูงาน',
    areas: [
      { ...quarter(0), label: 'เรื่องใหม่', hint: 'รอรับเรื่อง', icon: '✉', target: { say: 'เรื่องใหม่' } },
      {
        ...quarter(1),
        label: 'งานของฉัน',
        hint: 'เรื่องที่รับผิดชอบ',
        icon: '✔',
        target: { liff: (s) => `o/${s}/staff/cases?mine=1` },
      },
      {
        ...quarter(2),
        label: 'เรื่องทั้งหมด',
        hint: 'หน้าเจ้าหน้าที่',
        icon: '☰',
        target: { liff: (s) => `o/${s}/staff` },
      },
      { ...quarter(3), label: 'ช่วยเหลือ', hint: 'คำสั่งเจ้าหน้าที่', icon: '?', target: { say: 'คำสั่งเจ้าหน้าที่' } },
    ],
  },
};

/** Bump when a layout or image changes: the cron then replaces every organisation's menus. */
export const RICH_MENU_VERSION = 1;
