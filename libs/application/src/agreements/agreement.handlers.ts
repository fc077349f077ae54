import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AgreementId, Caller, OrgId, deterministicId } from '@hub/domain';
import { agreementDecider, agreementStream } from '@hub/domain/agreements/agreement.decider';
import { EVENT_STORE, EventStore, GlobalPosition, RecordedEvent } from '@hub/event-store';
import { CommandExecutor } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';
import { positionOf } from '../execution/answers';
import { FollowUps } from '../workflows/follow-ups';
import {
  AccountPolicyRequest,
  ActivateAgreementRequest,
  AgreementActivatedAnswer,
  PositionAnswer,
} from './agreement.requests';
import { callerInAgreement } from './caller-context';

export class ActivateAgreementCommand {
  constructor(
    readonly dto: ActivateAgreementRequest,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/** Activates the agreement, then completes its default workspace before answering. */
@CommandHandler(ActivateAgreementCommand)
export class ActivateAgreementHandler implements ICommandHandler<
  ActivateAgreementCommand,
  AgreementActivatedAnswer
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly followUps: FollowUps,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({
    dto,
    caller,
    context,
  }: ActivateAgreementCommand): Promise<AgreementActivatedAnswer> {
    const agreementId = (dto.agreementId ??
      deterministicId('agreement', context.commandId)) as AgreementId;
    const stream = agreementStream(agreementId);
    const activation = await this.executor.execute({
      stream,
      decider: agreementDecider,
      context,
      command: () => ({
        type: 'ActivateAgreement' as const,
        agreementId,
        customer: { orgId: dto.customer.orgId as OrgId, name: dto.customer.name },
        agreementType: dto.type,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        serviceAdministrator: dto.serviceAdministrator,
        namedContacts: dto.namedContacts,
        allowPersonalAccounts: dto.allowPersonalAccounts,
        at: context.occurredAt,
        by: caller,
      }),
    });
    if (activation.state.status !== 'active')
      throw new Error('agreement not active after activation');
    // The default workspace follows with no further call (domain.md §3); the follow-up runner
    // completes it from the log should this process die right here.
    const [activated] = await this.events.readStream(stream, { maxCount: 1 });
    const completed: GlobalPosition | null = await this.followUps.handle(
      activated as unknown as RecordedEvent,
    );
    return {
      agreementId,
      defaultWorkspaceId: activation.state.defaultWorkspaceId,
      position: positionOf({ position: completed ?? activation.position }),
    };
  }
}

export class ChangeAccountPolicyCommand {
  constructor(
    readonly agreementId: string,
    readonly dto: AccountPolicyRequest,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/** A Customer Administrator switches whether personal accounts may join (unified agreements). */
@CommandHandler(ChangeAccountPolicyCommand)
export class ChangeAccountPolicyHandler implements ICommandHandler<
  ChangeAccountPolicyCommand,
  PositionAnswer
> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({
    agreementId,
    dto,
    caller,
    context,
  }: ChangeAccountPolicyCommand): Promise<PositionAnswer> {
    const id = agreementId as AgreementId;
    const result = await this.executor.execute({
      stream: agreementStream(id),
      decider: agreementDecider,
      context,
      command: (state) => ({
        type: 'ChangeAccountPolicy' as const,
        agreementId: id,
        allowPersonalAccounts: dto.allowPersonalAccounts,
        at: context.occurredAt,
        by: callerInAgreement(caller, state),
      }),
    });
    return { position: positionOf(result) };
  }
}
