import { AgreementId, Caller, ContractId } from '../shared';
import { EntitlementInput } from './entitlement';
import { ContractTermCommand } from './contract-term.events';

/** CSAM/AC: add a contract to an agreement (POST /v1/agreements/{agreementId}/contracts). */
export interface AddContract {
  type: 'AddContract';
  contractId: ContractId;
  agreementId: AgreementId;
  /** Looked up by the handler on the agreement stream. */
  agreementExists: boolean;
  /** The agreement's dates as the handler read them: the contract must lie within them. */
  agreementPeriod?: { startsOn: string; endsOn: string };
  /** Days `YYYY-MM-DD`; startsOn ≤ endsOn. */
  startsOn: string;
  endsOn: string;
  /** Non-empty; ids unique, missing ones derived from contractId and position. */
  entitlements: EntitlementInput[];
  at: string;
  by: Caller;
}

/** Every command a contract decides. */
export type ContractCommand = AddContract | ContractTermCommand;
