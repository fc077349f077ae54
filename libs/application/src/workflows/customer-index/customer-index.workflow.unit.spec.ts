import { AgreementId, OrgId, PartnerId, RelationshipId, UserId, WorkspaceId } from '@hub/domain';
import { WorkspaceCreated } from '@hub/domain/workspaces/workspace.events';
import { UserUpserted } from '@hub/domain/directory';
import { GdapRelationshipRequested } from '@hub/domain/gdap/gdap.events';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { IndexKind } from '../../indexes/stream-index';
import { Step } from '../workflow';
import { customerIndex } from './customer-index.workflow';

/** The workflow's one answer to a fact: index the stream under `key` in `index`. */
const indexed = (step: string, index: IndexKind, key: string, stream: string): Step[] => [
  { kind: 'index', step, index, key, stream },
];

describe('customer-index workflow', () => {
  it('lists a GDAP relationship under its partner and customer', () => {
    const requested = {
      type: 'GdapRelationshipRequested',
      data: {
        relationshipId: 'rel-1' as RelationshipId,
        partnerId: 'p-1' as PartnerId,
        customerOrgId: 'org-1' as OrgId,
      },
    } as GdapRelationshipRequested;
    reacting(customerIndex)
      .when(recorded(requested, 'gdap-rel-1'))
      .then(indexed('index-gdap', 'gdap-index', 'p-1:org-1', 'gdap-rel-1'));
  });

  it('lists a directory user under the normalised address', () => {
    const upserted = {
      type: 'UserUpserted',
      data: { userId: 'u-1' as UserId, email: '  Ann@Contoso.Example ' },
    } as UserUpserted;
    reacting(customerIndex)
      .when(recorded(upserted, 'directory-user-u-1'))
      .then(indexed('index-email', 'directory-email', 'ann@contoso.example', 'directory-user-u-1'));
  });

  it('lists a workspace under its agreement, so the members of the organisation can be found', () => {
    const created = {
      type: 'WorkspaceCreated',
      data: { workspaceId: 'w-1' as WorkspaceId, agreementId: 'a-1' as AgreementId },
    } as WorkspaceCreated;
    reacting(customerIndex)
      .when(recorded(created, 'workspace-w-1'))
      .then(indexed('index-workspace', 'agreement-workspace', 'a-1', 'workspace-w-1'));
  });
});
