import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { richMenuLayouts } from '../../worker/line/rich-menu-layouts';

/*
 * Renders the rich menu images shipped in liff/public/rich-menu/ (served as static assets; the Worker
 * uploads them to LINE). Run after changing a label or the layout, and commit the PNGs:
 *   npx tsx tools/rich-menu/render-images.ts
 * Needs Debian's chromium and fonts-thai-tlwg (the Thai labels are drawn with Garuda/Loma).
 */
const out = path.resolve(import.meta.dirname, '../../liff/public/rich-menu');
mkdirSync(out, { recursive: true });

const colours = ['#06C755', '#0B7A3B', '#1E5AA8', '#6A3FA0'];

function html(kind: keyof typeof richMenuLayouts): string {
  const { size, areas } = richMenuLayouts[kind];
  const cells = areas
    .map(
      (
        a,
        i,
      ) => `<div class="cell" style="left:${a.x}px;top:${a.y}px;width:${a.width}px;height:${a.height}px;background:${colours[i % colours.length]}">
        <div class="icon">${a.icon}</div><div class="label">${a.label}</div><div class="hint">${a.hint}</div></div>`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body{margin:0;width:${size.width}px;height:${size.height}px;position:relative;font-family:Garuda,Loma,sans-serif;background:#fff}
    .cell{position:absolute;box-sizing:border-box;border:6px solid #fff;color:#fff;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center}
    .icon{font-size:150px;line-height:1;font-weight:bold}
    .label{font-size:92px;font-weight:bold;margin-top:36px;line-height:1.15}
    .hint{font-size:54px;margin-top:16px;opacity:.9}
  </style></head><body>${cells}</body></html>`;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  for (const kind of Object.keys(richMenuLayouts) as (keyof typeof richMenuLayouts)[]) {
    const { size } = richMenuLayouts[kind];
    const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
    await page.setContent(html(kind));
    const file = path.join(out, `${kind}.png`);
    await page.screenshot({ path: file, type: 'png' });
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
}
