import { SupportPlanRef } from '@hub/domain/gdap/support-plan';
// The plain shapes of the partner-cases commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/partner-cases/partner-case.dto.ts are validated classes of the same shape).
import { CaseType, Severity } from '@hub/domain/cases';
import { Workload } from '@hub/domain/gdap';

/** The partner's own contact: an on-behalf case carries it, not the customer's (domain.md §6). */
export interface PartnerContactRequest {
  name: string;
  email: string;
  phone: string;
}

/** POST /v1/partners/{partnerId}/cases: an AdminAgent files a case on behalf of a customer. */
export interface OpenPartnerCaseRequest {
  /** Omitted for a case about the partner's own subscription (domain.md §6). */
  customerOrgId?: string;
  subscriptionId?: string;
  workload: Workload;
  severity: Severity;
  type: CaseType;
  title: string;
  partnerContact: PartnerContactRequest;
  supportPlanId?: string;
  /** The partner's own plan, for its own subscription. */
  supportPlan?: SupportPlanRef;
}

export interface PartnerCaseOpenedAnswer {
  caseId: string;
  initialResponseDueAt: string;
  position: string;
}
