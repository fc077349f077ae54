import { MemberInvited } from '@hub/domain/workspaces/workspace.events';
import { invitationNotification } from '../../notifications/notification-messages';
import { Workflow } from '../workflow';

/** The invitee gets the invitation e-mail (the outbox, and Kafka when configured). */
export const invitationMail: Workflow<MemberInvited> = {
  name: 'invitation-mail',
  handles: ['MemberInvited'],
  react: ({ data, metadata }) => [
    { kind: 'notify', notification: invitationNotification(metadata.eventId, data) },
  ],
};
