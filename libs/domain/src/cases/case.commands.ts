import {
  CaseId,
  Caller,
  ContractId,
  EntitlementId,
  GroupId,
  PackageId,
  SubscriptionId,
  UserId,
  WorkspaceId,
} from '../shared';
import { OnBehalfOf, SupportCategory } from './case.events';
import { CaseTargetCommand } from './case-target.events';
import { BusinessCalendar } from '../agreements/business-calendar';
import { CaseType, Severity } from './response-target';

/**
 * What the handler read from the workspace stream for a case command: its member user ids,
 * and whether the caller administers it (Workspace Administrator there, or Customer Administrator).
 */
export interface WorkspaceView {
  workspaceMemberUserIds: UserId[];
  callerIsWorkspaceAdministrator: boolean;
}

/** A workspace member opens a case (POST /v1/cases). */
export interface OpenCase extends WorkspaceView {
  type: 'OpenCase';
  caseId: CaseId;
  /** Absent only for a partner's case about its own subscription (its own record). */
  workspaceId?: WorkspaceId;
  severity: Severity;
  caseType: CaseType;
  category?: SupportCategory;
  product: string;
  title: string;
  description?: string;
  /** Defaults to the caller; must be a workspace member. */
  primaryContactUserId?: UserId;
  contractId?: ContractId;
  packageId?: PackageId;
  entitlementId?: EntitlementId;
  subscriptionId?: SubscriptionId;
  /**
   * Set by the partner slice after its own checks (GDAP, AdminAgent): the partner user is not a
   * workspace member, so membership rules do not apply to caller or primary contact.
   */
  onBehalfOf?: OnBehalfOf;
  /** BCP 47, `en` when absent: other languages count the target in business hours. */
  language?: string;
  /** The agreement's calendar as the handler read it (UTC, no holidays, when absent). */
  calendar?: BusinessCalendar;
  at: string;
  by: Caller;
}

/** Change the severity (primary contact, a workspace administrator, or a service). */
export interface ChangeSeverity extends WorkspaceView {
  type: 'ChangeSeverity';
  caseId: CaseId;
  severity: Severity;
  /** The agreement's calendar as the handler read it (UTC, no holidays, when absent). */
  calendar?: BusinessCalendar;
  at: string;
  by: Caller;
}

/** Share the case with a workspace member (POST /v1/cases/{caseId}/shares). */
export interface ShareCase extends WorkspaceView {
  type: 'ShareCase';
  caseId: CaseId;
  userId: UserId;
  /** When the target's current membership began: a share from an earlier one no longer counts. */
  targetMemberSince?: string;
  at: string;
  by: Caller;
}

/** Open the case to a group of the workspace (POST /v1/cases/{caseId}/group-access). */
export interface GrantGroupAccess extends WorkspaceView {
  type: 'GrantGroupAccess';
  caseId: CaseId;
  groupId: GroupId;
  /** Whether the workspace has this group, as the handler read it. */
  groupExists: boolean;
  at: string;
  by: Caller;
}

/** A service reports the first response (POST …/responses or CaseFirstResponded). */
export interface RecordFirstResponse {
  type: 'RecordFirstResponse';
  caseId: CaseId;
  /** ISO instant of the response. */
  respondedAt: string;
  at: string;
}

/** Close the case (primary contact or a service) (POST /v1/cases/{caseId}/close). */
export interface CloseCase {
  type: 'CloseCase';
  caseId: CaseId;
  resolution: string;
  at: string;
  by: Caller;
}

/** Every command a case decides. */
export type CaseCommand =
  | OpenCase
  | ChangeSeverity
  | ShareCase
  | GrantGroupAccess
  | RecordFirstResponse
  | CloseCase
  | CaseTargetCommand;
