import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, OrgId, PartnerId, RelationshipId, deterministicId } from '@hub/domain';
import { GdapCommand, gdapDecider, gdapStream } from '@hub/domain/gdap';
import { PartnerCaller, partnerDecider, partnerStream } from '@hub/domain/partners';
import { EVENT_STORE, EventStore } from '@hub/event-store';
import { Inject } from '@nestjs/common';
import { PositionAnswer } from '../agreements/agreement.dto';
import { callerAsCustomer } from '../subscriptions/customer-caller';
import { positionOf } from '../write/answers';
import { CommandContext } from '../write/command-context';
import { CommandExecutor } from '../write/command-executor';
import { CustomerIndex } from '../write/follow-ups/customer-index';
import { FollowUps } from '../write/follow-ups/follow-ups';
import { GdapRequestedAnswer, RequestGdapRelationshipDto } from './gdap.dto';

export class RequestGdapCommand {
  constructor(
    readonly dto: RequestGdapRelationshipDto,
    readonly caller: PartnerCaller,
    readonly context: CommandContext,
  ) {}
}

/**
 * A PartnerAdmin requests a relationship. Before answering, the follow-up step lists it under
 * partner and customer (the on-behalf case reads that list) and asks the customer to approve.
 */
@CommandHandler(RequestGdapCommand)
export class RequestGdapHandler implements ICommandHandler<
  RequestGdapCommand,
  GdapRequestedAnswer
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly followUps: FollowUps,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ dto, caller, context }: RequestGdapCommand): Promise<GdapRequestedAnswer> {
    const relationshipId = deterministicId('gdap', context.commandId) as RelationshipId;
    const partnerId = dto.partnerId as PartnerId;
    const stream = gdapStream(relationshipId);
    const result = await this.executor.execute({
      stream,
      decider: gdapDecider,
      context,
      command: async () => {
        const partner = await this.executor.load(partnerStream(partnerId), partnerDecider);
        // The caller's own partner must be known to the hub; its role is checked by the decider.
        if (partner.state.status === 'none' && (caller.orgId as string | undefined) === partnerId) {
          throw new NotFoundError('No such partner.', { partnerId });
        }
        return {
          type: 'RequestGdapRelationship' as const,
          relationshipId,
          partnerId,
          customerOrgId: dto.customerOrgId as OrgId,
          roles: dto.roles,
          durationDays: dto.durationDays,
          ...(dto.autoExtend !== undefined ? { autoExtend: dto.autoExtend } : {}),
          at: context.occurredAt,
          by: caller,
        };
      },
    });
    const [requested] = await this.events.readStream(stream, { maxCount: 1 });
    const completed = await this.followUps.handle(requested);
    return { relationshipId, position: positionOf({ position: completed ?? result.position }) };
  }
}

export class EndorseGdapCommand {
  constructor(
    readonly relationshipId: string,
    readonly action: 'approve' | 'terminate',
    readonly caller: PartnerCaller,
    readonly context: CommandContext,
  ) {}
}

/** The customer's Customer Administrator approves; either side's administrator terminates. */
@CommandHandler(EndorseGdapCommand)
export class EndorseGdapHandler implements ICommandHandler<EndorseGdapCommand, PositionAnswer> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly index: CustomerIndex,
  ) {}

  async execute({
    relationshipId,
    action,
    caller,
    context,
  }: EndorseGdapCommand): Promise<PositionAnswer> {
    const id = relationshipId as RelationshipId;
    const result = await this.executor.execute({
      stream: gdapStream(id),
      decider: gdapDecider,
      context,
      command: async (state): Promise<GdapCommand> => {
        const by =
          state.status === 'none'
            ? caller
            : await callerAsCustomer(this.index, caller, state.customerOrgId);
        const type = action === 'approve' ? 'ApproveGdapRelationship' : 'TerminateGdapRelationship';
        return { type, relationshipId: id, at: context.occurredAt, by };
      },
    });
    return { position: positionOf(result) };
  }
}
