import { GdapRelationshipRequested } from '@hub/domain/gdap/gdap.events';
import { gdapApprovalNotification } from '../../notifications/notification-messages';
import { Workflow } from '../workflow';

/**
 * A partner's GDAP request is sent for approval to the customer's Service Administrators (the
 * first Customer Administrators of its active agreements). State: their addresses.
 */
export const gdapApprovalMail: Workflow<GdapRelationshipRequested, string[]> = {
  name: 'gdap-approval-mail',
  handles: ['GdapRelationshipRequested'],
  read: (event, reads) => reads.approversOf(event.data.customerOrgId),
  react: ({ data, metadata }, approvers) =>
    approvers.map((to) => ({
      kind: 'notify',
      notification: gdapApprovalNotification(metadata.eventId, to, data),
    })),
};
