// The plain shapes of the packages commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/packages/package.dto.ts are validated classes of the same shape).
import { EntitlementRequest } from '../contracts/entitlement.requests';

/** POST /v1/contracts/{contractId}/packages: a CSAM or AC adds an add-on package. */
export interface PurchasePackageRequest {
  packageId?: string;
  name: string;
  expiresOn: string;
  entitlements: EntitlementRequest[];
}

/** POST /v1/packages/{packageId}/withdraw. */
export interface WithdrawPackageRequest {
  reason: string;
}

/** The answer of POST …/packages. */
export interface PackagePurchasedAnswer {
  packageId: string;
  position: string;
}
