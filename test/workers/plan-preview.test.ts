import { beforeAll, describe, expect, it } from 'vitest';
import { planSummary, projectPage } from '../../schema/contracts/plan-api';
import type { PlanDocument } from '../../schema/contracts/plan-document';
import { defaultPlanKey } from '../../worker/plans/load-statements';
import { projectItemsOfDocument, summaryOfDocument } from '../../lib/plan-preview';
import { seedPlans } from './support/plans';
import { getJson } from './support/plan-api';

// The upload page's preview is built in the browser from the parsed document; it must be what the
// public pages show once the plan is published (built by the Worker from the stored rows).
let plans: Record<string, PlanDocument>;
beforeAll(async () => {
  plans = await seedPlans();
});

describe('the upload preview is the published plan', () => {
  it.each(['chanthaburi', 'trang', 'lampang'])('%s: the summary', async (slug) => {
    const doc = plans[slug]!;
    const key = defaultPlanKey(doc);
    const served = planSummary.parse((await getJson(`/api/orgs/${slug}/plans/${key}/summary`)).body);
    const preview = summaryOfDocument(doc, served.org, key, Date.now());
    expect({ ...preview, plan: { ...preview.plan, loadedAt: '' } }).toEqual({
      ...served,
      plan: { ...served.plan, loadedAt: '' },
    });
  });

  it.each(['chanthaburi', 'lampang'])('%s: the project list', async (slug) => {
    const doc = plans[slug]!;
    const key = defaultPlanKey(doc);
    const served = projectPage.parse(
      (await getJson(`/api/orgs/${slug}/plans/${key}/projects?limit=100`)).body,
    );
    const preview = projectItemsOfDocument(doc).slice(0, 100);
    expect(preview.map(({ id: _id, ...p }) => p)).toEqual(served.items.map(({ id: _id, ...p }) => p));
  });
});
