import { OnBehalfOf, SupportCategory } from '@hub/domain/cases/case.events';
import { CaseType, Severity } from '@hub/domain/cases/response-target';

/** A support case as the cases projection keeps it (SLA clock fields included). */
export interface CaseDoc {
  [key: string]: unknown;
  caseId: string;
  /** Null for a partner's case about its own subscription: it lives in the partner's record. */
  workspaceId: string | null;
  severity: Severity;
  caseType: CaseType;
  category: SupportCategory | null;
  product: string;
  title: string;
  primaryContactUserId: string;
  contractId: string | null;
  packageId: string | null;
  entitlementId: string | null;
  subscriptionId: string | null;
  onBehalfOf: OnBehalfOf | null;
  /** The partner that filed the case (its AdminAgents see it, domain.md §6); null otherwise. */
  filedByPartnerId: string | null;
  openedBy: string;
  openedAt: string;
  initialResponseDueAt: string;
  respondedAt: string | null;
  /** Null until the first response is recorded. */
  responseTargetMet: boolean | null;
  /** The target that passed without a response, as recorded; never cleared (domain.md §5). */
  breachedAt: string | null;
  /** BCP 47, `en` by default. */
  language: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  sharedWith: string[];
  groupIds: string[];
  /**
   * `openedAt|caseId`: one field to sort and page by (newest first), so a page boundary is a
   * single range condition the read-store port can express.
   */
  listKey: string;
}

/**
 * One user admitted to one case by name (visibility rules a–c of domain.md §5: a granted group,
 * case sharing, primary contact). A separate collection because the read-store port cannot
 * filter on "array contains".
 */
export interface CaseViewerDoc {
  [key: string]: unknown;
  caseId: string;
  workspaceId: string;
  userId: string;
  /** When they were admitted: a membership begun later (after a removal) does not revive it. */
  admittedAt: string;
}

/**
 * The projection's own copy of groups' members, so it is self-contained when folded as of a
 * past moment. Group ids are unique per workspace only, hence members by workspace.
 */
export interface CaseGroupDoc {
  [key: string]: unknown;
  groupId: string;
  membersByWorkspace: Record<string, string[]>;
}

export const CASES_COLLECTIONS = {
  cases: 'cases',
  viewers: 'case_viewers',
  groups: 'groups',
} as const;

export function viewerId(caseId: string, userId: string): string {
  return `${caseId}:${userId}`;
}

export function listKeyOf(openedAt: string, caseId: string): string {
  return `${openedAt}|${caseId}`;
}
