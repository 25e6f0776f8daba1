import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPlanKey } from '../../worker/plans/load-statements';
import { useOrg } from '../fixtures/demo-org';
import { anonymousReport, filed, formUser, newKey } from './support/complaint-form';
import { allRows, firstRow } from './support/db';
import { demoPlans, loadPlan } from './support/plans';
import { enroll, type StaffChat } from './support/staff';
import { asUser } from './support/staff-api';
import { tracker, grievanceReport } from './support/tracking-api';

// Integrity officers link a tip to a project of the organisation's anti-corruption plan, by the plan's
// key and the project's sequence; tip patterns count tips per project.
const org = useOrg('mueang-chan');
const doc = demoPlans().trang!;
const PLAN = defaultPlanKey(doc);
let integrity: StaffChat & { staffId: number };
let second: StaffChat & { staffId: number };
let admin: StaffChat & { staffId: number };

beforeAll(async () => {
  await loadPlan(doc, { orgSlug: org.slug, source: 'trang.json' });
  integrity = await enroll(org.slug, org.id, ['integrity']);
  second = await enroll(org.slug, org.id, ['integrity']);
  admin = await enroll(org.slug, org.id, ['admin']);
}, 60_000);

async function fileTip(): Promise<number> {
  const key = newKey();
  expect((await (await formUser(org.slug)).submit(anonymousReport(key))).status).toBe(201);
  return (await filed(key)).complaints[0].id;
}

const put = (who: StaffChat, id: number, project: unknown) =>
  asUser(org.slug, who.userId, `/cases/${id}/plan-project`, { method: 'PUT', body: { project } });

const projectName = async (sequence: number) =>
  (await firstRow<{ name: string }>(
    `select pp.name from plan_projects pp join plans p on p.id = pp.plan_id
     where p.org_id = ? and p.plan_key = ? and p.status = 'active' and pp.sequence = ?`,
    org.id,
    PLAN,
    sequence,
  ))!.name;

describe('the plan project of a tip', () => {
  it('is set and cleared by an integrity officer, each change an event, and survives a reload of the plan', async () => {
    const id = await fileTip();
    const set = await put(integrity, id, { plan: PLAN, sequence: 3 });
    expect(set.status).toBe(200);
    expect(set.json.case.planProject).toMatchObject({ plan: PLAN, sequence: 3, name: await projectName(3) });
    const versionAfterSet = set.json.case.version;
    // The same project again changes nothing.
    expect((await put(integrity, id, { plan: PLAN, sequence: 3 })).json.case.version).toBe(versionAfterSet);
    // Reloading the plan replaces its rows; the link is by key and sequence, so it still names the project.
    await loadPlan(doc, { orgSlug: org.slug, source: 'trang.json' });
    const again = await asUser(org.slug, integrity.userId, `/cases/${id}`);
    expect(again.json.case.planProject).toMatchObject({
      plan: PLAN,
      sequence: 3,
      name: await projectName(3),
    });
    expect((await put(integrity, id, null)).json.case.planProject).toBeNull();
    const events = await allRows<{ actor_type: string; actor_ref: string; note: string; at: number }>(
      "select actor_type, actor_ref, note, at from complaint_events where complaint_id = ? and action = 'plan_project_set' order by id",
      id,
    );
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actor_type: 'staff', actor_ref: String(integrity.staffId) });
    expect(events[0]!.note).toMatch(new RegExp(`^ไม่ระบุ → แผน ${PLAN} โครงการลำดับที่ 3 `));
    expect(events[1]!.note).toMatch(new RegExp(`^แผน ${PLAN} โครงการลำดับที่ 3 .* → ไม่ระบุ$`));
    expect(
      (await asUser(org.slug, integrity.userId, `/cases/${id}`)).json.timeline.map(
        (e: { action: string }) => e.action,
      ),
    ).toContain('plan_project_set');
  });

  it('is refused to other roles, on a grievance, for an unknown project, and to an officer who recused', async () => {
    const id = await fileTip();
    expect((await put(admin, id, { plan: PLAN, sequence: 1 })).status).toBe(403);
    expect((await put(integrity, id, { plan: PLAN, sequence: 99_999 })).status).toBe(422);
    expect((await put(integrity, id, { plan: 'no-such-plan', sequence: 1 })).status).toBe(422);
    expect((await put(integrity, id, { plan: PLAN, sequence: 0 })).status).toBe(422);
    const key = newKey();
    const me = await tracker(org.slug);
    await (await formUser(org.slug, me.userId)).submit(grievanceReport(key));
    const grievance = (await filed(key)).complaints[0].id;
    expect((await put(integrity, grievance, { plan: PLAN, sequence: 1 })).status).toBe(404);
    const recused = await asUser(org.slug, second.userId, `/cases/${id}/recusal`, {
      body: { reason: 'ญาติ' },
    });
    expect(recused.status).toBe(200);
    expect((await put(second, id, { plan: PLAN, sequence: 1 })).status).toBe(404);
    expect(
      (await firstRow<{ plan_key: string | null }>('select plan_key from complaints where id = ?', id))!
        .plan_key,
    ).toBeNull();
  });

  it('counts in the tip patterns from two tips on, named from the active plan', async () => {
    const [a, b, c] = [await fileTip(), await fileTip(), await fileTip()];
    await put(integrity, a, { plan: PLAN, sequence: 5 });
    await put(integrity, b, { plan: PLAN, sequence: 5 });
    await put(integrity, c, { plan: PLAN, sequence: 6 });
    const answer = await asUser(org.slug, integrity.userId, '/report/tip-patterns');
    const projects = answer.json.items.filter((i: { kind: string }) => i.kind === 'project');
    expect(projects).toEqual([{ kind: 'project', name: await projectName(5), count: 2 }]);
    expect(answer.text).not.toContain(await projectName(6));
  });
});
