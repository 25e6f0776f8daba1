import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { demoStaff } from '../../dev/line-platform/demo-people';
import { fileComplaint, mintIdToken, newUserId, phonePages, workerUrl } from './support/stack';

// The admin page's audit chain download (liff/src/staff/admin-audit.ts) against the real stack.
const ORG = 'mueang-chan';
const somying = demoStaff[0]!.userId; // admin in every demo organisation
const openAs = phonePages(ORG);

async function exported(): Promise<string> {
  const response = await fetch(`${workerUrl}/api/orgs/${ORG}/staff/audit-chain`, {
    headers: { authorization: `Bearer ${await mintIdToken(ORG, somying)}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe('staff LIFF audit chain in headless Chromium', () => {
  it('the admin downloads the sealed chain as CSV, and the download is in the audit log', async () => {
    const code = await fileComplaint(ORG, newUserId(), {
      track: 'corruption',
      categoryCode: 'procurement',
      description: 'ล็อกสเปกงานจัดซื้อครุภัณฑ์',
      identity: { mode: 'anonymous' },
    });
    // The cron seals within a minute; tick it now rather than wait.
    await expect
      .poll(
        async () => {
          await fetch(`${workerUrl}/__scheduled?cron=*+*+*+*+*`);
          return exported();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toContain(`,${code},submitted,`);

    const page = await openAs(somying, `/o/${ORG}/staff/admin`);
    const section = page.locator('[data-section="audit"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'ดาวน์โหลดบันทึกตรวจสอบ (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-chain-mueang-chan-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(
      'seq,source,source_id,case_code,action,actor_type,actor,items,at,at_th,row_digest,prev_hash,hash',
    );
    expect(csv).toContain(`,${code},submitted,`);
    await expect.poll(() => section.locator('p[aria-live]').textContent()).toContain('การดาวน์โหลดนี้ถูกบันทึกไว้');

    await page.reload();
    await expect
      .poll(() => page.locator('[data-section="audit"] .audit').textContent())
      .toContain('ดาวน์โหลดบันทึกตรวจสอบ');
  });
});
