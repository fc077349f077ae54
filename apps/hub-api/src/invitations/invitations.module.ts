import { Module } from '@nestjs/common';
import { IdClaims } from '../write/follow-ups/id-claims';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AcceptInvitationHandler } from './accept-invitation.handler';
import { InvitationsController } from './invitations.controller';

/** Invitations: accepted by their invitee, found through their id claim. */
@Module({
  imports: [WorkspacesModule],
  controllers: [InvitationsController],
  providers: [AcceptInvitationHandler, IdClaims],
})
export class InvitationsModule {}
