// The plain shapes of the consumption commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/consumption/consumption.dto.ts are validated classes of the same shape).
/** What a consumption record was for: a case, an engagement, a course… */
export interface ConsumptionReferenceRequest {
  kind: string;
  id: string;
}

/** POST /v1/consumption (and the ConsumptionDelivered message's payload). */
export interface LogConsumptionRequest {
  consumptionId: string;
  contractId: string;
  packageId?: string;
  entitlementId: string;
  quantity: number;
  deliveredOn: string;
  reference: ConsumptionReferenceRequest;
  workspaceId?: string;
}

/** POST /v1/consumption/{consumptionId}/reversal. */
export interface ReverseConsumptionRequest {
  reason: string;
}

/** The answer of a consumption command. */
export interface ConsumptionAnswer {
  consumptionId: string;
  position: string;
}
