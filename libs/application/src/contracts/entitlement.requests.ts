// The plain shapes of the contracts commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/contracts/entitlement.dto.ts are validated classes of the same shape).
import { EntitlementId } from '@hub/domain';
import {
  EntitlementCategory,
  EntitlementInput,
  EntitlementKind,
} from '@hub/domain/contracts/entitlement';

/** One entitlement line of a contract or an add-on package. */
export interface EntitlementRequest {
  entitlementId?: string;
  category: EntitlementCategory;
  service: string;
  description?: string;
  unit: string;
  quantity: number;
  kind: EntitlementKind;
}

/** The request lines as the deciders take them (ids stay optional: the decider derives missing ones). */
export function toEntitlementInputs(lines: readonly EntitlementRequest[]): EntitlementInput[] {
  return lines.map(({ entitlementId, ...line }) => ({
    ...line,
    ...(entitlementId !== undefined ? { entitlementId: entitlementId as EntitlementId } : {}),
  }));
}
