import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { type MessageUsage, usageText } from '../../schema/contracts/message-usage';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { createDb } from '../../worker/db/client';
import { lineForOrg } from '../../worker/orgs/org-line';
import { platformApi } from './support/line';
import { asUser } from './support/staff-api';
import { testEnv } from './support/worker';
import { useStaff } from './support/roster';

// Admins see this month's billable LINE messages against the plan's quota, read from LINE itself.
const org = useOrg('lampang');
const { admin, officer } = useStaff(org, {
  admin: { roles: ['admin'], name: 'แอดมินโควตา' },
  officer: { roles: ['officer'], unit: 'engineering' },
});

const billable = async () =>
  (await platformApi<{ billable: number }>(`/_platform/stats?channel=${org.slug}`)).billable;
const setQuota = (limit: number | null) => platformApi(`/_platform/channels/${org.slug}/quota`, { limit });

describe('message usage (admins)', () => {
  it("answers LINE's own count and quota; other files' pushes may land meanwhile, never outside the bounds", async () => {
    // Only ever raised above the platform's default here, so concurrent test files are not refused.
    await setQuota(1_000_000);
    try {
      // One billable push of the organisation's own, so the count cannot be a constant 0.
      const target = (await lineForOrg(testEnv, createDb(env.DB), await keyringFromEnv(env), org.id))!;
      await target.line.push(admin.userId, [{ type: 'text', text: 'ทดสอบการนับข้อความ' }]);
      const before = await billable();
      const answer = await asUser(org.slug, admin.userId, '/settings/message-usage');
      const after = await billable();
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
      const usage = answer.json as MessageUsage;
      expect(usage.quota).toBe(1_000_000);
      expect(usage.used).toBeGreaterThanOrEqual(before);
      expect(usage.used).toBeLessThanOrEqual(after);
      expect(before).toBeGreaterThan(0);

      await setQuota(null);
      expect((await asUser(org.slug, admin.userId, '/settings/message-usage')).json.quota).toBeNull();
    } finally {
      await setQuota(300);
    }
  });

  it('is for admins of the organisation only', async () => {
    expect((await asUser(org.slug, officer.userId, '/settings/message-usage')).status).toBe(403);
    const other = useOrg('chanthaburi').slug;
    expect((await asUser(other, admin.userId, '/settings/message-usage')).status).toBe(403);
  });
});

describe('how the admin page states it', () => {
  const cases: [MessageUsage, 'ok' | 'near' | 'out', string, string | null][] = [
    [{ quota: 300, used: 0 }, 'ok', 'ใช้ไป 0 จาก 300 ข้อความ', null],
    [{ quota: 300, used: 239 }, 'ok', 'ใช้ไป 239 จาก 300 ข้อความ', null],
    [{ quota: 300, used: 240 }, 'near', 'ใช้ไป 240 จาก 300 ข้อความ', 'ใกล้ครบ'],
    [{ quota: 300, used: 300 }, 'out', 'ใช้ไป 300 จาก 300 ข้อความ', 'พิมพ์ "เรื่องใหม่" ในแชต'],
    [{ quota: 15_000, used: 15_001 }, 'out', 'ใช้ไป 15,001 จาก 15,000 ข้อความ', 'ต้นเดือนหน้า'],
    [{ quota: 0, used: 0 }, 'out', 'ใช้ไป 0 จาก 0 ข้อความ', 'หมดแล้ว'],
    [{ quota: null, used: 1_234 }, 'ok', 'ส่งไปแล้ว 1,234 ข้อความ (แพ็กเกจไม่จำกัดจำนวน)', null],
  ];
  it.each(cases)('%o → %s', (usage, level, line, warning) => {
    const text = usageText(usage);
    expect(text.level).toBe(level);
    expect(text.line).toContain(line);
    if (warning === null) expect(text.warning).toBeNull();
    else expect(text.warning).toContain(warning);
  });
});
