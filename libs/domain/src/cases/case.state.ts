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
  /** Absent for a partner's case about its own subscription (no customer workspace). */
  workspaceId?: WorkspaceId;
  severity: Severity;
  caseType: CaseType;
  primaryContactUserId: UserId;
  initialResponseDueAt: string;
  /** The current target's run (from opening, or the severity change that moved it) and its facts. */
  target: { startedAt: string; warned: TargetPercent[]; breachedAt?: string };
  openedAt: string;
  language?: string;
  respondedAt?: string;
  /** The target that passed without a response, once one did: never cleared. */
  breachedAt?: string;
  closedAt?: string;
  sharedWith: UserId[];
  /** When each was last shared with. */
  sharedAt?: Readonly<Record<string, string>>;
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
      ...(workspaceId !== undefined ? { workspaceId } : {}),
      severity,
      caseType,
      primaryContactUserId,
      initialResponseDueAt,
      target: { startedAt: openedAt, warned: [] },
      openedAt: event.data.openedAt,
      ...(event.data.language !== undefined ? { language: event.data.language } : {}),
    };
    return { status: 'open', ...opened, sharedWith: [], groupIds: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CaseSeverityChanged':
      return {
        ...state,
        severity: event.data.to,
        initialResponseDueAt: event.data.initialResponseDueAt ?? state.initialResponseDueAt,
        breachedAt: state.breachedAt ?? event.data.breachedAt,
        ...(event.data.initialResponseDueAt
          ? { target: { startedAt: event.data.changedAt, warned: [] } }
          : {}),
      };
    case 'CaseShared':
      return {
        ...state,
        sharedWith: state.sharedWith.includes(event.data.userId)
          ? state.sharedWith
          : [...state.sharedWith, event.data.userId],
        sharedAt: { ...state.sharedAt, [event.data.userId]: event.data.sharedAt },
      };
    case 'CaseGroupAccessGranted':
      return { ...state, groupIds: [...state.groupIds, event.data.groupId] };
    case 'CaseFirstResponseRecorded':
      return {
        ...state,
        respondedAt: event.data.respondedAt,
        // A late first response is the breach's evidence: the target passed at its due time.
        breachedAt:
          state.breachedAt ??
          (event.data.responseTargetMet ? undefined : state.initialResponseDueAt),
      };
    case 'CaseClosed':
      return { ...state, status: 'closed', closedAt: event.data.closedAt };
    case 'CaseTargetWarned':
      return {
        ...state,
        target: { ...state.target, warned: [...state.target.warned, event.data.percent] },
      };
    case 'CaseTargetBreached':
      return {
        ...state,
        breachedAt: state.breachedAt ?? event.data.breachedAt,
        target: { ...state.target, breachedAt: event.data.breachedAt },
      };
  }
}
