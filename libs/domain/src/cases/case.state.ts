import { CaseId, GroupId, UserId, WorkspaceId } from '../shared';
import { CaseEvent } from './case.events';
import { TargetPercent } from './case-target.events';
import { CaseType, Severity } from './response-target';

/** The stream holding one case's history. */
export function caseStream(caseId: CaseId): string {
  return `case-${caseId}`;
}

/** An opened case, as its rules need it. */
export interface OpenedCase {
  status: 'open' | 'closed';
  caseId: CaseId;
  workspaceId: WorkspaceId;
  severity: Severity;
  caseType: CaseType;
  primaryContactUserId: UserId;
  initialResponseDueAt: string;
  /** The current target's run (from opening, or the severity change that moved it) and its facts. */
  target: { startedAt: string; warned: TargetPercent[]; breachedAt?: string };
  respondedAt?: string;
  sharedWith: UserId[];
  groupIds: GroupId[];
}

/** Nothing yet, or an opened (possibly closed) case. */
export type CaseState = { status: 'none' } | OpenedCase;

/** Folds one case event. */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseOpened') {
    const {
      caseId,
      workspaceId,
      severity,
      caseType,
      primaryContactUserId,
      initialResponseDueAt,
      openedAt,
    } = event.data;
    const opened = {
      caseId,
      workspaceId,
      severity,
      caseType,
      primaryContactUserId,
      initialResponseDueAt,
      target: { startedAt: openedAt, warned: [] },
    };
    return { status: 'open', ...opened, sharedWith: [], groupIds: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CaseSeverityChanged':
      return {
        ...state,
        severity: event.data.to,
        ...(event.data.initialResponseDueAt
          ? {
              initialResponseDueAt: event.data.initialResponseDueAt,
              target: { startedAt: event.data.changedAt, warned: [] },
            }
          : {}),
      };
    case 'CaseShared':
      return { ...state, sharedWith: [...state.sharedWith, event.data.userId] };
    case 'CaseGroupAccessGranted':
      return { ...state, groupIds: [...state.groupIds, event.data.groupId] };
    case 'CaseFirstResponseRecorded':
      return { ...state, respondedAt: event.data.respondedAt };
    case 'CaseClosed':
      return { ...state, status: 'closed' };
    case 'CaseTargetWarned':
      return {
        ...state,
        target: { ...state.target, warned: [...state.target.warned, event.data.percent] },
      };
    case 'CaseTargetBreached':
      return { ...state, target: { ...state.target, breachedAt: event.data.breachedAt } };
  }
}
