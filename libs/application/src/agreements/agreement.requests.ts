// The plain shapes of the agreements commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/agreements/agreement.dto.ts are validated classes of the same shape).
import { NamedPersonRequest } from '../workspaces/create-workspace.requests';

/** The customer organisation that signs the agreement. */
export interface CustomerRequest {
  orgId: string;
  name: string;
}

/** POST /v1/agreements: a CSAM or AC activates a support agreement. */
export interface ActivateAgreementRequest {
  agreementId?: string;
  customer: CustomerRequest;
  type: 'premier' | 'unified';
  startsOn: string;
  endsOn: string;
  serviceAdministrator: NamedPersonRequest;
  namedContacts: NamedPersonRequest[];
  allowPersonalAccounts?: boolean;
}

export interface AgreementActivatedAnswer {
  agreementId: string;
  defaultWorkspaceId: string;
  position: string;
}

/** PUT /v1/agreements/{agreementId}/account-policy. */
export interface AccountPolicyRequest {
  allowPersonalAccounts: boolean;
}

/** PUT /v1/agreements/{agreementId}/calendar. */
export interface CalendarRequest {
  timeZone: string;
  holidays: string[];
}

export interface PositionAnswer {
  position: string;
}
