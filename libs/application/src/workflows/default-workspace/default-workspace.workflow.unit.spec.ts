import { AgreementId, OrgId, WorkspaceId } from '@hub/domain';
import { AgreementActivated } from '@hub/domain/agreements/agreement.events';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import { invitationIdFor } from '@hub/domain/workspaces/workspace.state';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { Step } from '../workflow';
import { defaultWorkspace } from './default-workspace.workflow';

const workspaceId = 'ws-default' as WorkspaceId;
const activated = (namedContacts: { email: string; name: string }[]): AgreementActivated => ({
  type: 'AgreementActivated',
  data: {
    agreementId: 'agr-1' as AgreementId,
    customer: { orgId: 'org-1' as OrgId, name: 'Contoso' },
    agreementType: 'unified',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    serviceAdministrator: { email: 'sa@contoso.example', name: 'Sam' },
    namedContacts,
    allowPersonalAccounts: false,
    defaultWorkspaceId: workspaceId,
    activatedAt: '2026-03-02T10:00:00.000Z',
  },
});
const claim = (email: string): Step => ({
  kind: 'claim',
  step: `claim-${invitationIdFor(workspaceId, email)}`,
  idKind: 'invitation',
  id: invitationIdFor(workspaceId, email),
  ownerStream: `workspace-${workspaceId}`,
});

describe('default-workspace workflow', () => {
  it('creates the default workspace and claims every invitee once', () => {
    const contacts = [
      { email: 'nc@contoso.example', name: 'Nina' },
      { email: 'SA@contoso.example', name: 'Sam again' },
    ];
    reacting(defaultWorkspace)
      .when(recorded(activated(contacts), 'agreement-agr-1'))
      .then([
        {
          kind: 'command',
          step: 'default-workspace',
          stream: `workspace-${workspaceId}`,
          decider: workspaceDecider,
          command: {
            type: 'CreateDefaultWorkspace',
            workspaceId,
            agreementId: 'agr-1',
            serviceAdministrator: { email: 'sa@contoso.example', name: 'Sam' },
            namedContacts: contacts,
            at: '2026-03-02T10:00:00.000Z',
          },
        },
        claim('sa@contoso.example'),
        claim('nc@contoso.example'),
      ]);
  });
});
