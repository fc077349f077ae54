import { AgreementId, ContractId, deterministicId } from '@hub/domain';
import { contractDecider, contractStream } from '@hub/domain/contracts/contract.decider';
import { agreementPeriodOf } from '../agreements/agreement-period';
import { CommandInput, command } from '../execution/command';
import { AddContractRequest, ContractAddedAnswer } from './contract.requests';
import { toEntitlementInputs } from './entitlement.requests';

type Add = CommandInput<AddContractRequest & { agreementId: string }>;
/** Given, or derived from the command id so a retried request names the same contract. */
const contractIdOf = ({ request, context }: Add) =>
  (request.contractId ?? deterministicId('contract', context.commandId)) as ContractId;

/** Contract commands (api.md "Commands"). */
export const contractCommands = {
  /** CSAM/AC add a contract, with its enterprise-wide entitlements, to an active agreement. */
  add: command({
    stream: (input: Add) => contractStream(contractIdOf(input)),
    decider: contractDecider,
    read: ({ request }, reads) => agreementPeriodOf(reads, request.agreementId),
    command: (input, period) => ({
      type: 'AddContract' as const,
      contractId: contractIdOf(input),
      agreementId: input.request.agreementId as AgreementId,
      ...period,
      startsOn: input.request.startsOn,
      endsOn: input.request.endsOn,
      entitlements: toEntitlementInputs(input.request.entitlements),
      at: input.context.occurredAt,
      by: input.caller,
    }),
    answer: (input, _result, position): ContractAddedAnswer => ({
      contractId: contractIdOf(input),
      position,
    }),
  }),
};
