import {
  AgreementId,
  ContractId,
  Decider,
  NotFoundError,
  refuse,
  requireProviderStaff,
} from '../shared';
import { ContractCommand } from './contract.commands';
import { ContractEvent } from './contract.events';
import { EntitlementLine, normaliseEntitlements, validatePeriod } from './entitlement';

/** The stream holding one contract's history. */
export function contractStream(contractId: ContractId): string {
  return `contract-${contractId}`;
}

/** A contract as handlers need it (mapping, package purchase, consumption look-ups). */
export type ContractState =
  | { status: 'none' }
  | {
      status: 'added';
      contractId: ContractId;
      agreementId: AgreementId;
      startsOn: string;
      endsOn: string;
      entitlements: EntitlementLine[];
    };

/** Contract: its period and enterprise-wide entitlements, fixed when added. */
export const contractDecider: Decider<ContractCommand, ContractEvent, ContractState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'AddContract': {
        requireProviderStaff(command.by, 'add a contract');
        if (!command.agreementExists) {
          throw new NotFoundError(
            `Agreement ${command.agreementId} not found.`,
            { agreementId: command.agreementId },
            'agreement_not_found',
          );
        }
        if (state.status !== 'none') {
          refuse('contract_already_exists', `Contract ${command.contractId} already exists.`);
        }
        validatePeriod(command.startsOn, command.endsOn);
        const period = command.agreementPeriod;
        // Contracts are added only within the agreement's dates (domain.md §3).
        if (period && (command.startsOn < period.startsOn || command.endsOn > period.endsOn)) {
          refuse(
            'contract_outside_agreement',
            `A contract lies within its agreement's dates (${period.startsOn} to ${period.endsOn}).`,
            { startsOn: period.startsOn, endsOn: period.endsOn },
          );
        }
        return [
          {
            type: 'ContractAdded',
            data: {
              contractId: command.contractId,
              agreementId: command.agreementId,
              startsOn: command.startsOn,
              endsOn: command.endsOn,
              entitlements: normaliseEntitlements(command.contractId, command.entitlements),
              addedAt: command.at,
            },
          },
        ];
      }
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'ContractAdded': {
        const { addedAt: _at, ...contract } = event.data;
        return { status: 'added', ...contract };
      }
    }
  },
};
