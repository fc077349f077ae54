// The plain shapes of the contracts commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/contracts/contract.dto.ts are validated classes of the same shape).
import { EntitlementRequest } from './entitlement.requests';

/** POST /v1/agreements/{agreementId}/contracts: a CSAM or AC adds a contract. */
export interface AddContractRequest {
  contractId?: string;
  startsOn: string;
  endsOn: string;
  entitlements: EntitlementRequest[];
}

/** The answer of POST …/contracts. */
export interface ContractAddedAnswer {
  contractId: string;
  position: string;
}
