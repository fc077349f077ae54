import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PartnerId, UserId } from '@hub/domain';
import { PartnerCaller, partnerDecider, partnerStream } from '@hub/domain/partners';
import { PositionAnswer } from '../agreements/agreement.requests';
import { positionOf } from '../execution/answers';
import { CommandContext } from '../execution/command-context';
import { CommandExecutor } from '../execution/command-executor';
import {
  GrantHelpDeskAgentRequest,
  PartnerRegisteredAnswer,
  RegisterPartnerRequest,
} from './partner.requests';

export class RegisterPartnerCommand {
  constructor(
    readonly dto: RegisterPartnerRequest,
    readonly caller: PartnerCaller,
    readonly context: CommandContext,
  ) {}
}

/** A CSAM or AC registers a CSP partner. */
@CommandHandler(RegisterPartnerCommand)
export class RegisterPartnerHandler implements ICommandHandler<
  RegisterPartnerCommand,
  PartnerRegisteredAnswer
> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({
    dto,
    caller,
    context,
  }: RegisterPartnerCommand): Promise<PartnerRegisteredAnswer> {
    const partnerId = dto.partnerId as PartnerId;
    const result = await this.executor.execute({
      stream: partnerStream(partnerId),
      decider: partnerDecider,
      context,
      command: () => ({
        type: 'RegisterPartner' as const,
        partnerId,
        name: dto.name,
        kind: dto.kind,
        at: context.occurredAt,
        by: caller,
      }),
    });
    return { partnerId, position: positionOf(result) };
  }
}

export class GrantHelpDeskAgentCommand {
  constructor(
    readonly partnerId: string,
    readonly dto: GrantHelpDeskAgentRequest,
    readonly caller: PartnerCaller,
    readonly context: CommandContext,
  ) {}
}

/** The partner's PartnerAdmin makes one of its users a Help Desk agent (domain.md §7). */
@CommandHandler(GrantHelpDeskAgentCommand)
export class GrantHelpDeskAgentHandler implements ICommandHandler<
  GrantHelpDeskAgentCommand,
  PositionAnswer
> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({
    partnerId,
    dto,
    caller,
    context,
  }: GrantHelpDeskAgentCommand): Promise<PositionAnswer> {
    const id = partnerId as PartnerId;
    const result = await this.executor.execute({
      stream: partnerStream(id),
      decider: partnerDecider,
      context,
      command: () => ({
        type: 'GrantHelpDeskAgent' as const,
        partnerId: id,
        userId: dto.userId as UserId,
        at: context.occurredAt,
        by: caller,
      }),
    });
    return { position: positionOf(result) };
  }
}
