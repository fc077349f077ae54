import { DomainEvent } from '@hub/domain';
import { customerAdministrator } from './customer-administrator/customer-administrator.workflow';
import { customerIndex } from './customer-index/customer-index.workflow';
import { defaultWorkspace } from './default-workspace/default-workspace.workflow';
import { gdapApprovalMail } from './gdap-approval-mail/gdap-approval-mail.workflow';
import { invitationClaims } from './invitation-claims/invitation-claims.workflow';
import { invitationMail } from './invitation-mail/invitation-mail.workflow';
import { caseTargetNotices } from './case-target-notices/case-target-notices.workflow';
import { caseTargets } from './case-targets/case-targets.workflow';
import { gdapTermNotices } from './gdap-term-notices/gdap-term-notices.workflow';
import { gdapTerms } from './gdap-terms/gdap-terms.workflow';
import { packageTermNotices } from './package-term-notices/package-term-notices.workflow';
import { packageTerms } from './package-terms/package-terms.workflow';
import { balanceChecks, balanceNotices } from './balance-checks/balance-checks.workflow';
import { contractTermNotices, contractTerms } from './contract-terms/contract-terms.workflow';
import {
  readOnlySessionNotices,
  readOnlySessionTerms,
} from './readonly-session-terms/readonly-session-terms.workflow';
import { verificationCodeTerms } from './verification-code-terms/verification-code-terms.workflow';
import { Workflow } from './workflow';

/**
 * Every workflow, in the order an event's steps run: an org's index entry before anything reads
 * it (the approval mail's recipients), a workspace before the claims of its invitations.
 */
export const ALL_WORKFLOWS: readonly Workflow<DomainEvent, unknown>[] = [
  customerIndex,
  defaultWorkspace,
  invitationClaims,
  invitationMail,
  customerAdministrator,
  gdapApprovalMail,
  // Time (domain.md §9): facts put their due times on the schedule; the clock's facts notify.
  caseTargets,
  caseTargetNotices,
  gdapTerms,
  gdapTermNotices,
  packageTerms,
  packageTermNotices,
  contractTerms,
  contractTermNotices,
  balanceChecks,
  balanceNotices,
  readOnlySessionTerms,
  readOnlySessionNotices,
  verificationCodeTerms,
];
