import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Caller, OrgId, deterministicId } from '@hub/domain';
import {
  readOnlySessionDecider,
  readOnlySessionStream,
  suppressionDecider,
  suppressionStream,
} from '@hub/domain/helpdesk';
import { customerStream, customerSubscriptionsDecider } from '@hub/domain/subscriptions';
import { PositionAnswer } from '../agreements/agreement.requests';
import { positionOf } from '../execution/answers';
import { CommandContext } from '../execution/command-context';
import { CommandExecutor } from '../execution/command-executor';
import { HelpDeskAgentChecks } from './helpdesk-agent-check';
import { ReadOnlySessionOpenedAnswer } from './helpdesk.requests';

export class RemoveSuppressionCommand {
  constructor(
    readonly email: string,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/** An agent takes a managed user's address off the do-not-contact list (domain.md §7). */
@CommandHandler(RemoveSuppressionCommand)
export class RemoveSuppressionHandler implements ICommandHandler<
  RemoveSuppressionCommand,
  PositionAnswer
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly checks: HelpDeskAgentChecks,
  ) {}

  async execute({ email, caller, context }: RemoveSuppressionCommand): Promise<PositionAnswer> {
    const result = await this.executor.execute({
      stream: suppressionStream(email),
      decider: suppressionDecider,
      context,
      command: async () => {
        const check = await this.checks.forEmail(caller, email);
        return {
          type: 'RemoveFromSuppressionList' as const,
          email,
          ...check,
          at: context.occurredAt,
          by: caller,
        };
      },
    });
    return { position: positionOf(result) };
  }
}

export class OpenReadOnlySessionCommand {
  constructor(
    readonly orgId: string,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/**
 * An agent opens a customer org read-only, only while the customer allows it; the consent is
 * read from `customer-<orgId>` just before deciding (domain.md §7).
 */
@CommandHandler(OpenReadOnlySessionCommand)
export class OpenReadOnlySessionHandler implements ICommandHandler<
  OpenReadOnlySessionCommand,
  ReadOnlySessionOpenedAnswer
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly checks: HelpDeskAgentChecks,
  ) {}

  async execute({
    orgId,
    caller,
    context,
  }: OpenReadOnlySessionCommand): Promise<ReadOnlySessionOpenedAnswer> {
    const org = orgId as OrgId;
    const sessionId = deterministicId('readonly-session', context.commandId);
    const result = await this.executor.execute({
      stream: readOnlySessionStream(sessionId),
      decider: readOnlySessionDecider,
      context,
      command: async () => {
        const check = await this.checks.forOrg(caller, org);
        const customer = await this.executor.load(
          customerStream(org),
          customerSubscriptionsDecider,
        );
        return {
          type: 'OpenReadOnlySession' as const,
          sessionId,
          orgId: org,
          consent: customer.state.readOnlyConsent[check.partnerId],
          ...check,
          at: context.occurredAt,
          by: caller,
        };
      },
    });
    if (result.state.status !== 'opened') throw new Error('session not opened');
    return { sessionId, endsAt: result.state.endsAt, position: positionOf(result) };
  }
}
