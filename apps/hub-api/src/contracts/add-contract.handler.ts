import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AgreementId, Caller, ContractId, deterministicId } from '@hub/domain';
import { agreementDecider, agreementStream } from '@hub/domain/agreements/agreement.decider';
import { contractDecider, contractStream } from '@hub/domain/contracts/contract.decider';
import { CommandExecutor } from '../write/command-executor';
import { CommandContext } from '../write/command-context';
import { positionOf } from '../write/answers';
import { AddContractDto, ContractAddedAnswer } from './contract.dto';
import { toEntitlementInputs } from './entitlement.dto';

export class AddContractCommand {
  constructor(
    readonly agreementId: string,
    readonly dto: AddContractDto,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/** CSAM/AC add a contract, with its enterprise-wide entitlements, to an active agreement. */
@CommandHandler(AddContractCommand)
export class AddContractHandler implements ICommandHandler<
  AddContractCommand,
  ContractAddedAnswer
> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ agreementId, dto, caller, context }: AddContractCommand) {
    // Derived from the command id when not given, so a retried request names the same contract.
    const contractId = (dto.contractId ??
      deterministicId('contract', context.commandId)) as ContractId;
    const agreement = agreementId as AgreementId;
    const result = await this.executor.execute({
      stream: contractStream(contractId),
      decider: contractDecider,
      context,
      command: async () => {
        const { state } = await this.executor.load(agreementStream(agreement), agreementDecider);
        return {
          type: 'AddContract' as const,
          contractId,
          agreementId: agreement,
          agreementExists: state.status === 'active',
          ...(state.status === 'active'
            ? { agreementPeriod: { startsOn: state.startsOn, endsOn: state.endsOn } }
            : {}),
          startsOn: dto.startsOn,
          endsOn: dto.endsOn,
          entitlements: toEntitlementInputs(dto.entitlements),
          at: context.occurredAt,
          by: caller,
        };
      },
    });
    return { contractId, position: positionOf(result) };
  }
}
