import { Caller, OrgId, PartnerId } from '../shared';
import { ReadOnlyConsent } from '../subscriptions/customer-subscriptions.decider';
import { HelpDeskAgentCheck } from './verification.commands';

/** A Help Desk agent opens a customer org read-only (POST /v1/helpdesk/orgs/{orgId}/readonly-sessions). */
export interface OpenReadOnlySession extends HelpDeskAgentCheck {
  type: 'OpenReadOnlySession';
  sessionId: string;
  partnerId: PartnerId;
  orgId: OrgId;
  /** The customer's consent for this partner, folded from `customer-<orgId>` just before. */
  consent: ReadOnlyConsent | undefined;
  at: string;
  by: Caller;
}

/** The hub's clock: the session's hour is up. */
export interface ExpireReadOnlySession {
  type: 'ExpireReadOnlySession';
  sessionId: string;
  endsAt: string;
  at: string;
}

/** Every command a read-only session decides. */
export type ReadOnlySessionCommand = OpenReadOnlySession | ExpireReadOnlySession;
