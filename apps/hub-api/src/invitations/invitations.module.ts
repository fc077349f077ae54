import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AcceptInvitationHandler } from './accept-invitation.handler';
import { InvitationsController } from './invitations.controller';

/** Invitations: accepted by their invitee, found through their id claim. */
@Module({
  imports: [WorkspacesModule],
  controllers: [InvitationsController],
  providers: [AcceptInvitationHandler],
})
export class InvitationsModule {}
