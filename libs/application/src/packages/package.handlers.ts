import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Caller, ContractId, PackageId, deterministicId } from '@hub/domain';
import { contractDecider, contractStream } from '@hub/domain/contracts/contract.decider';
import { packageDecider, packageStream } from '@hub/domain/packages/package.decider';
import { CommandExecutor } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';
import { positionOf } from '../execution/answers';
import { PositionAnswer } from '../agreements/agreement.requests';
import { toEntitlementInputs } from '../contracts/entitlement.requests';
import {
  PackagePurchasedAnswer,
  PurchasePackageRequest,
  WithdrawPackageRequest,
} from './package.requests';

export class PurchasePackageCommand {
  constructor(
    readonly contractId: string,
    readonly dto: PurchasePackageRequest,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/** CSAM/AC add an add-on package to a contract; it belongs to the contract's agreement. */
@CommandHandler(PurchasePackageCommand)
export class PurchasePackageHandler implements ICommandHandler<
  PurchasePackageCommand,
  PackagePurchasedAnswer
> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ contractId, dto, caller, context }: PurchasePackageCommand) {
    const packageId = (dto.packageId ?? deterministicId('package', context.commandId)) as PackageId;
    const contract = contractId as ContractId;
    const result = await this.executor.execute({
      stream: packageStream(packageId),
      decider: packageDecider,
      context,
      command: async () => {
        const found = await this.executor.load(contractStream(contract), contractDecider);
        return {
          type: 'PurchaseAddOnPackage' as const,
          packageId,
          contractId: contract,
          contractAgreementId: found.state.status === 'added' ? found.state.agreementId : null,
          name: dto.name,
          expiresOn: dto.expiresOn,
          entitlements: toEntitlementInputs(dto.entitlements),
          at: context.occurredAt,
          by: caller,
        };
      },
    });
    return { packageId, position: positionOf(result) };
  }
}

export class WithdrawPackageCommand {
  constructor(
    readonly packageId: string,
    readonly dto: WithdrawPackageRequest,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/** CSAM/AC withdraw a package: inactive from now on, it takes no more consumption. */
@CommandHandler(WithdrawPackageCommand)
export class WithdrawPackageHandler implements ICommandHandler<
  WithdrawPackageCommand,
  PositionAnswer
> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ packageId, dto, caller, context }: WithdrawPackageCommand) {
    const id = packageId as PackageId;
    const result = await this.executor.execute({
      stream: packageStream(id),
      decider: packageDecider,
      context,
      command: () => ({
        type: 'WithdrawPackage' as const,
        packageId: id,
        reason: dto.reason,
        at: context.occurredAt,
        by: caller,
      }),
    });
    return { position: positionOf(result) };
  }
}
