import {
  CaseId,
  Caller,
  Decider,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  refuse,
} from '../shared';
import { CaseCommand, OpenCase } from './case.commands';
import { CaseEvent } from './case.events';
import { CaseState, OpenedCase, evolveCase } from './case.state';
import { decideTarget } from './case-target';
import { initialResponseDueAt, responseTargetMet } from './response-target';

export type { CaseState, OpenedCase } from './case.state';
export { caseStream } from './case.state';

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
  if (!command.title?.trim()) fields.title = ['must not be empty'];
  if (!isInstant(command.at)) fields.at = ['must be an ISO instant'];
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
    by,
    at,
    ...rest
  } = command;
  return [
    {
      type: 'CaseOpened',
      data: {
        ...rest,
        primaryContactUserId,
        openedBy: by.userId,
        openedAt: at,
        initialResponseDueAt: initialResponseDueAt(command.caseType, command.severity, at),
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
        const due = supportCase.respondedAt
          ? {}
          : {
              initialResponseDueAt: initialResponseDueAt(
                supportCase.caseType,
                command.severity,
                command.at,
              ),
            };
        const data = {
          caseId,
          from: supportCase.severity,
          to: command.severity,
          changedAt: command.at,
          ...due,
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
        const sees = supportCase.sharedWith.includes(command.userId);
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
        if (!isInstant(command.respondedAt)) {
          throw new ValidationError('Invalid response.', {
            respondedAt: ['must be an ISO instant'],
          });
        }
        // Only the first response counts towards the target; later reports change nothing.
        if (supportCase.respondedAt) return [];
        const respondedAt = new Date(command.respondedAt).toISOString();
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
