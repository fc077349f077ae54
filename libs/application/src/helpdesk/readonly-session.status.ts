import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CLOCK, Clock, NotFoundError } from '@hub/domain';
import { AuthenticatedUser } from '@hub/access';
import {
  SessionStatus,
  readOnlySessionDecider,
  readOnlySessionStream,
  sessionStatusAt,
} from '@hub/domain/helpdesk/readonly-session.decider';
import {
  customerStream,
  customerSubscriptionsDecider,
} from '@hub/domain/subscriptions/customer-subscriptions.decider';
import { CommandExecutor } from '../execution/command-executor';

export class ReadOnlySessionStatusAnswer {
  @ApiProperty() sessionId!: string;
  @ApiProperty() orgId!: string;
  @ApiProperty() partnerId!: string;
  @ApiProperty() agentUserId!: string;
  @ApiProperty() openedAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ enum: ['open', 'expired', 'ended-by-withdrawal'] }) status!: SessionStatus;
}

/**
 * Where a read-only session stands now, read from its own stream and the customer's consent
 * (strongly consistent: a withdrawal ends the session for the very next request). Only the agent's
 * partner may ask; anyone else gets 404 (they may not know the session exists).
 */
@Injectable()
export class ReadOnlySessionStatus {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async of(
    sessionId: string,
    user: AuthenticatedUser,
    at = this.clock.now().toISOString(),
  ): Promise<ReadOnlySessionStatusAnswer> {
    const session = (
      await this.executor.load(readOnlySessionStream(sessionId), readOnlySessionDecider)
    ).state;
    if (session.status === 'none' || session.partnerId !== user.orgId) {
      throw new NotFoundError(
        `Read-only session ${sessionId} not found`,
        { sessionId },
        'readonly_session_not_found',
      );
    }
    const customer = await this.executor.load(
      customerStream(session.orgId),
      customerSubscriptionsDecider,
    );
    const { orgId, partnerId, agentUserId, openedAt, endsAt } = session;
    const status = sessionStatusAt(session, customer.state.readOnlyConsent[partnerId], at);
    return { sessionId, orgId, partnerId, agentUserId, openedAt, endsAt, status };
  }
}
