// The plain shapes of the cases commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/cases/case.dto.ts are validated classes of the same shape).
import { SupportCategory } from '@hub/domain/cases/case.events';
import { CaseType, Severity } from '@hub/domain/cases/response-target';

/** POST /v1/cases: a workspace member opens a case. */
export interface OpenCaseRequest {
  caseId?: string;
  workspaceId: string;
  severity: Severity;
  type: CaseType;
  category?: SupportCategory;
  product: string;
  title: string;
  description?: string;
  primaryContactUserId?: string;
  contractId?: string;
  packageId?: string;
  entitlementId?: string;
  subscriptionId?: string;
  /** BCP 47, `en` when absent (domain.md §5). */
  language?: string;
}

/** The answer of an opened case: its id and when the first response is due. */
export interface CaseOpenedAnswer {
  caseId: string;
  initialResponseDueAt: string;
  position: string;
}

/** POST /v1/cases/{caseId}/shares. */
export interface ShareCaseRequest {
  userId: string;
}

/** POST /v1/cases/{caseId}/group-access. */
export interface GroupAccessRequest {
  groupId: string;
}

/** POST /v1/cases/{caseId}/responses (and the CaseFirstResponded message). */
export interface FirstResponseRequest {
  respondedAt: string;
}

/** POST /v1/cases/{caseId}/close. */
export interface CloseCaseRequest {
  resolution: string;
}

/** POST /v1/cases/{caseId}/severity. */
export interface ChangeSeverityRequest {
  severity: Severity;
}
