import {
  CaseId,
  Caller,
  Decider,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  refuse,
} from '../shared';
import { CaseCommand, OpenCase, RecordFirstResponse } from './case.commands';
import { CaseEvent } from './case.events';
import { CaseState, OpenedCase, evolveCase } from './case.state';
import { decideTarget } from './case-target';
import { initialResponseDueAt, responseTargetMet } from './response-target';

export type { CaseState, OpenedCase } from './case.state';
export { caseStream } from './case.state';

/** A language tag as BCP 47 shapes it (primary language, then subtags). */
const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** How far a reported response may lie in the future: the reporting system's clock may run ahead. */
export const RESPONSE_CLOCK_SKEW_MS = 5 * 60 * 1000;

const isInstant = (value: string) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

function validateOpen(command: OpenCase): void {
  const fields: Record<string, string[]> = {};
  if (!['A', 'B', 'C'].includes(command.severity)) fields.severity = ['must be A, B or C'];
  if (!['problem-resolution', 'advisory'].includes(command.caseType)) {
    fields.type = ['must be problem-resolution or advisory'];
  }
  if (command.category !== undefined && !['SU', 'DSA', 'X85', 'REC'].includes(command.category)) {
    fields.category = ['must be SU, DSA, X85 or REC'];
  }
  if (!command.product?.trim()) fields.product = ['must not be empty'];
  // Only a partner's case about its own subscription lives outside a workspace (domain.md §6).
  const ownRecord = !!command.onBehalfOf && command.onBehalfOf.customerOrgId === undefined;
  if (!command.workspaceId && !ownRecord) fields.workspaceId = ['must name a workspace'];
  if (command.workspaceId && ownRecord) fields.workspaceId = ["a partner's own case has none"];
  if (!command.title?.trim()) fields.title = ['must not be empty'];
  if (!isInstant(command.at)) fields.at = ['must be an ISO instant'];
  if (command.language !== undefined && !BCP47.test(command.language)) {
    fields.language = ['must be a BCP 47 language tag, e.g. en or de-CH'];
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('Invalid case.', fields);
}

function requireCase(state: CaseState, caseId: CaseId): OpenedCase {
  if (state.status === 'none') {
    throw new NotFoundError(`Case ${caseId} not found.`, { caseId }, 'case_not_found');
  }
  return state;
}

function requireOpen(supportCase: OpenedCase): void {
  if (supportCase.status === 'closed')
    refuse('case_closed', `Case ${supportCase.caseId} is closed.`);
}

/** Refuses (403 `case_owner_required`) unless the caller is one of the allowed parties. */
function requireOwner(supportCase: OpenedCase, caller: Caller, allowed: boolean, action: string) {
  if (!allowed && caller.userId !== supportCase.primaryContactUserId) {
    throw new ForbiddenError(`Only the primary contact may ${action}.`, 'case_owner_required');
  }
}

/**
 * The breach a change at `at` finds (domain.md §5): the target in force passed with no first
 * response. Recorded once, at the target's due time; never undone by what follows.
 */
function breachBefore(supportCase: OpenedCase, at: string): { breachedAt?: string } {
  if (supportCase.respondedAt || supportCase.breachedAt) return {};
  const due = supportCase.initialResponseDueAt;
  return Date.parse(at) > Date.parse(due) ? { breachedAt: due } : {};
}

/**
 * A first response lies between the case's opening and now (a few minutes of clock skew
 * allowed), and not after the case closed; anything else is refused with 400.
 */
function validResponse(supportCase: OpenedCase, command: RecordFirstResponse): string {
  const refuseResponse = (reason: string): never => {
    throw new ValidationError('Invalid response.', { respondedAt: [reason] });
  };
  if (!isInstant(command.respondedAt)) refuseResponse('must be an ISO instant');
  const respondedAt = Date.parse(command.respondedAt);
  if (respondedAt < Date.parse(supportCase.openedAt)) {
    refuseResponse('must not be before the case was opened');
  }
  if (respondedAt > Date.parse(command.at) + RESPONSE_CLOCK_SKEW_MS) {
    refuseResponse('must not be in the future');
  }
  if (supportCase.closedAt !== undefined && respondedAt > Date.parse(supportCase.closedAt)) {
    refuseResponse('must not be after the case was closed');
  }
  return new Date(respondedAt).toISOString();
}

function decideOpen(command: OpenCase, state: CaseState): CaseEvent[] {
  if (state.status !== 'none')
    refuse('case_already_exists', `Case ${command.caseId} already exists.`);
  validateOpen(command);
  const members = command.workspaceMemberUserIds;
  const primaryContactUserId = command.primaryContactUserId ?? command.by.userId;
  // Information separation (domain.md §3): only members open cases in a workspace.
  if (!command.onBehalfOf) {
    if (!members.includes(command.by.userId)) {
      throw new ForbiddenError('Only workspace members may open cases.', 'not_a_workspace_member');
    }
    if (!members.includes(primaryContactUserId)) {
      refuse('primary_contact_not_member', 'The primary contact must be a workspace member.');
    }
  }
  const {
    type: _t,
    workspaceMemberUserIds: _m,
    callerIsWorkspaceAdministrator: _a,
    calendar,
    by,
    at,
    ...rest
  } = command;
  const terms = { calendar, language: command.language };
  return [
    {
      type: 'CaseOpened',
      data: {
        ...rest,
        primaryContactUserId,
        openedBy: by.userId,
        openedAt: at,
        initialResponseDueAt: initialResponseDueAt(command.caseType, command.severity, at, terms),
      },
    },
  ];
}

/** Support case: opened in a workspace, shared, responded to, closed (domain.md §5). */
export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.type === 'OpenCase') return decideOpen(command, state);
    const supportCase = requireCase(state, command.caseId);
    const caseId = supportCase.caseId;
    switch (command.type) {
      case 'ChangeSeverity': {
        const allowed = command.callerIsWorkspaceAdministrator || command.by.service === true;
        requireOwner(supportCase, command.by, allowed, 'change the severity');
        requireOpen(supportCase);
        if (command.severity === supportCase.severity) return [];
        const terms = { calendar: command.calendar, language: supportCase.language };
        const due = supportCase.respondedAt
          ? {}
          : {
              initialResponseDueAt: initialResponseDueAt(
                supportCase.caseType,
                command.severity,
                command.at,
                terms,
              ),
            };
        const data = {
          caseId,
          from: supportCase.severity,
          to: command.severity,
          changedAt: command.at,
          ...due,
          ...breachBefore(supportCase, command.at),
        };
        return [{ type: 'CaseSeverityChanged', data }];
      }
      case 'ShareCase': {
        requireOwner(
          supportCase,
          command.by,
          command.callerIsWorkspaceAdministrator,
          'share the case',
        );
        requireOpen(supportCase);
        if (!command.workspaceMemberUserIds.includes(command.userId)) {
          refuse('share_target_not_member', 'A case is shared only with workspace members.');
        }
        // A share made in an earlier membership (before a removal) is made again.
        const since = command.targetMemberSince;
        const sharedAt = supportCase.sharedAt?.[command.userId];
        const sees =
          supportCase.sharedWith.includes(command.userId) &&
          (!since || (sharedAt !== undefined && sharedAt >= since));
        if (sees || command.userId === supportCase.primaryContactUserId) return [];
        const data = {
          caseId,
          userId: command.userId,
          sharedBy: command.by.userId,
          sharedAt: command.at,
        };
        return [{ type: 'CaseShared', data }];
      }
      case 'GrantGroupAccess': {
        if (!command.callerIsWorkspaceAdministrator) {
          throw new ForbiddenError(
            'Only a workspace administrator may open a case to a group.',
            'workspace_administrator_required',
          );
        }
        requireOpen(supportCase);
        if (!command.groupExists) {
          throw new NotFoundError(
            `Group ${command.groupId} not found.`,
            { groupId: command.groupId },
            'group_not_found',
          );
        }
        if (supportCase.groupIds.includes(command.groupId)) return [];
        const data = {
          caseId,
          groupId: command.groupId,
          grantedBy: command.by.userId,
          grantedAt: command.at,
        };
        return [{ type: 'CaseGroupAccessGranted', data }];
      }
      case 'RecordFirstResponse': {
        // Only the first response counts towards the target; later reports change nothing.
        if (supportCase.respondedAt) return [];
        const respondedAt = validResponse(supportCase, command);
        const met = responseTargetMet(respondedAt, supportCase.initialResponseDueAt);
        const data = { caseId, respondedAt, responseTargetMet: met, recordedAt: command.at };
        return [{ type: 'CaseFirstResponseRecorded', data }];
      }
      case 'WarnCaseTarget':
      case 'BreachCaseTarget':
        return decideTarget(command, supportCase);
      case 'CloseCase': {
        requireOwner(supportCase, command.by, command.by.service === true, 'close the case');
        if (supportCase.status === 'closed')
          refuse('case_already_closed', `Case ${caseId} is already closed.`);
        const data = {
          caseId,
          resolution: command.resolution,
          closedBy: command.by.userId,
          closedAt: command.at,
        };
        return [{ type: 'CaseClosed', data }];
      }
    }
  },

  evolve: evolveCase,
};
