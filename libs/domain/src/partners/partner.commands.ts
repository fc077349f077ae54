import { PartnerId, UserId } from '../shared';
import { PartnerCaller } from './partner-caller';
import { PartnerKind } from './partner.events';

/** CSAM/AC: register a partner (POST /v1/partners). */
export interface RegisterPartner {
  type: 'RegisterPartner';
  partnerId: PartnerId;
  name: string;
  kind: PartnerKind;
  at: string;
  by: PartnerCaller;
}

/** The partner's PartnerAdmin: make a user a Help Desk agent (POST …/helpdesk-agents). */
export interface GrantHelpDeskAgent {
  type: 'GrantHelpDeskAgent';
  partnerId: PartnerId;
  userId: UserId;
  at: string;
  by: PartnerCaller;
}

/** Every command a partner decides. */
export type PartnerCommand = RegisterPartner | GrantHelpDeskAgent;
