import { describe, expect, it } from 'vitest';
import { smallPlan } from '../fixtures/plan-fixture';
import { useOrg } from '../fixtures/demo-org';
import { useStaff } from './support/roster';
import { callAs } from './support/staff-admin';
import { countRows } from './support/db';
import { demoPlans } from './support/plans';
import { callWorker } from './support/worker';

// An admin publishes a plan parsed in the browser; the Worker checks it again and swaps it in atomically.
const org = useOrg('trang');
const other = useOrg('lampang');
const { admin, officer, integrity } = useStaff(org, {
  admin: { roles: ['admin'], name: 'แอดมินตรัง' },
  officer: { roles: ['officer'], unit: 'engineering' },
  integrity: 'integrity',
});
const { admin: otherAdmin } = useStaff(other, { admin: 'admin' });
const as = callAs(org.slug);

async function publicFirstProject(key: string): Promise<string | undefined> {
  const response = await callWorker(`/api/orgs/${org.slug}/plans/${key}/projects?limit=1`);
  if (response.status !== 200) return undefined;
  const body = (await response.json()) as { items: { name: string }[] };
  return body.items[0]?.name;
}

describe('plan upload (admins)', () => {
  it('publishes a plan: the public pages show it, the history names the admin', async () => {
    const published = await as(admin, '/plans', 'POST', { document: smallPlan(' (ก)'), source: 'แผน.docx' });
    expect(published.status).toBe(201);
    expect(published.json).toEqual({ key: '2566-2568', projects: 6 });
    expect(await publicFirstProject('2566-2568')).toBe('โครงการอบรมคุณธรรมจริยธรรม (ก)');

    const view = await as(admin, '/plans', 'GET');
    expect(view.status).toBe(200);
    expect(view.headers.get('cache-control')).toBe('private, no-store');
    expect(view.json.versions).toEqual([
      expect.objectContaining({ key: '2566-2568', status: 'active', projects: 6 }),
    ]);
    expect(view.json.history[0]).toMatchObject({
      key: '2566-2568',
      action: 'publish',
      by: 'แอดมินตรัง',
      source: 'แผน.docx',
      projects: 6,
      budgetTotal: 240_000,
    });
    expect(view.json.currentFiscalYear).toBeGreaterThan(2568);
  });

  it('publishes a real plan (Trang) in one request, and a second upload keeps the first as the previous version', async () => {
    const trang = demoPlans().trang!;
    const first = await as(admin, '/plans', 'POST', { document: trang, source: 'trang.txt' });
    expect(first.status).toBe(201);
    const again = await as(admin, '/plans', 'POST', { document: trang, source: 'trang-2.txt' });
    expect(again.status).toBe(201);
    const view = await as(admin, '/plans', 'GET');
    const trangVersions = view.json.versions.filter((v: { key: string }) => v.key === first.json.key);
    expect(trangVersions.map((v: { status: string; source: string }) => [v.status, v.source])).toEqual([
      ['active', 'trang-2.txt'],
      ['replaced', 'trang.txt'],
    ]);
  });

  it('goes back to the previous version, recorded as a restoration', async () => {
    await as(admin, '/plans', 'POST', { document: smallPlan(' (ข)'), source: 'ข.txt' });
    expect(await publicFirstProject('2566-2568')).toBe('โครงการอบรมคุณธรรมจริยธรรม (ข)');
    const restored = await as(admin, '/plans/2566-2568/restore', 'POST', {});
    expect(restored.status).toBe(200);
    expect(await publicFirstProject('2566-2568')).toBe('โครงการอบรมคุณธรรมจริยธรรม (ก)');
    const view = await as(admin, '/plans', 'GET');
    expect(view.json.history[0]).toMatchObject({ action: 'restore', by: 'แอดมินตรัง', source: 'แผน.docx' });
    const none = await as(admin, '/plans/2599-2600/restore', 'POST', {});
    expect(none.status).toBe(409);
    expect(none.json.error.message).toBe('ไม่มีแผนฉบับก่อนหน้าให้กลับไปใช้');
  });

  it("refuses officers, integrity officers and another organisation's admin, changing nothing", async () => {
    const plans = await countRows('plans');
    const body = { document: smallPlan(' (ค)'), source: 'x.txt' };
    for (const who of [officer, integrity]) {
      const refused = await as(who, '/plans', 'POST', body);
      expect(refused.status).toBe(403);
      expect((await as(who, '/plans', 'GET')).status).toBe(403);
      expect((await as(who, '/plans/2566-2568/restore', 'POST', {})).status).toBe(403);
    }
    const foreign = await callAs(org.slug)(otherAdmin, '/plans', 'POST', body);
    expect(foreign.status).toBe(403);
    expect(await countRows('plans')).toBe(plans);
    expect(await publicFirstProject('2566-2568')).toBe('โครงการอบรมคุณธรรมจริยธรรม (ก)');
  });

  it('refuses a document the contract or the whole-plan checks reject, in Thai, changing nothing', async () => {
    const plans = await countRows('plans');
    const noYears = { ...smallPlan(), fiscalYears: [] };
    const outOfRange = smallPlan();
    outOfRange.dimensions[0]!.missions[0]!.projects[0]!.budget['2599'] = 5;
    const badSequence = smallPlan();
    badSequence.dimensions[0]!.missions[0]!.projects[0]!.sequence = 9;
    for (const document of [noYears, outOfRange, badSequence, { title: 'ไม่ใช่แผน' }]) {
      const refused = await as(admin, '/plans', 'POST', { document, source: 'x.txt' });
      expect(refused.status, JSON.stringify(document).slice(0, 80)).toBe(422);
    }
    const thai = await as(admin, '/plans', 'POST', { document: noYears, source: 'x.txt' });
    expect(thai.json.error.message).toBe('ไม่พบปีงบประมาณของแผน');
    expect(await countRows('plans')).toBe(plans);
  });

  it('refuses an oversize body with 413 before reading it', async () => {
    const huge = smallPlan();
    huge.notes = ['ก'.repeat(3_200_000)];
    const refused = await as(admin, '/plans', 'POST', { document: huge, source: 'x.txt' });
    expect(refused.status).toBe(413);
    expect(refused.json.error.message).toBe('ไฟล์แผนใหญ่เกินกว่าที่ระบบรับได้');
  });

  it('other staff routes keep the small body limit', async () => {
    const big = await as(admin, '/units', 'POST', { name: 'ก'.repeat(70_000) });
    expect(big.status).toBe(413);
  });
});
