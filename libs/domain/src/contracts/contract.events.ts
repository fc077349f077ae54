import { AgreementId, ContractId, DomainEvent } from '../shared';
import { EntitlementLine } from './entitlement';
import { ContractTermEvent } from './contract-term.events';

/** A CSAM or AC added a contract, with its enterprise-wide entitlements, to an agreement. */
export type ContractAdded = DomainEvent<
  'ContractAdded',
  {
    contractId: ContractId;
    agreementId: AgreementId;
    startsOn: string;
    endsOn: string;
    entitlements: EntitlementLine[];
    addedAt: string;
  }
>;

/** Every fact of a `contract-<contractId>` stream. */
export type ContractEvent = ContractAdded | ContractTermEvent;
