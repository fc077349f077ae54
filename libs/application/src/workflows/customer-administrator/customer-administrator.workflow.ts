import { AgreementId, UserId } from '@hub/domain';
import { agreementDecider, agreementStream } from '@hub/domain/agreements/agreement.decider';
import { InvitationAccepted } from '@hub/domain/workspaces/workspace.events';
import { Workflow, commandStep } from '../workflow';

/**
 * The Service Administrator accepting the default workspace's invitation becomes the agreement's
 * first Customer Administrator (domain.md §3). State: the workspace's agreement (null: none).
 */
export const customerAdministrator: Workflow<InvitationAccepted, string | null> = {
  name: 'customer-administrator',
  handles: ['InvitationAccepted'],
  read: (event, reads) =>
    event.data.customerAdministrator
      ? reads.agreementOfWorkspace(event.streamName)
      : Promise.resolve(null),
  react({ data, metadata }, agreementId) {
    if (!data.customerAdministrator || agreementId === null) return [];
    const agreement = agreementId as AgreementId;
    return [
      commandStep('appoint-customer-administrator', agreementStream(agreement), agreementDecider, {
        type: 'AppointCustomerAdministrator',
        agreementId: agreement,
        userId: data.userId as UserId,
        at: metadata.occurredAt,
      }),
    ];
  },
};
