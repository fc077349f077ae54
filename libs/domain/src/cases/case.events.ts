import {
  CaseId,
  ContractId,
  DomainEvent,
  EntitlementId,
  GroupId,
  PackageId,
  PartnerId,
  OrgId,
  SubscriptionId,
  UserId,
  WorkspaceId,
} from '../shared';
import { CaseTargetEvent } from './case-target.events';
import { CaseType, Severity } from './response-target';

/** Support category that makes a case "extra" (domain.md §5 rule 3). */
export type SupportCategory = 'SU' | 'DSA' | 'X85' | 'REC';

/** A partner filing for a customer (domain.md §6): the case carries the partner's contact. */
export interface OnBehalfOf {
  partnerId: PartnerId;
  /** Absent for a case about the partner's own subscription (its own record, no customer). */
  customerOrgId?: OrgId;
  partnerContact: { name: string; email: string; phone: string };
  /** `cloud-solution-provider`, or the partner's own support plan id. */
  supportPlan: 'cloud-solution-provider' | (string & {});
}

/**
 * A support case was opened in a workspace, with its initial response target fixed. A partner's
 * case about its own subscription has no workspace: it lives in the partner's own record
 * (domain.md §6). Schema v2: v1 named such a case's record as a `partner-record-<id>` workspace.
 */
export type CaseOpened = DomainEvent<
  'CaseOpened',
  {
    caseId: CaseId;
    workspaceId?: WorkspaceId;
    severity: Severity;
    caseType: CaseType;
    category?: SupportCategory;
    product: string;
    title: string;
    description?: string;
    primaryContactUserId: UserId;
    contractId?: ContractId;
    packageId?: PackageId;
    entitlementId?: EntitlementId;
    subscriptionId?: SubscriptionId;
    onBehalfOf?: OnBehalfOf;
    /** BCP 47; absent means `en`. */
    language?: string;
    openedBy: UserId;
    openedAt: string;
    initialResponseDueAt: string;
  }
>;

/** The severity changed; before a first response the target restarts from the change. */
export type CaseSeverityChanged = DomainEvent<
  'CaseSeverityChanged',
  {
    caseId: CaseId;
    from: Severity;
    to: Severity;
    changedAt: string;
    /** Present only when no first response was recorded yet. */
    initialResponseDueAt?: string;
    /**
     * When the target in force passed without a first response before this change: the breach
     * is a fact the change records and never undoes (domain.md §5).
     */
    breachedAt?: string;
  }
>;

/** A workspace member was added to the case (case sharing). */
export type CaseShared = DomainEvent<
  'CaseShared',
  { caseId: CaseId; userId: UserId; sharedBy: UserId; sharedAt: string }
>;

/** The members of a group may now see the case. */
export type CaseGroupAccessGranted = DomainEvent<
  'CaseGroupAccessGranted',
  { caseId: CaseId; groupId: GroupId; grantedBy: UserId; grantedAt: string }
>;

/** Support responded for the first time; whether the initial response target was met. */
export type CaseFirstResponseRecorded = DomainEvent<
  'CaseFirstResponseRecorded',
  { caseId: CaseId; respondedAt: string; responseTargetMet: boolean; recordedAt: string }
>;

/** The case was closed with a resolution. */
export type CaseClosed = DomainEvent<
  'CaseClosed',
  { caseId: CaseId; resolution: string; closedBy: UserId; closedAt: string }
>;

/** Every fact of a `case-<caseId>` stream. */
export type CaseEvent =
  | CaseOpened
  | CaseSeverityChanged
  | CaseShared
  | CaseGroupAccessGranted
  | CaseFirstResponseRecorded
  | CaseClosed
  | CaseTargetEvent;
