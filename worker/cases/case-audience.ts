import { type CaseState, canRead, isHandler, type StaffActor } from './case-machine';
import { escalationBarred } from './involvement-policy';

/** What a staff member may be to a case: a reader, told of it, escalated to, or one who works on it. */
export const audienceActions = ['see', 'notify', 'escalate_to', 'act'] as const;
export type AudienceAction = (typeof audienceActions)[number];

/**
 * The one answer to "may this staff member see / be told of / be escalated to / act on this case",
 * role rules and involvement policy together (pure; table-tested in staff-involvement-policy.test.ts).
 * `notify`: the new-case notice and relays of a corruption tip (integrity officers); of a grievance,
 * its handlers. `escalate_to`: an executive who may read it, on a case that may be put to executives.
 */
export function mayStaff(state: CaseState, actor: StaffActor, action: AudienceAction): boolean {
  switch (action) {
    case 'see':
      return canRead(state, actor);
    case 'act':
      return isHandler(state, actor);
    case 'notify':
      return state.track === 'corruption'
        ? actor.roles.includes('integrity') && canRead(state, actor)
        : isHandler(state, actor);
    case 'escalate_to':
      return (
        actor.roles.includes('executive') && !escalationBarred(state.involvement) && canRead(state, actor)
      );
  }
}
