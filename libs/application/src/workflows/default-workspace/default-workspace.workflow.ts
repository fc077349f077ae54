import { AgreementActivated } from '@hub/domain/agreements/agreement.events';
import { ID_KINDS } from '@hub/domain/id-claims/id-claim.decider';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import { invitationIdFor, workspaceStream } from '@hub/domain/workspaces/workspace.state';
import { Step, Workflow, commandStep } from '../workflow';

/**
 * An activated agreement gets its default workspace, with the Service Administrator and the named
 * contacts invited (domain.md §3), and their invitation ids claimed. The claims are listed here
 * too, not only on each MemberInvited: an agreement's answer waits for them, and when the runner
 * created the workspace first, the inline completion appends no MemberInvited to react to.
 */
export const defaultWorkspace: Workflow<AgreementActivated> = {
  name: 'default-workspace',
  handles: ['AgreementActivated'],
  react({ data }) {
    const { defaultWorkspaceId: workspaceId, serviceAdministrator, namedContacts } = data;
    const stream = workspaceStream(workspaceId);
    const invitees = new Set(
      [serviceAdministrator, ...namedContacts].map((person) =>
        invitationIdFor(workspaceId, person.email),
      ),
    );
    const claims: Step[] = [...invitees].map((invitationId) => ({
      kind: 'claim',
      step: `claim-${invitationId}`,
      idKind: ID_KINDS.invitation,
      id: invitationId,
      ownerStream: stream,
    }));
    return [
      commandStep('default-workspace', stream, workspaceDecider, {
        type: 'CreateDefaultWorkspace',
        workspaceId,
        agreementId: data.agreementId,
        serviceAdministrator,
        namedContacts,
        at: data.activatedAt,
      }),
      ...claims,
    ];
  },
};
