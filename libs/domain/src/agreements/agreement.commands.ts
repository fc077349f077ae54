import { AgreementId, Caller, IssuedCommand, OrgId, UserId } from '../shared';
import { AgreementType, NamedPerson } from './agreement.events';
import { AdministrationCommand } from './agreement.administration';

/** CSAM/AC: activate an agreement (POST /v1/agreements). */
export interface ActivateAgreement {
  type: 'ActivateAgreement';
  agreementId: AgreementId;
  customer: { orgId: OrgId; name: string };
  agreementType: AgreementType;
  /** Days `YYYY-MM-DD`; startsOn ≤ endsOn. */
  startsOn: string;
  endsOn: string;
  serviceAdministrator: NamedPerson;
  /** E-mails unique (case-insensitive). */
  namedContacts: NamedPerson[];
  /** Defaults to false. */
  allowPersonalAccounts?: boolean;
  at: string;
  by: Caller;
}

/** A Customer Administrator sets the account-type policy (PUT …/account-policy). */
export type ChangeAccountPolicy = IssuedCommand<
  'ChangeAccountPolicy',
  { agreementId: AgreementId; allowPersonalAccounts: boolean }
>;

/**
 * System step, issued by the handler after an invitation that intended the
 * CustomerAdministrator role was accepted (InvitationAccepted.customerAdministrator).
 */
export interface AppointCustomerAdministrator {
  type: 'AppointCustomerAdministrator';
  agreementId: AgreementId;
  userId: UserId;
  at: string;
}

/** Every command an agreement decides. */
export type AgreementCommand =
  ActivateAgreement | ChangeAccountPolicy | AppointCustomerAdministrator | AdministrationCommand;
