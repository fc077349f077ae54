import { OrgId, PartnerId, RelationshipId } from '../shared';
import { GdapRole } from './gdap-roles';
import { isBefore } from './instants';

/** A GDAP relationship as its history left it; its status depends on the clock too. */
export type GdapState =
  | { status: 'none' }
  | {
      status: 'requested' | 'approved' | 'terminated';
      relationshipId: RelationshipId;
      partnerId: PartnerId;
      customerOrgId: OrgId;
      roles: GdapRole[];
      durationDays: number;
      /** Extended by 180 days at the end unless terminated (its effect: the time-facts issue). */
      autoExtend: boolean;
      requestedAt: string;
      approvalDeadline: string;
      approvedAt?: string;
      endsAt?: string;
      terminatedAt?: string;
      /** The clock's facts: notices given (`endsAt/days`), the end or the lapse recorded. */
      notices?: string[];
      expired?: boolean;
      lapsed?: boolean;
    };

/** The lifecycle of domain.md §6; only `active` grants anything. */
export type GdapStatus = 'approval-pending' | 'lapsed' | 'active' | 'expired' | 'terminated';

/**
 * The relationship's status at an instant. Lapsing and expiry are not events: they are
 * read off the clock at each command or query, so no background job has to run on time.
 * Approval is allowed up to and including the deadline; a relationship ends at `endsAt`.
 */
export function gdapStatusAt(
  state: Exclude<GdapState, { status: 'none' }>,
  at: string,
): GdapStatus {
  if (state.status === 'terminated') {
    // Terminating an already expired one is refused, so terminatedAt precedes any end.
    return 'terminated';
  }
  if (state.status === 'requested') {
    return isBefore(state.approvalDeadline, at) ? 'lapsed' : 'approval-pending';
  }
  return isBefore(at, state.endsAt as string) ? 'active' : 'expired';
}

/** Whether the relationship grants its roles at this instant. */
export function isGdapActiveAt(state: GdapState, at: string): boolean {
  return state.status !== 'none' && gdapStatusAt(state, at) === 'active';
}
