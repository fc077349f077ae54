import { ID_KINDS } from '@hub/domain/id-claims/id-claim.decider';
import { MemberInvited } from '@hub/domain/workspaces/workspace.events';
import { Workflow } from '../workflow';

/**
 * An invitation's id is claimed for its workspace, so `POST /v1/invitations/{id}/accept` (which
 * names the id alone) finds the stream that owns it.
 */
export const invitationClaims: Workflow<MemberInvited> = {
  name: 'invitation-claims',
  handles: ['MemberInvited'],
  react: ({ data, streamName }) => [
    {
      kind: 'claim',
      step: `claim-${data.invitationId}`,
      idKind: ID_KINDS.invitation,
      id: data.invitationId,
      ownerStream: streamName,
    },
  ],
};
