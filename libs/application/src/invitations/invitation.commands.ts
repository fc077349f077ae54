import { InvitationId, NotFoundError } from '@hub/domain';
import { ID_KINDS } from '@hub/domain/id-claims/id-claim.decider';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import { CommandInput, command } from '../execution/command';
import { InvitationAcceptedAnswer } from './accept-invitation.requests';

type Accept = CommandInput<{ invitationId: string }>;

const invitationNotFound = (invitationId: string) =>
  new NotFoundError(
    `Invitation ${invitationId} not found.`,
    { invitationId },
    'invitation_not_found',
  );

/** Invitation commands (api.md "Commands"). */
export const invitationCommands = {
  /**
   * The invitee accepts: the invitation's claim names its workspace (the route names the id
   * alone), the agreement's account-type policy applies, and an accepting Service Administrator
   * is appointed Customer Administrator before the answer (the customer-administrator workflow).
   */
  accept: command({
    stream: async ({ request }: Accept, reads) => {
      const owner = await reads.ids.ownerOf(ID_KINDS.invitation, request.invitationId);
      if (owner === null) throw invitationNotFound(request.invitationId);
      return owner;
    },
    decider: workspaceDecider,
    read: async ({ request }, reads, workspace) => {
      const agreement = await reads.workspaces.agreementOf(workspace);
      if (workspace.status === 'none' || agreement.status !== 'active')
        throw invitationNotFound(request.invitationId);
      return { workspaceId: workspace.workspaceId, agreement };
    },
    command: ({ request, caller, context }, { workspaceId, agreement }) => ({
      type: 'AcceptInvitation' as const,
      workspaceId,
      invitationId: request.invitationId as InvitationId,
      agreementType: agreement.agreementType,
      allowPersonalAccounts: agreement.allowPersonalAccounts,
      at: context.occurredAt,
      by: caller,
    }),
    answer: (_input, result, position): InvitationAcceptedAnswer => {
      if (result.state.status === 'none') throw new Error('workspace vanished after acceptance');
      return { workspaceId: result.state.workspaceId, position };
    },
  }),
};
