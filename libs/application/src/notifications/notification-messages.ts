import { deterministicId } from '@hub/domain';
import { GdapRelationshipRequested } from '@hub/domain/gdap/gdap.events';
import { MemberInvited } from '@hub/domain/workspaces/workspace.events';
import { Notification } from './notification';

// The notifications facts oblige the hub to send. Ids derive from the event id (and recipient),
// so the follow-up runner replaying an event enqueues nothing new.

/** The invitee is asked to join a workspace. */
export function invitationNotification(eventId: string, data: MemberInvited['data']): Notification {
  return {
    id: deterministicId('notification', eventId),
    kind: 'invitation',
    to: data.email,
    subject: 'You are invited to a support workspace',
    data: {
      invitationId: data.invitationId,
      workspaceId: data.workspaceId,
      name: data.name,
      intendedRoles: data.intendedRoles,
    },
    createdAt: data.invitedAt,
  };
}

/** A customer administrator is asked to approve a partner's GDAP request within 90 days. */
export function gdapApprovalNotification(
  eventId: string,
  to: string,
  data: GdapRelationshipRequested['data'],
): Notification {
  return {
    id: deterministicId('notification', eventId, to.toLowerCase()),
    kind: 'gdap-approval-request',
    to,
    subject: 'A partner asks for delegated administration',
    data: {
      relationshipId: data.relationshipId,
      partnerId: data.partnerId,
      customerOrgId: data.customerOrgId,
      roles: data.roles,
      durationDays: data.durationDays,
      approvalDeadline: data.approvalDeadline,
    },
    createdAt: data.requestedAt,
  };
}

/** The user's verification code: the only place the code itself ever goes (domain.md §7). */
export function verificationCodeNotification(
  id: string,
  to: string,
  code: string,
  expiresAt: string,
  createdAt: string,
): Notification {
  return {
    id,
    kind: 'verification-code',
    to,
    subject: 'Your verification code',
    data: { code, expiresAt },
    createdAt,
  };
}
