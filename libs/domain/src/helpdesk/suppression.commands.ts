import { Caller, PartnerId } from '../shared';
import { HelpDeskAgentCheck } from './verification.commands';

/** Service (directory): record that an address is suppressed. */
export interface RecordEmailSuppression {
  type: 'RecordEmailSuppression';
  email: string;
  reason: string;
  at: string;
  by: Caller;
}

/** A Help Desk agent removes an address (DELETE /v1/helpdesk/suppression-list/{email}). */
export interface RemoveFromSuppressionList extends HelpDeskAgentCheck {
  type: 'RemoveFromSuppressionList';
  email: string;
  partnerId: PartnerId;
  at: string;
  by: Caller;
}

/** Every command a suppression stream decides. */
export type SuppressionCommand = RecordEmailSuppression | RemoveFromSuppressionList;
