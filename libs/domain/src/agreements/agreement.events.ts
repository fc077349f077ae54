import { AgreementId, DomainEvent, OrgId, UserId, WorkspaceId } from '../shared';

/** `premier` accepts personal accounts; `unified` refuses them unless allowed (domain.md §3). */
export type AgreementType = 'premier' | 'unified';

/** A person named on the agreement, by e-mail (they have no user id until they accept). */
export interface NamedPerson {
  email: string;
  name: string;
}

/** A CSAM or AC activated the customer's support agreement; its default workspace follows. */
export type AgreementActivated = DomainEvent<
  'AgreementActivated',
  {
    agreementId: AgreementId;
    customer: { orgId: OrgId; name: string };
    agreementType: AgreementType;
    startsOn: string;
    endsOn: string;
    serviceAdministrator: NamedPerson;
    namedContacts: NamedPerson[];
    allowPersonalAccounts: boolean;
    /** deterministicId('default-workspace', agreementId): the workspace created for it. */
    defaultWorkspaceId: WorkspaceId;
    activatedAt: string;
  }
>;

/** A Customer Administrator switched whether personal accounts may join. */
export type AccountPolicyChanged = DomainEvent<
  'AccountPolicyChanged',
  { agreementId: AgreementId; allowPersonalAccounts: boolean; changedAt: string }
>;

/** A user became a Customer Administrator of the agreement (the Service Administrator on acceptance). */
export type CustomerAdministratorAppointed = DomainEvent<
  'CustomerAdministratorAppointed',
  { agreementId: AgreementId; userId: UserId; appointedAt: string }
>;

/** A Customer Administrator was removed (never the last one). */
export type CustomerAdministratorRemoved = DomainEvent<
  'CustomerAdministratorRemoved',
  { agreementId: AgreementId; userId: UserId; removedBy: UserId; removedAt: string }
>;

/** The agreement's time zone and holidays, which business-time targets follow (domain.md §5). */
export type BusinessCalendarSet = DomainEvent<
  'BusinessCalendarSet',
  { agreementId: AgreementId; timeZone: string; holidays: string[]; setBy: UserId; setAt: string }
>;

/** Every fact of an `agreement-<agreementId>` stream. */
export type AgreementEvent =
  | AgreementActivated
  | AccountPolicyChanged
  | CustomerAdministratorAppointed
  | CustomerAdministratorRemoved
  | BusinessCalendarSet;
