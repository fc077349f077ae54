import { agreementStream } from '@hub/domain/agreements/agreement.decider';
import { AgreementActivated } from '@hub/domain/agreements/agreement.events';
import { UserUpserted, directoryUserStream } from '@hub/domain/directory';
import { gdapStream } from '@hub/domain/gdap';
import { GdapRelationshipRequested } from '@hub/domain/gdap/gdap.events';
import { normalizeEmail } from '@hub/domain/helpdesk';
import { WorkspaceCreated } from '@hub/domain/workspaces/workspace.events';
import { workspaceStream } from '@hub/domain/workspaces/workspace.state';
import { INDEX_KINDS } from '../../indexes/stream-index';
import { Workflow } from '../workflow';

/**
 * Keeps the strongly consistent look-ups of customer-scoped rules (indexes/customer-index.ts):
 * an agreement under its customer org, a GDAP relationship under its partner and customer, a
 * directory user under their e-mail address (the Help Desk's suppression list is keyed by it), a
 * workspace under its agreement (whose members belong to the customer organisation).
 */
export const customerIndex: Workflow<
  AgreementActivated | GdapRelationshipRequested | UserUpserted | WorkspaceCreated
> = {
  name: 'customer-index',
  handles: ['AgreementActivated', 'GdapRelationshipRequested', 'UserUpserted', 'WorkspaceCreated'],
  react(event) {
    switch (event.type) {
      case 'AgreementActivated': {
        const { customer, agreementId } = event.data;
        const stream = agreementStream(agreementId);
        const index = INDEX_KINDS.customerAgreements;
        return [{ kind: 'index', step: 'index-org', index, key: customer.orgId, stream }];
      }
      case 'GdapRelationshipRequested': {
        const { partnerId, customerOrgId, relationshipId } = event.data;
        const key = `${partnerId}:${customerOrgId}`;
        const stream = gdapStream(relationshipId);
        const index = INDEX_KINDS.gdapRelationships;
        return [{ kind: 'index', step: 'index-gdap', index, key, stream }];
      }
      case 'UserUpserted': {
        const { email, userId } = event.data;
        const key = normalizeEmail(email);
        const stream = directoryUserStream(userId);
        return [{ kind: 'index', step: 'index-email', index: INDEX_KINDS.userEmails, key, stream }];
      }
      case 'WorkspaceCreated': {
        const { agreementId, workspaceId } = event.data;
        const stream = workspaceStream(workspaceId);
        const index = INDEX_KINDS.agreementWorkspaces;
        return [{ kind: 'index', step: 'index-workspace', index, key: agreementId, stream }];
      }
    }
  },
};
