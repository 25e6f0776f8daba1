import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { performCaseAction } from '../../../worker/cases/case-actions';
import type { CaseRequest } from '../../../worker/cases/case-request';
import { keyringFromEnv } from '../../../worker/crypto/keyring';
import { createDb } from '../../../worker/db/client';
import { lineForOrg } from '../../../worker/orgs/org-line';
import { getStaff } from '../../../worker/staff/staff-data';
import { anonymousReport, formUser, newKey } from './complaint-form';
import { testEnv } from './worker';

/** An organisation as these helpers need it. */
export interface LifecycleOrg {
  id: number;
  slug: string;
  name: string;
}

/**
 * A street-light grievance filed from the LIFF form by a new resident, under their name (with a call-back
 * phone when given): its id, code and resident.
 */
export async function fileFormGrievance(org: LifecycleOrg, phone?: string) {
  const user = await formUser(org.slug);
  const key = newKey();
  const answer = await user.submit({
    ...anonymousReport(key),
    track: 'grievance',
    categoryCode: 'lighting',
    involved: undefined,
    identity: { mode: 'identified', ...(phone ? { phone } : {}) },
  });
  expect(answer.status).toBe(201);
  const row = await env.DB.prepare('select id, code from complaints where org_id = ? and submission_key = ?')
    .bind(org.id, key)
    .first<{ id: number; code: string }>();
  return { ...row!, userId: user.userId };
}

/** A staff action on a case as the chat and the API perform it (the organisation's own LINE gateway). */
export async function staffAct(
  org: LifecycleOrg,
  staffId: number,
  caseId: number,
  request: CaseRequest,
  now = Date.now(),
) {
  const db = createDb(env.DB);
  const keyring = await keyringFromEnv(env);
  const target = (await lineForOrg(testEnv, db, keyring, org.id))!;
  const actor = (await getStaff(db, org.id, staffId))!;
  const result = await performCaseAction(
    { db, keyring, line: target.line, org: { id: org.id, name: org.name }, now },
    actor,
    caseId,
    request,
  );
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result;
}
