import type { CaseState, StaffActor } from '../../../worker/cases/case-machine';
import { noInvolvement } from '../../../worker/cases/involvement-policy';

/** The unit the pure case-machine tests' grievance belongs to, and another one. */
export const UNIT = 10;
export const OTHER_UNIT = 20;

/** Staff actors of the pure case-machine tests, one of each kind the rules tell apart. */
export const people = {
  admin: { id: 1, roles: ['admin'], unitIds: [] },
  officer: { id: 2, roles: ['officer'], unitIds: [UNIT] },
  colleague: { id: 3, roles: ['officer'], unitIds: [UNIT] },
  otherUnit: { id: 4, roles: ['officer'], unitIds: [OTHER_UNIT] },
  integrity: { id: 5, roles: ['integrity'], unitIds: [] },
  integrity2: { id: 6, roles: ['integrity'], unitIds: [] },
  executive: { id: 7, roles: ['executive'], unitIds: [] },
  adminOfficer: { id: 8, roles: ['admin', 'officer'], unitIds: [OTHER_UNIT] },
} satisfies Record<string, StaffActor>;
export type Who = keyof typeof people;

/** A received grievance of UNIT at version 3, with no assignee, changed by `over`. */
export const state = (over: Partial<CaseState> = {}): CaseState => ({
  track: 'grievance',
  status: 'received',
  version: 3,
  unitId: UNIT,
  assigneeId: null,
  involvement: noInvolvement,
  ...over,
});

/** Some of the actors, in the order given (for a test that lists who may do something). */
export function somePeople<K extends Who>(...keys: K[]): Pick<typeof people, K> {
  return Object.fromEntries(keys.map((k) => [k, people[k]])) as Pick<typeof people, K>;
}
