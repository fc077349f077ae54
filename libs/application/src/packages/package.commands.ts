import { ContractId, PackageId, deterministicId } from '@hub/domain';
import { contractDecider, contractStream } from '@hub/domain/contracts/contract.decider';
import { packageDecider, packageStream } from '@hub/domain/packages/package.decider';
import { CommandInput, command } from '../execution/command';
import { toEntitlementInputs } from '../contracts/entitlement.requests';
import {
  PackagePurchasedAnswer,
  PurchasePackageRequest,
  WithdrawPackageRequest,
} from './package.requests';

type Purchase = CommandInput<PurchasePackageRequest & { contractId: string }>;
/** The package's id: given, or derived from the command id so a retry names the same package. */
const packageIdOf = ({ request, context }: Purchase) =>
  (request.packageId ?? deterministicId('package', context.commandId)) as PackageId;

/** Add-on package commands (api.md "Commands"): each on the package's own stream. */
export const packageCommands = {
  /** CSAM/AC add an add-on package to a contract; it belongs to the contract's agreement. */
  purchase: command({
    stream: (input: Purchase) => packageStream(packageIdOf(input)),
    decider: packageDecider,
    read: ({ request }, reads) =>
      reads.state(contractStream(request.contractId as ContractId), contractDecider),
    command: (input, contract) => ({
      type: 'PurchaseAddOnPackage' as const,
      packageId: packageIdOf(input),
      contractId: input.request.contractId as ContractId,
      contractAgreementId: contract.status === 'added' ? contract.agreementId : null,
      name: input.request.name,
      expiresOn: input.request.expiresOn,
      entitlements: toEntitlementInputs(input.request.entitlements),
      at: input.context.occurredAt,
      by: input.caller,
    }),
    answer: (input, _result, position): PackagePurchasedAnswer => ({
      packageId: packageIdOf(input),
      position,
    }),
  }),

  /** CSAM/AC withdraw a package: inactive from now on, it takes no more consumption. */
  withdraw: command({
    stream: ({ request }: CommandInput<WithdrawPackageRequest & { packageId: string }>) =>
      packageStream(request.packageId as PackageId),
    decider: packageDecider,
    command: ({ request, caller, context }) => ({
      type: 'WithdrawPackage' as const,
      packageId: request.packageId as PackageId,
      reason: request.reason,
      at: context.occurredAt,
      by: caller,
    }),
  }),
};
