import {
  Decider,
  ForbiddenError,
  NotFoundError,
  RelationshipId,
  ValidationError,
  refuse,
} from '../shared';
import { holdsPartnerRole } from '../partners/partner-caller';
import { GdapCommand, RequestGdapRelationship } from './gdap.commands';
import { GdapEvent } from './gdap.events';
import { GdapRole, isGdapRole } from './gdap-roles';
import { GdapState, gdapStatusAt } from './gdap-status';
import { addDays } from './instants';
import { decideTerm, evolveTerm } from './gdap-term';

/** The stream holding one GDAP relationship's history. */
export function gdapStream(relationshipId: RelationshipId): string {
  return `gdap-${relationshipId}`;
}

/** A customer has 90 days to approve a request (domain.md §6). */
export const GDAP_APPROVAL_WINDOW_DAYS = 90;
/** A relationship lasts 1 to 730 whole days (domain.md §6). */
export const GDAP_MAX_DURATION_DAYS = 730;

function validate(command: RequestGdapRelationship): GdapRole[] {
  const fields: Record<string, string[]> = {};
  const roles = Array.isArray(command.roles) ? command.roles : [];
  if (roles.length === 0) fields.roles = ['at least one role'];
  const unknown = roles.filter((role) => !isGdapRole(role));
  if (unknown.length > 0) fields.roles = [`unknown roles: ${unknown.join(', ')}`];
  const days = command.durationDays;
  if (!Number.isInteger(days) || days < 1 || days > GDAP_MAX_DURATION_DAYS) {
    fields.durationDays = [`a whole number of days from 1 to ${GDAP_MAX_DURATION_DAYS}`];
  }
  if (!command.customerOrgId?.trim()) fields.customerOrgId = ['is required'];
  if (command.autoExtend !== undefined && typeof command.autoExtend !== 'boolean') {
    fields.autoExtend = ['must be true or false'];
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('Invalid GDAP request.', fields);
  return [...new Set(roles as GdapRole[])];
}

function decide(command: GdapCommand, state: GdapState): GdapEvent[] {
  if (command.type === 'RequestGdapRelationship') {
    if (!holdsPartnerRole(command.by, command.partnerId, 'PartnerAdmin')) {
      throw new ForbiddenError("Only the partner's PartnerAdmin may request a GDAP relationship.");
    }
    const roles = validate(command);
    if (state.status !== 'none') {
      refuse('gdap_relationship_exists', 'This relationship was already requested.', {
        relationshipId: command.relationshipId,
      });
    }
    const { relationshipId, partnerId, customerOrgId, durationDays, at } = command;
    return [
      {
        type: 'GdapRelationshipRequested',
        data: {
          relationshipId,
          partnerId,
          customerOrgId,
          roles,
          durationDays,
          ...(command.autoExtend === true ? { autoExtend: true } : {}),
          requestedBy: command.by.userId,
          requestedAt: at,
          approvalDeadline: addDays(at, GDAP_APPROVAL_WINDOW_DAYS),
        },
      },
    ];
  }
  if (state.status === 'none') {
    throw new NotFoundError('No such GDAP relationship.', {
      relationshipId: command.relationshipId,
    });
  }
  if (
    command.type === 'NoticeGdapExpiry' ||
    command.type === 'EndGdapTerm' ||
    command.type === 'LapseGdapRequest'
  )
    return decideTerm(command, state);
  const status = gdapStatusAt(state, command.at);
  const { relationshipId } = state;
  if (command.type === 'ApproveGdapRelationship') {
    if (!command.by.isCustomerAdministrator || command.by.orgId !== state.customerOrgId) {
      throw new ForbiddenError("Only the customer's Customer Administrator may approve.");
    }
    if (status === 'lapsed') {
      refuse('gdap_request_lapsed', 'The 90 days to approve this request have passed.', {
        approvalDeadline: state.approvalDeadline,
      });
    }
    if (status !== 'approval-pending') {
      refuse('gdap_relationship_not_pending', 'Only a pending request can be approved.', {
        status,
      });
    }
    const endsAt = addDays(command.at, state.durationDays);
    return [
      {
        type: 'GdapRelationshipApproved',
        data: { relationshipId, approvedBy: command.by.userId, approvedAt: command.at, endsAt },
      },
    ];
  }
  const by = holdsPartnerRole(command.by, state.partnerId, 'PartnerAdmin')
    ? 'partner'
    : command.by.isCustomerAdministrator && command.by.orgId === state.customerOrgId
      ? 'customer'
      : undefined;
  if (!by)
    throw new ForbiddenError(
      "Only the partner's PartnerAdmin or the customer's administrator may terminate.",
    );
  // A pending request may be terminated too: the partner withdraws it or the customer declines.
  if (status !== 'active' && status !== 'approval-pending') {
    refuse('gdap_relationship_not_active', 'This relationship has already ended.', { status });
  }
  return [
    {
      type: 'GdapRelationshipTerminated',
      data: { relationshipId, terminatedBy: command.by.userId, terminatedAt: command.at, by },
    },
  ];
}

function evolve(state: GdapState, event: GdapEvent): GdapState {
  switch (event.type) {
    case 'GdapRelationshipRequested': {
      const {
        relationshipId,
        partnerId,
        customerOrgId,
        roles,
        durationDays,
        requestedAt,
        approvalDeadline,
      } = event.data;
      return {
        status: 'requested',
        relationshipId,
        partnerId,
        customerOrgId,
        roles,
        durationDays,
        autoExtend: event.data.autoExtend === true,
        requestedAt,
        approvalDeadline,
      };
    }
    case 'GdapRelationshipApproved':
      if (state.status === 'none') return state;
      return {
        ...state,
        status: 'approved',
        approvedAt: event.data.approvedAt,
        endsAt: event.data.endsAt,
      };
    case 'GdapRelationshipTerminated':
      if (state.status === 'none') return state;
      return { ...state, status: 'terminated', terminatedAt: event.data.terminatedAt };
    default:
      return state.status === 'none' ? state : evolveTerm(state, event);
  }
}

/** A GDAP relationship between a partner and a customer (domain.md §6). */
export const gdapDecider: Decider<GdapCommand, GdapEvent, GdapState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
