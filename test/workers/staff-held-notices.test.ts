import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../schema/contracts/staff';
import {
  HELD_NOTICES_SQL,
  type HeldCase,
  quotaNudge,
  quotaNudgeText,
} from '../../worker/notices/held-notices';
import { noInvolvement } from '../../worker/cases/involvement-policy';
import { allRows } from './support/db';

const member = (roles: StaffRole[], unitIds: number[] = []) => ({
  id: 7,
  orgId: 1,
  displayName: 'ทดสอบ',
  active: true,
  roles,
  unitIds,
});
const grievance = (unitId: number | null): HeldCase => ({
  track: 'grievance',
  unitId,
  involvement: noInvolvement,
});
const corruption: HeldCase = { track: 'corruption', unitId: 1, involvement: noInvolvement };
const aboutTheMayor: HeldCase = { ...corruption, involvement: { ...noInvolvement, role: 'executive' } };

// Who is reminded that new-case notices wait for the quota: only those who may see one of the cases.
describe('quotaNudge', () => {
  it.each([
    ['nothing held', [], member(['admin']), false, false],
    ['admin, a grievance', [grievance(3)], member(['admin']), false, true],
    ['officer of its unit', [grievance(3)], member(['officer'], [3]), false, true],
    ['officer of another unit', [grievance(3)], member(['officer'], [4]), false, false],
    ['officer, a grievance with no unit yet', [grievance(null)], member(['officer'], [4]), false, true],
    ['officer, a corruption report', [corruption], member(['officer'], [1]), false, false],
    ['integrity officer, a corruption report', [corruption], member(['integrity']), false, true],
    ['integrity officer in a group', [corruption], member(['integrity']), true, false],
    ['executive in a group, only corruption held', [corruption], member(['executive']), true, false],
    ['executive in a group, a grievance held', [corruption, grievance(3)], member(['executive']), true, true],
    [
      'executive 1:1, only a tip about the executive held',
      [aboutTheMayor],
      member(['executive']),
      false,
      false,
    ],
    ['integrity officer, a tip about the executive', [aboutTheMayor], member(['integrity']), false, true],
  ])('%s', (_name, held: HeldCase[], who, inGroup: boolean, nudged: boolean) => {
    expect(quotaNudge(held, who, inGroup)).toBe(nudged ? quotaNudgeText : null);
  });
});

describe('reading held notices', () => {
  it('goes through the partial index, never a scan of the notices', async () => {
    const results = await allRows<{ detail: string }>(`explain query plan ${HELD_NOTICES_SQL}`, 1);
    const plan = results.map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH n USING (COVERING )?INDEX staff_notices_held \(org_id=\?\)/);
    expect(plan).not.toMatch(/SCAN n(?! USING)/);
  });
});
