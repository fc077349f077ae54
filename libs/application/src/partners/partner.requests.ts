// The plain shapes of the partners commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/partners/partner.dto.ts are validated classes of the same shape).
import { PartnerKind } from '@hub/domain/partners';

/** POST /v1/partners: a CSAM or AC registers a CSP partner. */
export interface RegisterPartnerRequest {
  partnerId: string;
  name: string;
  kind: PartnerKind;
}

export interface PartnerRegisteredAnswer {
  partnerId: string;
  position: string;
}

/** POST /v1/partners/{partnerId}/helpdesk-agents: a PartnerAdmin grants HelpDeskAgent. */
export interface GrantHelpDeskAgentRequest {
  userId: string;
}
