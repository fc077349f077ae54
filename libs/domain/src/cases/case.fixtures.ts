// Shared test data for the case specs (not exported from the library).
import { CaseId, Caller, GroupId, UserId, WorkspaceId } from '../shared';
import { CloseCase, GrantGroupAccess, OpenCase, ShareCase } from './case.commands';
import { CaseEvent, CaseOpened } from './case.events';

export const caseId = 'case-1' as CaseId;
export const workspaceId = 'ws-1' as WorkspaceId;
export const at = '2025-03-03T10:00:00.000Z'; // a Monday
export const later = '2025-03-03T11:00:00.000Z';
/** When the service reports the response of `respond` (after it happened). */
export const reportedAt = '2025-03-03T13:05:00.000Z';
export const alice: Caller = { userId: 'u-alice' as UserId, providerRoles: [] };
export const bob: Caller = { userId: 'u-bob' as UserId, providerRoles: [] };
export const stranger: Caller = { userId: 'u-stranger' as UserId, providerRoles: [] };
export const service: Caller = {
  userId: 'svc-delivery' as UserId,
  providerRoles: [],
  service: true,
};
export const workspace = {
  workspaceMemberUserIds: [alice.userId, bob.userId],
  callerIsWorkspaceAdministrator: false,
};
export const asAdmin = { ...workspace, callerIsWorkspaceAdministrator: true };

export const open: OpenCase = {
  type: 'OpenCase',
  caseId,
  workspaceId,
  severity: 'B',
  caseType: 'problem-resolution',
  product: 'Azure SQL',
  title: 'Failover stuck',
  ...workspace,
  at,
  by: alice,
};
export const opened: CaseOpened = {
  type: 'CaseOpened',
  data: {
    caseId,
    workspaceId,
    severity: 'B',
    caseType: 'problem-resolution',
    product: 'Azure SQL',
    title: 'Failover stuck',
    primaryContactUserId: alice.userId,
    openedBy: alice.userId,
    openedAt: at,
    initialResponseDueAt: '2025-03-03T14:00:00.000Z',
  },
};
export const respond = {
  type: 'RecordFirstResponse' as const,
  caseId,
  respondedAt: '2025-03-03T13:00:00Z',
  at: reportedAt,
};
export const responded: CaseEvent = {
  type: 'CaseFirstResponseRecorded',
  data: {
    caseId,
    respondedAt: '2025-03-03T13:00:00.000Z',
    responseTargetMet: true,
    recordedAt: reportedAt,
  },
};
export const share: ShareCase = {
  type: 'ShareCase',
  caseId,
  userId: bob.userId,
  ...workspace,
  at,
  by: alice,
};
export const groupAccess: GrantGroupAccess = {
  type: 'GrantGroupAccess',
  caseId,
  groupId: 'grp-1' as GroupId,
  groupExists: true,
  ...asAdmin,
  at,
  by: bob,
};
export const close: CloseCase = {
  type: 'CloseCase',
  caseId,
  resolution: 'Fixed',
  at: later,
  by: alice,
};
export const closed: CaseEvent = {
  type: 'CaseClosed',
  data: { caseId, resolution: 'Fixed', closedBy: alice.userId, closedAt: later },
};
export const changeSeverity = {
  type: 'ChangeSeverity' as const,
  caseId,
  severity: 'A' as const,
  ...workspace,
  at: later,
  by: alice,
};
