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
import { ContractTermCommand, ContractTermEvent, dayTermFact } from './contract-term.events';
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
      /** The clock's facts: notices given (`endsOn/days`) and the expiry recorded. */
      notices?: string[];
      expired?: boolean;
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
      case 'NoticeContractExpiry':
      case 'ExpireContract':
        return decideTerm(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ContractAdded': {
        const { addedAt: _at, ...contract } = event.data;
        return { status: 'added', ...contract };
      }
      case 'ContractExpiring': {
        if (state.status === 'none') return state;
        const notice = `${event.data.endsOn}/${event.data.daysLeft}`;
        return { ...state, notices: [...(state.notices ?? []), notice] };
      }
      case 'ContractExpired':
        return state.status === 'none' ? state : { ...state, expired: true };
    }
  },
};

/** The hub's clock on a contract: each notice once, the expiry once, never before their time. */
function decideTerm(command: ContractTermCommand, state: ContractState): ContractTermEvent[] {
  if (state.status === 'none') return [];
  const { contractId, endsOn } = state;
  const daysLeft = command.type === 'NoticeContractExpiry' ? command.daysLeft : undefined;
  const fact = dayTermFact(
    { ...state, lastDay: endsOn, live: true },
    { daysLeft, lastDay: command.endsOn, at: command.at },
  );
  if (fact === 'notice' && daysLeft !== undefined) {
    return [
      { type: 'ContractExpiring', data: { contractId, daysLeft, endsOn, noticedAt: command.at } },
    ];
  }
  if (fact === 'end') {
    return [{ type: 'ContractExpired', data: { contractId, endsOn, expiredAt: command.at } }];
  }
  return [];
}
