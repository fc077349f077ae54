import { Caller, PartnerId, UserId } from '../shared';

/** What the handler established about the agent before deciding (from partner and org streams). */
export interface HelpDeskAgentCheck {
  /** The caller holds HelpDeskAgent for `partnerId` (partner stream). */
  isAgent: boolean;
  /** The partner manages the user's organisation (OrganizationUpserted.managedByPartnerIds). */
  managed: boolean;
}

/** A Help Desk agent sends a code (POST /v1/helpdesk/users/{userId}/verification-codes). */
export interface IssueVerificationCode extends HelpDeskAgentCheck {
  type: 'IssueVerificationCode';
  userId: UserId;
  email: string;
  partnerId: PartnerId;
  /** Per-code random salt and hashCode(code, salt), both computed by the handler. */
  salt: string;
  codeHash: string;
  at: string;
  by: Caller;
}

/** The agent types in the code the user read back (…/verification-codes/confirm). */
export interface ConfirmVerificationCode extends HelpDeskAgentCheck {
  type: 'ConfirmVerificationCode';
  userId: UserId;
  /**
   * hashCode(candidate, salt of the code sent) computed by the handler off the event loop
   * (empty when no code was sent); the candidate itself is never stored.
   */
  candidateHash: string;
  at: string;
  by: Caller;
}

/** The hub's clock: the code sent to the user (expiring at `expiresAt`) reached its 10 minutes. */
export interface ExpireVerificationCode {
  type: 'ExpireVerificationCode';
  userId: UserId;
  expiresAt: string;
  at: string;
}

/** Every command a user's verification stream decides. */
export type VerificationCommand =
  IssueVerificationCode | ConfirmVerificationCode | ExpireVerificationCode;
